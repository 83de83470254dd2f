"""Free-text answers (issue 12, round 7): a length asked as a yes/no, FAQ headings ending in a
choice of judgements, typos corrected before the synonym phrases are looked for, comma lists of
questions each answered with the first one leading, and declines near them (school names,
rankings, a programme's cost or format, another field's degree)."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.parts import question_parts
from knowledge.qa.text import spoken_amounts
from tests.qa_answers import answered_by

ENGINE = knowledge_engine()


def _words(question: str) -> list[str]:
    return [word.text for word in ENGINE.vocabulary.expand(question)]


@pytest.mark.parametrize(("typed", "read"), [
    ("can it be done within 12 months", "can it be done how long"),
    ("can i get qualified in 6 months", "can i get qualified how long"),
    ("is it possible to finish in under a year", "is it possible to finish how long"),
    ("could i be job ready in like a year or less", "could i be job ready how long"),
    ("is 2 years enough to get it done", "is how long to get it done"),
    ("can i do a bachelors in 2 years", "can i do a bachelors how long"),
])
def test_a_length_asked_as_a_yes_no_asks_how_long(typed: str, read: str) -> None:
    assert spoken_amounts(typed) == read


@pytest.mark.parametrize("typed", [
    "will there be jobs in 10 years",  # the future, not a length
    "6 months of coding experience",  # an amount of experience
    "can i get certified with under a year of experience",
    "what will i make with a degree in 5 years",  # pay in the future
    "what will i earn in 6 months",
])
def test_a_span_that_is_no_length_of_training_stays(typed: str) -> None:
    assert "how long" not in spoken_amounts(typed)


@pytest.mark.parametrize(("question", "entry"), [
    ("can a health IT certificate be done within 12 months?", "topic:how_long"),
    ("possible to do the whole thing in 9 months?", "topic:how_long"),
    ("can i get qualified in 6 months??", "topic:how_long"),
])
def test_a_length_asked_as_a_yes_no_gets_the_how_long_card(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_headings_trailing_choice_of_judgements_carries_no_topic() -> None:
    assert _words("Job Outlook - Electronic Health Records Specialists: Positive or Not?") \
        == ["job outlook"]
    assert _words("Salary Of EHR Specialists: Good Or Bad?") == ["salary"]
    assert "optional" in _words("Certification - Required Or Optional?")


@pytest.mark.parametrize(("question", "entry"), [
    ("Job Outlook - Electronic Health Records Specialists: Positive or Not?", "topic:outlook"),
    ("Salary Of EHR Specialists: Good Or Bad?", "topic:salary_national"),
    ("Certification - Required Or Optional?", "topic:certification_needed"),
])
def test_a_faq_heading_with_a_choice_reads_as_the_plain_question(question: str,
                                                                 entry: str) -> None:
    assert answered_by(question) == entry


def test_typos_are_corrected_before_the_synonym_phrases_are_found() -> None:
    assert "how long" in _words("how lnog does it tak to get qualifed")
    assert "how much" in _words("hw mch do they mkae")
    assert _words("wher do ehr specilists wrk") == ["where do they"]


@pytest.mark.parametrize(("question", "entry"), [
    ("how lnog does it tak to get qualifed for ehr work", "topic:how_long"),
    ("waht skils do i ned", "topic:skills"),
    ("wher do ehr specilists wrk", "topic:work_settings"),
    ("hw mch do ehr specalists mkae", "topic:salary_national"),
])
def test_questions_with_several_typos_reach_their_card(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_swap_of_two_letters_counts_as_one_edit() -> None:
    assert ENGINE.vocabulary.correct("strated") == "started"  # not "saturated"
    assert answered_by("hwo do i get strated in ehr") == "topic:how_to_become"


def test_three_letters_without_a_vowel_are_no_stopword_unless_listed() -> None:
    assert "hha" in _words("what does an hha do")  # an acronym, not "haha"


def test_a_comma_list_of_questions_is_split_into_them() -> None:
    assert question_parts("what does an ehr specialist do, what do they get paid, and how long "
                          "is school") == ["what does an ehr specialist do",
                                           "what do they get paid", "how long is school"]
    assert question_parts("where do they work, what skills do i need, and whats the pay") \
        == ["where do they work", "what skills do i need", "whats the pay"]


@pytest.mark.parametrize("question", [
    "what do they earn in texas, florida or ohio",
    "i live in texas, what does it pay",
])
def test_a_comma_that_lists_no_questions_splits_nothing(question: str) -> None:
    assert question_parts(question) == [question]


def test_each_of_three_asks_is_answered_the_first_leading() -> None:
    answer = ENGINE.answer("what does an ehr specialist do, what do they get paid, and how "
                           "long is school")
    assert answer.entry is not None and answer.entry.id == "topic:duties"
    assert [entry.id for entry in answer.also] == ["topic:salary_national", "topic:how_long"]


@pytest.mark.parametrize(("question", "entry"), [
    ("is this a good field to get into?", "topic:outlook"),
    ("is the field expanding", "topic:outlook"),
    ("is ehr a good career path", "topic:outlook"),
    ("worth going into health information?", "topic:outlook"),
    ("Job Prospects For EHR Specialists", "topic:outlook"),
    ("what is the career path", "topic:career_ladder"),
    ("what schooling does the government handbook list to get in", "topic:education"),
    ("medical coder vs ehr specialist whats the diff", "topic:ehr_vs_coder"),
])
def test_outlook_education_and_comparison_phrasings(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "is southern new hampshire university good for health info",
    "what are the top ranked health information schools",
    "should i do an online or in-person program, which is better",
    "how much does an associate degree cost at a community college",
    "which college has the best him program",
    "what are the best online ehr programs",
    "do employers prefer online or campus programs",
    "Online vs In-Person Training: Which Is Better?",
    "how much do textbooks cost",
    "can i finish a nursing degree in 2 years",
])
def test_school_names_rankings_costs_and_other_fields_are_declined(question: str) -> None:
    assert not ENGINE.answer(question).answered


def test_a_part_that_asks_on_its_own_keeps_no_earlier_intent() -> None:
    answer = ENGINE.answer("what's the job like, what's the pay, is it remote?")
    assert answer.entry is not None and answer.entry.id == "topic:duties"
    assert [entry.id for entry in answer.also] == ["topic:salary_national", "topic:remote_work"]


@pytest.mark.parametrize("question", ["what do they do", "whats the job like"])
def test_what_they_do_asks_for_the_duties(question: str) -> None:
    assert answered_by(question) == "topic:duties"


def test_three_asks_are_answered_in_their_order() -> None:
    answer = ENGINE.answer("what do ehr specialists do? how much do they earn? how long is the "
                           "training?")
    assert answer.entry is not None and answer.entry.id == "topic:duties"
    assert [entry.id for entry in answer.also] == ["topic:salary_national", "topic:how_long"]


@pytest.mark.parametrize(("question", "parts"), [
    ("Duties, salary and outlook?", ["Duties", "salary", "outlook"]),
    ("pay in texas, florida and ohio", ["pay in texas", "florida", "ohio"]),
    ("salary and benefits", ["salary and benefits"]),  # two topics: one question
    ("tell me the salary, the job outlook and the education needed",
     ["tell me the salary, the job outlook and the education needed"]),
])
def test_a_list_of_three_topics_is_three_questions(question: str, parts: list[str]) -> None:
    assert question_parts(question) == parts


@pytest.mark.parametrize(("question", "entries"), [
    ("duties, pay, outlook", ["topic:duties", "topic:salary_national", "topic:outlook"]),
    ("texas, florida and ohio", ["state:TX", "state:FL", "state:OH"]),
])
def test_each_topic_of_a_list_is_answered_in_its_order(question: str,
                                                       entries: list[str]) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None
    assert [answer.entry.id, *(entry.id for entry in answer.also)] == entries


def test_a_swapped_stopword_beats_a_known_word_an_edit_away() -> None:
    assert "how many years" in _words("how mnay yeras of shcool do i need")  # not "may"


@pytest.mark.parametrize(("question", "entry"), [
    ("Salary Expectations", "topic:salary_national"),
    ("Average Salary: What To Expect", "topic:salary_national"),
])
def test_salary_expectations_ask_the_pay(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_which_to_choose_compares_but_choosing_a_school_is_declined() -> None:
    answer = ENGINE.answer("RHIT or RHIA: Which Should You Choose?")
    assert answer.entry is not None and answer.also
    assert {answer.entry.id, answer.also[0].id} == {"certification:RHIT", "certification:RHIA"}
    assert not ENGINE.answer("how do i choose a school").answered
