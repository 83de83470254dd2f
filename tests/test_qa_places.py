"""Free-text answers on places and years (issue 12): a well-known US city in a pay question gets
its state's card, which says its figures are statewide; a past year or pay over time gets the
national figures by year; a state's card gives its rank and, where known, its employment."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeDataError, load_from, load_knowledge
from knowledge.cards import cards
from knowledge.numbers import ordinal
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.followup import followup_text
from knowledge.qa.mentions import find_mentions, mention_words
from knowledge.qa.specifics import Specifics, place_specifics
from tests.test_knowledge_data import Edit, _broken_copy

ENGINE = knowledge_engine()
CARDS = {card.id: card for card in cards()}


def answer_text(question: str, previous: str | None = None) -> str | None:
    """The answering entry's text; None when the question is not answered."""
    answer = ENGINE.answer(question, previous=previous)
    return answer.entry.answer if answer.answered and answer.entry is not None else None


@pytest.mark.parametrize(("question", "state"), [
    ("how much do ehr specialists make in houston", "TX"),
    ("whats the pay like in seattle", "WA"),
    ("las vegas salary for records techs", "NV"),
    ("ehr specialist salary nyc", "NY"),
    ("medical records pay chicago suburbs", "IL"),
    ("oklahoma city ehr pay", "OK"),
    ("portland maine pay", "ME"),
])
def test_a_us_city_in_a_pay_question_gets_its_states_card(question: str, state: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.answered and answer.entry is not None
    assert answer.entry.id == f"state:{state}"
    assert answer.entry.answer.startswith("Annual mean $")
    assert "These are statewide figures: my knowledge has none for" in answer.entry.answer


def test_two_places_in_two_states_get_each_states_card() -> None:
    answer = ENGINE.answer("chicago or houston which pays more")
    assert answer.entry is not None and answer.entry.id == "state:IL"
    assert [entry.id for entry in answer.also] == ["state:TX"]


def test_a_place_in_two_states_gets_both() -> None:
    answer = ENGINE.answer("kansas city medical records salary")
    assert answer.entry is not None and answer.entry.id == "state:MO"
    assert [entry.id for entry in answer.also] == ["state:KS"]


@pytest.mark.parametrize("question", [
    "how much do ehr specialists make in toronto", "pay in manila for medical records",
    "salary in washington dc", "what do they pay in bakersfield", "ehr jobs in fresno",
    "which hospital in houston pays the most", "what does cleveland clinic pay",
])
def test_a_place_without_a_state_figure_or_a_question_not_on_pay_is_declined(
        question: str) -> None:
    assert not ENGINE.answer(question).answered


def test_lincoln_keeps_its_own_figures() -> None:
    text = answer_text("what do records techs make in lincoln nebraska") or ""
    assert "$46,330" in text and "statewide" not in text.lower()
    assert "Omaha" in (answer_text("omaha ehr salary") or "")


def test_a_place_reads_as_its_state_and_a_state_named_with_it_wins() -> None:
    assert find_mentions("pay in houston", ["pay", "houston"]).state == "TX"
    assert find_mentions("kansas city pay", ["kansas", "city", "pay"]).states == ("MO", "KS")
    assert find_mentions("portland maine", ["portland", "maine"]).states == ("ME",)
    assert find_mentions("new york city pay", ["new", "york", "city", "pay"]).states == ("NY",)
    # A misspelled state is read as its correction.
    assert find_mentions("pay in flordia", ["pay", "florida"]).state == "FL"
    assert {"houston"} <= mention_words("pay in houston")


def test_a_follow_up_replaces_a_place_by_another() -> None:
    merged = followup_text("pay in houston", "and in dallas?") or ""
    assert "dallas" in merged and "houston" not in merged


def test_a_place_is_answered_only_by_an_entry_naming_it_and_only_about_pay() -> None:
    specifics = Specifics({}, place_specifics([("new york city", "nyc")]))
    named = specifics.named("ehr salary nyc")
    assert specifics.answers(named, "statewide new york city")
    assert not specifics.answers(named, "new york")
    assert not specifics.answers(specifics.named("ehr jobs in nyc"), "new york city")
    assert specifics.priced("what does nyc pay") == []  # a state card answers, not its title


def test_every_city_names_known_states_and_each_name_once() -> None:
    names = [name for city in load_knowledge().cities for name in city.names]
    assert len(names) == len(set(names))
    assert "lincoln" not in names and "washington dc" not in names


@pytest.mark.parametrize(("edit", "problem"), [
    (lambda d: d["cities"][0].update(states=["DC"]), "DC has no state figure"),
    (lambda d: d["cities"].append({"name": "NYC", "states": ["NY"]}), "names two places"),
])
def test_a_broken_cities_file_is_refused(tmp_path: Path, edit: Edit, problem: str) -> None:
    with pytest.raises(KnowledgeDataError, match=problem):
        load_from(_broken_copy(tmp_path, "cities.yaml", edit))


@pytest.mark.parametrize(("question", "figures"), [
    ("has pay gone up since 2021", ("$46,660", "$50,250")),
    ("how has ehr pay changed year over year", ("$35,920", "$50,250")),
    ("back in '21 what was the median", ("$46,660",)),
    ("what was the 2020 hourly median", ("$21.20",)),
    ("what did the top 10% make in 2011", ("$55,170",)),
])
def test_a_past_year_or_pay_over_time_gets_the_figures_of_those_years(
        question: str, figures: tuple[str, ...]) -> None:
    text = answer_text(question) or ""
    assert all(figure in text for figure in figures), text


def test_the_pay_over_time_card_names_every_year_it_covers() -> None:
    text = CARDS["figure:pay_over_time"].text
    for year in ("2011", "2018", "2020", "2021", "2023", "2024"):
        assert year in text
    assert "2011" not in CARDS["figure:pay_over_time"].title


def test_a_percentile_of_another_year_is_still_declined() -> None:
    assert not ENGINE.answer("what is the 25th percentile nationally").answered
    assert not ENGINE.answer("median pay in 2015").answered


def test_a_states_card_gives_its_rank_and_known_employment() -> None:
    assert "28th highest of the 50 states" in CARDS["state:WI"].text
    assert "3,600 employed" in CARDS["state:WI"].text and "13th" in CARDS["state:WI"].text
    assert "the lowest-paying of the 50" in CARDS["state:AR"].text
    assert "the highest-paying of the 50" in CARDS["state:NJ"].text
    assert "4,760" in (answer_text("how many ehr specialists work in illinois") or "")
    assert not ENGINE.answer("how many records techs are employed in texas").answered


@pytest.mark.parametrize(("number", "word"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"),
                                              (12, "12th"), (13, "13th"), (22, "22nd")])
def test_ordinal(number: int, word: str) -> None:
    assert ordinal(number) == word
