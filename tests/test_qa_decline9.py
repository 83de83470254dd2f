"""Free-text answers on near misses (round 9, branch decline9): the pay of roles no source pays
(trainers, analysts, informatics, implementation specialists, auditors), the pay of remote jobs,
a retake rule the sources lack, yearly raises and employers' benefits outside federal jobs,
school costs and job-board counts are declined; the same roles, retakes, raises and benefits
the sources do give are answered."""

from __future__ import annotations

import pytest

from knowledge.qa.specifics import Specifics
from tests.qa_answers import answered_by


@pytest.mark.parametrize("question", [
    "how much do ehr trainers make",
    "wat does an ehr trainer get paid",
    "whats the salary for an ehr analyst",
    "health informatics specialist pay?",
    "whats the average salary of an ehr implementation specialist",
    "is an ehr trainer paid better than an ehr analyst",
    "how much do remote ehr jobs pay",
    "if i fail the cehrs how long till i can retake it",
    "whats the cehrs retake fee",
    "how big is the yearly raise for ehr specialists",
    "do ehr specialists get health insurance thru work",
    "how much does an online hit associate cost",
    "whats tuition like for a bachelors in him",
    "how many ehr job postings are on linkedin",
    "wfh ehr jobs pay?",
])
def test_a_fact_the_sources_lack_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry"), [
    ("what does an ehr trainer do", "side_path:trainer"),
    ("what does an ehr analyst do", "side_path:analyst"),
    ("how long do i wait to retake the rhit", "certification:RHIT:retake"),
    ("can i do this job remote from another state", "topic:remote_work"),
    ("what is the yearly raise for gs employees", "federal:overview"),
    ("does the va offer health insurance", "topic:government_benefits"),
    ("u think i can wfh", "topic:remote_work"),
    ("how much does the cca cost", "certification:CCA:fee"),
])
def test_what_the_sources_give_is_still_answered(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_an_unpaid_role_is_declined_only_when_its_pay_is_asked() -> None:
    specifics = Specifics({}, unpaid=["trainer"])
    assert specifics.named("how much do ehr trainers make")
    assert not specifics.named("what does an ehr trainer do")
    assert not specifics.named("how much training does a trainer need")


@pytest.mark.parametrize("question", ["what would i make as a trainer",
                                      "if i became an ehr analyst what would i earn"])
def test_the_askers_own_pay_in_an_unpaid_role_is_no_decline(question: str) -> None:
    # The asker's own estimate answers, with the role's card after it (handlers/ask.py).
    assert answered_by(question) is not None
