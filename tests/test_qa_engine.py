"""The free-text engine on a tiny corpus: synonyms, typos, paraphrases, intents, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.qa import Entry, Intent, Outcome, build_engine
from knowledge.qa.followup import followup_text
from knowledge.qa.parts import question_parts
from knowledge.qa.smalltalk import SmallTalk, small_talk
from knowledge.qa.text import Vocabulary, normalized_question
from tests.qa_fixture import fixture_engine, fixture_entries

ENGINE = fixture_engine()


@pytest.mark.parametrize(("question", "entry_id"), [
    ("cehrs exam requirements??", "cert_cehrs"),
    ("CEHRS", "cert_cehrs"),
    ("what do i need to sit the cehrs", "cert_cehrs"),
    ("who gives the cehrs certificaton", "cert_cehrs"),
    ("rhit fee", "cert_rhit"),
    ("how much does a coder make at the VA?", "pay_federal"),
    ("veterans affairs salary", "pay_federal"),
    ("specilist salary", "pay_national"),
    ("pay in texas", "state_tx"),
    ("how to get promoted to manager", "stage_manager"),
    ("how do i become an ehr specialist", "steps"),
    ("can i work from home", "remote"),
])
def test_questions_find_their_entry(question: str, entry_id: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.ANSWERED, answer
    assert answer.entry is not None and answer.entry.id == entry_id


@pytest.mark.parametrize("question", ["weather in Paris", "tell me a joke", "", "!!!",
                                      "x" * 5000])
def test_off_topic_is_declined(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.OFF_TOPIC and answer.entry is None


def test_a_question_about_the_field_that_nothing_answers_is_unknown() -> None:
    answer = ENGINE.answer("best pizza place near the hospital in texas")
    assert answer.outcome is Outcome.UNKNOWN and answer.entry is None


def test_intent_and_mentions() -> None:
    answer = ENGINE.answer("what would I earn with RHIT in Texas with 3 years?")
    assert answer.intent is Intent.PAY and answer.personal_pay
    assert answer.mentions.certs == ("RHIT",) and answer.mentions.state == "TX"
    assert answer.mentions.profile_changes() == {"state": "TX", "years": 3}
    assert ENGINE.answer("in which state do I earn most").mentions.state is None


def test_related_entries_and_command() -> None:
    answer = ENGINE.answer("cehrs eligibility")
    assert [entry.id for entry in answer.related][:2] == ["cert_rhit", "steps"]
    assert answer.command == "certify CEHRS"


def test_typos_are_corrected_only_when_close() -> None:
    vocabulary = ENGINE.vocabulary
    assert vocabulary.correct("hosptial") == "hospital"
    assert vocabulary.correct("specilist") == "specialist"
    assert vocabulary.correct("paris") is None
    assert vocabulary.correct("ok") is None


def test_real_words_are_not_corrected_into_others_and_word_forms_keep_their_stem() -> None:
    vocabulary = Vocabulary({}, ["detail", "sides", "uses", "nurse", "hospital", "cehrs"])
    # A typo keeps its first letter (or swaps the first two): "retail" is no "detail".
    assert vocabulary.correct("retail") is None
    assert vocabulary.correct("besides") is None
    assert vocabulary.correct("ohspital") == "hospital"
    # Another form of a known word stands for it.
    assert vocabulary.correct("nurses") == "nurse"
    assert vocabulary.correct("cehr") == "cehrs"


def test_normalized_question_folds_case_accents_punctuation_and_masks_numbers() -> None:
    assert normalized_question("  Café SALARY??  in   TX! ") == "cafe salary in tx"
    assert normalized_question("call me 5551234567 re GS-7") == "call me # re gs 7"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_one_of_the_three_outcomes(text: str) -> None:
    answer = ENGINE.answer(text)
    assert answer.outcome in set(Outcome)
    assert (answer.entry is not None) == answer.answered
    assert answer.entry is None or answer.entry.id in ENGINE.by_id
    assert 0.0 <= answer.coverage <= 1.0
    assert len(answer.question) <= 200


# ----- issue 12: paraphrases, follow-ups, parts, gaps, small talk -------------------------------

def test_example_questions_find_their_entry_by_phrasing_alone() -> None:
    entry = Entry(id="calm", title="Workload", answer="Busy weeks come and go.",
                  questions=("is it stressful",))
    engine = build_engine([entry, *fixture_entries()])
    answer = engine.answer("is the job stresful?")
    assert answer.answered and answer.entry is not None and answer.entry.id == "calm"
    assert answer.paraphrase > 0.9


def test_a_fact_the_sources_lack_is_an_honest_unknown_naming_it() -> None:
    gap = Entry(id="fee_x", title="CEHRS - fee", answer="Fee: unknown.", keywords=("cehrs fee",),
                gap="The CEHRS exam fee was not found.", subjects=frozenset({"CEHRS"}))
    answer = build_engine([gap, *fixture_entries()]).answer("cehrs fee")
    assert answer.outcome is Outcome.UNKNOWN and answer.entry is None
    assert answer.gap is not None and answer.gap.id == "fee_x"


def test_followups_are_read_with_the_previous_question() -> None:
    assert followup_text("how much do ehr specialists make", "and in Florida?") == \
        "how much do ehr specialists make in florida"
    assert followup_text("rhit requirements", "what about RHIA?") == "requirements rhia"
    assert followup_text("tell me about the cca", "how long is it") == "how long is it cca"
    assert followup_text("pay in texas", "Ohio?") == "pay in ohio"
    assert followup_text("where do they work", "what about remote") == "remote"
    # A question of its own is no follow-up.
    assert followup_text("pay in texas", "what does an ehr specialist do all day") is None
    assert followup_text("rhit fee", "how much in texas") is None


def test_engine_answers_a_followup_in_context_and_alone_without() -> None:
    alone = ENGINE.answer("and in texas?")
    after = ENGINE.answer("and in texas?", previous="how much does a coder make at the VA?")
    assert alone.entry is not None and alone.entry.id == "state_tx"
    assert after.read_as.endswith("in texas") and after.answered


def test_a_question_of_several_parts_answers_each() -> None:
    assert question_parts("how long does it take and what is the rhit fee") == [
        "how long does it take", "what is the rhit fee"]
    assert question_parts("cehrs and rhit") == ["cehrs and rhit"]
    assert question_parts("Long time lurker. Can I work from home?") == [
        "Long time lurker", "Can I work from home"]
    answer = ENGINE.answer("can i work from home and what is the rhit fee")
    assert answer.entry is not None and {answer.entry.id, *(e.id for e in answer.also)} == {
        "remote", "cert_rhit"}


@pytest.mark.parametrize(("text", "kind"), [
    ("hi", SmallTalk.GREETING), ("Hello there!", SmallTalk.GREETING),
    ("how are you", SmallTalk.GREETING), ("thanks!!", SmallTalk.THANKS),
    ("thank you so much", SmallTalk.THANKS), ("bye", SmallTalk.FAREWELL),
    ("lol", SmallTalk.CHATTER), ("hahaha", SmallTalk.CHATTER), ("👍", SmallTalk.CHATTER),
    ("42", SmallTalk.CHATTER), ("ok cool", SmallTalk.CHATTER), ("???", SmallTalk.CHATTER),
])
def test_small_talk_is_recognised(text: str, kind: SmallTalk) -> None:
    assert small_talk(text) is kind


@pytest.mark.parametrize("text", ["hi, what does an RHIT earn?", "ok and what about rhia",
                                  "is it stressful", "how much", "thanks, and the cca fee?",
                                  "", "   "])
def test_questions_are_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_lower_case_state_codes_and_what_if_wording() -> None:
    assert ENGINE.answer("ny salary").mentions.state == "NY"
    assert ENGINE.answer("or what").mentions.state is None
    answer = ENGINE.answer("what if i moved to texas")
    assert answer.personal_pay and answer.wants_estimate
    assert ENGINE.answer("how can i get a raise").personal_pay is False
