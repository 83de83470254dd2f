"""Round 12 (branch work12): the work itself - the big EHR vendors asked in general, a side
path's work asked as "what is it like", training colleagues as a duty, an associate degree's
length, urgency as framing, a part of the job called its "side"."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.framing import unframed
from knowledge.qa.specifics import vendors_ranked
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("folded", "caveat"), [
    ("biggest ehr vendors out there", True),
    ("which ehr brands dominate the market", True),
    ("who are the major ehr vendors", False),
])
def test_the_big_vendors_in_general_are_ranked(folded: str, caveat: bool) -> None:
    said = vendors_ranked(folded)
    assert said is not None and bool(said) is caveat


@pytest.mark.parametrize("folded", [
    "is epic bigger than cerner",  # a vendor named
    "which ehr vendor is in the most hospitals",  # a count
    "top ehr systems to learn",  # which to learn
    "biggest employers of ehr specialists",
])
def test_a_vendor_sized_or_learnt_is_no_ranking(folded: str) -> None:
    assert vendors_ranked(folded) is None


def test_the_big_vendors_say_that_no_source_sizes_them() -> None:
    answer = knowledge_engine().answer("biggest ehr companies?")
    assert answer.entry is not None and answer.entry.id == "topic:ehr_vendors"
    assert answer.entry.answer.startswith("No source I use sizes the EHR vendors")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("the analyst route, what do you actually do", "side_path:analyst"),
    ("trainer side path - what is that like", "side_path:trainer"),
    ("would i have to teach the nurses the new system", "topic:duties"),
    ("could i move into training staff later", "topic:side_paths"),
    ("the hipaa side of the job?", "topic:hipaa"),
    ("need a job asap, how long does it take", "topic:how_long"),
])
def test_the_work_asked_in_everyday_words(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


def test_urgency_is_framing() -> None:
    assert unframed("quickest route in? i need money soon") == "quickest route in?"


def test_an_associate_degree_asked_its_length_tells_two_years() -> None:
    answer = knowledge_engine().answer("how many years is an associates in hit")
    assert answer.entry is not None and "about two years" in answer.entry.answer
