"""Free-text answers on figures of a named occupation or statistic (round 9, branch occup9): a
related occupation's own figures, the mean apart from the median, an older figure only for its
year, the best- and worst-paying state with their means, a GS grade's bottom and top, the work
of a named rung, slang for pay and "rn" as "right now"."""

from __future__ import annotations

import pytest

from knowledge.cards import cards
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.ladder import duties_of
from tests.qa_answers import answered_by


def _answer_text(question: str) -> str:
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None, question
    return answer.entry.answer


@pytest.mark.parametrize(("question", "figure"), [
    ("how many health information technologists are there", "37,900"),
    ("how many medical and health services managers are employed", "562,700"),
    ("whats the 29-9021 median wage", "$58,250"),
    ("HIM manager salary?", "$110,680"),
    ("growth for health services managers", "29%"),
])
def test_a_related_occupation_is_answered_with_its_own_figure(question: str,
                                                               figure: str) -> None:
    text = _answer_text(question)
    assert figure in text and "$50,250" not in text


def test_a_related_occupation_is_not_answered_with_the_specialists_outlook() -> None:
    assert answered_by("health info technologists job growth 2024-2034") is None


@pytest.mark.parametrize(("question", "entry"), [
    ("whats the average (mean) pay for ehr specialists", "figure:mrs_mean_2021"),
    ("mean salary for health information technologists", "figure:hit_mean_2021"),
    ("what is the mean salary in texas", "state:TX"),
])
def test_the_mean_asked_is_answered_by_a_mean(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "mean pay for ehr specialists in 2024",
    "whats the mean salary for health services managers in 2024",
])
def test_a_mean_of_a_year_the_sources_lack_is_declined(question: str) -> None:
    assert answered_by(question) is None


def test_the_verb_mean_asks_no_mean() -> None:
    assert answered_by("what does cehrs mean") == "certification:CEHRS"


def test_an_older_figure_carries_its_period_and_publisher_in_its_title() -> None:
    titles = {card.id: card.title for card in cards()}
    assert titles["figure:mrs_median_2021"].endswith("(May 2021; CollegeGrad.com)")
    assert "(" not in titles["figure:mrs_median_2024"]


@pytest.mark.parametrize(("question", "figure"), [
    ("the aapc page gave a growth number, is it right", "figure:growth_2023_2033"),
    ("what was the median in 2021", "figure:mrs_median_2021"),
    ("the national median", "figure:mrs_median_2024"),
])
def test_an_older_figure_answers_its_year_or_its_publisher_named(question: str,
                                                                 figure: str) -> None:
    assert answered_by(question) == figure


@pytest.mark.parametrize("question", ["the national median", "national median?",
                                      "whats the national median rn"])
def test_the_national_median_alone_is_the_latest(question: str) -> None:
    text = _answer_text(question)
    assert "$50,250" in text and "May 2024" in text


def test_the_median_of_an_older_year_is_still_found() -> None:
    assert answered_by("what was the median in 2021") == "figure:mrs_median_2021"


@pytest.mark.parametrize(("question", "state", "mean"), [
    ("which state pays best", "New Jersey", "$54,020"),
    ("worst paying state for this job", "Arkansas", "$34,610"),
])
def test_the_best_and_worst_paying_states_come_with_their_means(question: str, state: str,
                                                                 mean: str) -> None:
    text = _answer_text(question)
    assert state in text and mean in text


@pytest.mark.parametrize(("question", "entry"), [
    ("top of gs-7 pay", "federal:gs7"),
    ("lowest step of gs-8", "federal:gs8"),
])
def test_a_grade_s_bottom_and_top_are_its_card(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", ["gs-7 step 5 pay?", "whats gs 9 step 3"])
def test_a_middle_step_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry"), [
    ("what does a HIM director do day to day", "stage:director"),
    ("whats a him manager do all day", "stage:manager"),
    ("duties of an entry level ehr tech?", "stage:entry"),
    ("what does a senior specialist do", "stage:certified"),
])
def test_a_named_rung_s_work_is_its_stage_card(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", ["what does an ehr specialist do",
                                      "what do i do to become a manager",
                                      "what does a senior specialist earn"])
def test_no_rung_s_work_is_asked(question: str) -> None:
    assert duties_of(question.lower()) is None


@pytest.mark.parametrize("question", ["what's the bag for ehr folks nationally",
                                      "how much bread do records specialists pull nationwide"])
def test_slang_for_national_pay(question: str) -> None:
    assert "$50,250" in _answer_text(question)


def test_rn_before_a_pay_word_is_still_a_nurse() -> None:
    assert answered_by("what does an rn make") is None


@pytest.mark.parametrize("question", ["health services managers pay in texas",
                                      "what do healthcare managers make in florida",
                                      "which state pays health services managers the most"])
def test_a_related_occupation_s_pay_in_a_state_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry"), [
    ("pay in texas", "state:TX"),
    ("what do records techs make in lincoln nebraska", "figure:spread_lincoln"),
])
def test_pay_in_a_place_is_still_that_place_s(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", ["what does a health information technologist do",
                                      "what do technologists do on the job"])
def test_a_technologist_s_work_is_no_figure(question: str) -> None:
    assert answered_by(question) == "side_path:hit"
