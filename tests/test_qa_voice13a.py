"""Round 13 (voice13a): career changers' stories before their questions."""

from knowledge.qa.framing import unframed
from knowledge.qa.text import without_role


def test_more_background_jobs_are_the_askers_story() -> None:
    assert "vet" not in without_role("vet tech wanting to do coding, how much is the cpc exam")
    assert "phlebotomist" not in without_role("burnt out phlebotomist lol whats the median pay")
    assert "cashier" not in without_role("dollar store cashier, whats records pay per hour")


def test_another_job_asked_about_stays_asked() -> None:
    assert "vet tech" in without_role("what do vet techs make")


def test_a_budget_frames_the_question() -> None:
    assert unframed("how much is the cca exam, on a tight budget") == "how much is the cca exam"
