"""Round 13 (voice13c): follow-ups that only point back, and the bare credential what-if."""

from knowledge.qa.followup import followup_text
from knowledge.qa.mentions import only_gained


def test_time_after_an_exam_keeps_the_exam() -> None:
    assert followup_text("whats the rhit exam like", "how long tho") == "how long tho rhit exam"
    read = followup_text("tell me about the cca exam", "how much time do i get")
    assert read is not None and "cca exam" in read


def test_a_part_asked_at_length_keeps_the_certification() -> None:
    read = followup_text("whats the rhia", "how long do i have to wait to retake")
    assert read is not None and read.endswith("rhia")


def test_why_asks_the_previous_question_again() -> None:
    assert followup_text("what cert should a beginner get first", "why?") == \
        "what cert should a beginner get first"


def test_after_a_numbered_step_comes_the_next() -> None:
    assert followup_text("whats step 3 of becoming an ehr specialist", "ok and after that?") == \
        "what is step 4 of becoming an ehr specialist"
    assert followup_text("how much is the cpc exam", "and after that?") is None or \
        "step" not in followup_text("how much is the cpc exam", "and after that?")


def test_only_a_credential_gained_is_a_pay_what_if() -> None:
    assert only_gained("what if i get the cca")
    assert only_gained("what if i got my rhit too")
    assert not only_gained("what if i fail the cca")
    assert not only_gained("what if i get the cca how long is the exam")
