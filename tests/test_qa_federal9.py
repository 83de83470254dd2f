"""Free-text answers on federal pay (round 9, branch federal9): government jobs in short ("feds",
"govt", "a fed job") are government questions; federal agencies the knowledge has no figures for
(IHS, DoD...), how long federal hiring takes and the GS level records techs start at are
declined; government against private pay is answered by the card saying government pays most."""

from __future__ import annotations

import pytest

from knowledge.profile import Employer
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.mentions import Mentions
from tests.qa_answers import answered_by


def engine_mentions(question: str) -> Mentions:
    """What the question names as the engine reads it (its synonym phrases joined)."""
    return knowledge_engine().answer(question).mentions


@pytest.mark.parametrize("question", [
    "IHS or VA, which pays more",
    "what does indian health service pay records techs",
    "does the dod pay ehr specialists well",
    "how long does the va take to hire",
    "whats the federal hiring process timeline",
    "what gs level do records techs start at",
])
def test_a_federal_fact_the_sources_lack_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry"), [
    ("fed job pay for ehr ppl?", "federal:overview"),
    ("how much did feds get bumped in 2025", "federal:overview"),
    ("is govt work better paid than the private sector", "topic:government_pay_factors"),
    ("is federal pay better than a hospital's", "topic:government_pay_factors"),
    ("gov gig benefits worth it?", "topic:government_benefits"),
    ("how long from enrolling to getting hired", "topic:how_long"),
    ("what does the VA pay records techs", "federal:agency_va"),
])
def test_what_the_sources_give_is_answered(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", ["what do feds make", "govt pay", "a fed job near me"])
def test_government_slang_names_a_government_employer(question: str) -> None:
    assert engine_mentions(question).employer is Employer.GOVERNMENT


def test_fed_up_is_no_government_job() -> None:
    assert engine_mentions("im fed up with my job").employer is None
