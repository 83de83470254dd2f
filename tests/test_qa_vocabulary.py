"""Free-text answers and words nobody wrote down (round 4): the English word list that keeps real
words from being "corrected" into the knowledge's, everyday words mapped to what the cards say,
retakes on a card of their own, and comparisons of a figure shown on both sides."""

from __future__ import annotations

import pytest

from knowledge.cards import cards
from knowledge.qa import Outcome
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.english import is_english, zipf
from knowledge.qa.text import Vocabulary

ENGINE = knowledge_engine()


def test_the_word_list_tells_everyday_words_from_names_and_typos() -> None:
    assert is_english("movie") and is_english("paycheck") and is_english("cashier")
    # Subtitles count a name when it is spoken in lower case, so names fall low.
    assert zipf("paycheck") > zipf("chicago") > zipf("fresno")
    assert not is_english("hosptial") and not is_english("geisinger")
    # The texts' British spelling is looked up as the American one.
    assert zipf("memorise") == zipf("memorize") > 0


def test_a_real_word_is_not_corrected_into_a_knowledge_word_but_a_typo_is() -> None:
    vocabulary = Vocabulary({}, ["move", "kinds", "leading", "cheapest", "hospital"])
    assert vocabulary.correct("movie") is None
    assert vocabulary.correct("kids") is None
    assert vocabulary.correct("leaking") is None
    assert vocabulary.correct("hosptial") == "hospital"
    assert vocabulary.correct("mvoe") == "move"
    # Another form of the same word still reads as it.
    assert vocabulary.correct("cheaper") == "cheapest"


def test_an_off_topic_question_in_everyday_words_is_declined() -> None:
    assert not ENGINE.answer("recommend a good movie").answered


@pytest.mark.parametrize(("question", "entry_id"), [
    ("is the workload crazy", "topic:stress"),
    ("what's the paycheck per hour", "figure:mrs_median_hourly_2024"),
    ("will robots take over this job", "topic:outlook"),
    ("do i have to memorize body parts and medical words", "topic:anatomy"),
    ("do employers respect the cehrs", "topic:cehrs_worth_it"),
])
def test_everyday_words_reach_the_card_that_says_it_in_other_words(question: str,
                                                                    entry_id: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.answered and answer.entry is not None and answer.entry.id == entry_id


def test_a_retake_wait_is_answered_where_the_exam_format_is_a_missing_fact() -> None:
    answer = ENGINE.answer("failed the rhia, when can i try again")
    assert answer.answered and answer.entry is not None
    assert answer.entry.id == "certification:RHIA:retake" and "90 days" in answer.entry.answer
    missing = ENGINE.answer("how many questions are on the rhia")
    assert missing.outcome is Outcome.UNKNOWN and missing.gap is not None
    assert missing.gap.id == "certification:RHIA:exam"


def test_a_retake_card_stands_for_a_missing_fact_where_the_sources_give_no_retake_rule() -> None:
    retake = {card.id: card for card in cards() if card.id.endswith(":retake")}
    assert not retake["certification:RHIA:retake"].gap
    assert not retake["certification:CCA:retake"].gap
    assert "waiting period before a retake" in retake["certification:CEHRS:retake"].gap


def test_a_comparison_of_a_figure_shows_both_sides() -> None:
    answer = ENGINE.answer("rhit vs cca fee")
    assert answer.entry is not None and answer.entry.id == "certification:RHIT:fee"
    assert [entry.id for entry in answer.also][:1] == ["certification:CCA:fee"]
    assert "$229" in answer.entry.answer and "$199" in answer.also[0].answer
