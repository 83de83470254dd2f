"""The free-text question sets through the real handlers, and the runner's own judging."""

from __future__ import annotations

import pytest

from eval.holdout import holdout_engine, near_duplicates
from eval.run import (
    SETS,
    TARGET_ACCURACY,
    TARGET_DECLINED,
    Question,
    Report,
    evaluate,
    judge,
    known_figures,
    listed_sets,
    load_questions,
    report_text,
)
from handlers.ask import UNKNOWN_OPENING
from knowledge.qa.corpus import knowledge_engine

# Regression floors on the dev set, under round 6's figures (99.1 % and 97.6 % on the 626
# questions of round 3) and under the targets (TARGET_ACCURACY, TARGET_DECLINED), which are for
# the held-out sets and not met there yet — see docs/free-text-answers.md.
DEV_ANSWERABLE_FLOOR = 0.945
DEV_DECLINED_FLOOR = 0.945
# The same set judged leave-near-duplicates-out (eval/holdout.py): phrasings the index has never
# seen must not slip.
HELDOUT_ANSWERABLE_FLOOR = 0.94
HELDOUT_DECLINED_FLOOR = 0.94
# The floors above hold for the round-3 set (its first questions); the questions added after it
# (rounds 4 to 6, each batch written before its changes) have their own, a little under round 6's
# 96.2 % and 99.0 %.
ROUND3_QUESTIONS = 626
LATER_ANSWERABLE_FLOOR = 0.94
LATER_DECLINED_FLOOR = 0.96


def _split(report: Report) -> tuple[Report, Report]:
    """The round-3 questions' outcomes and the later ones'."""
    return (Report(report.outcomes[:ROUND3_QUESTIONS]),
            Report(report.outcomes[ROUND3_QUESTIONS:]))


async def test_dev_set_keeps_its_accuracy_without_invented_figures() -> None:
    questions = load_questions(SETS["dev"])
    assert len(questions) > ROUND3_QUESTIONS
    report = await evaluate(questions)
    failures = [(o.question.q, o.problems) for o in report.failures]
    assert DEV_ANSWERABLE_FLOOR < TARGET_ACCURACY and DEV_DECLINED_FLOOR < TARGET_DECLINED
    round3, later = _split(report)
    assert round3.accuracy >= DEV_ANSWERABLE_FLOOR, failures
    assert round3.declined_rate >= DEV_DECLINED_FLOOR, failures
    assert later.accuracy >= LATER_ANSWERABLE_FLOOR, failures
    assert later.declined_rate >= LATER_DECLINED_FLOOR, failures
    assert report.invented == []


def test_question_files_validate_and_carry_kinds() -> None:
    for path in SETS.values():
        if path.exists():
            questions = load_questions(path)
            assert questions and all(q.q.strip() for q in questions)
    dev = load_questions(SETS["dev"])
    assert {q.kind for q in dev} >= {"typo", "followup", "personal", "offtopic", "unanswerable"}
    assert any(q.context for q in dev)


def test_the_judge_counts_facts_refusals_and_invented_figures() -> None:
    known = known_figures()
    assert 50250.0 in known and 123457.0 not in known
    right = Question(q="pay?", must=("$50,250",))
    assert judge(right, "About $50,250 a year", known) == (False, [], [])
    declined, problems, invented = judge(right, "About $123,457 a year", known)
    assert not declined
    assert problems == ["missing '$50,250'"] and invented == ["$123,457"]
    refusal = f"{UNKNOWN_OPENING} Try /salary."
    assert judge(right, refusal, known)[:2] == (True, ["declined", "missing '$50,250'"])
    unanswerable = Question(q="weather?", kind="unanswerable")
    assert judge(unanswerable, refusal, known) == (True, [], [])
    assert judge(unanswerable, "It pays $50,250", known)[1] == [
        "not declined", "a declined question showed figures"]


async def test_the_report_lists_each_kind_of_failure_side_by_side() -> None:
    questions = (Question(q="how much do ehr specialists make", must=("$50,250",), kind="pay"),
                 Question(q="weather in Paris", declined=True, kind="offtopic"),
                 Question(q="ehr specialist salary", must=("no such fact",), kind="pay"))
    report = await evaluate(questions)
    assert isinstance(report, Report)
    assert report.accuracy == pytest.approx(0.5) and report.declined_rate == 1.0
    assert [o.question.q for o in report.failures] == ["ehr specialist salary"]
    text = report_text({"dev": report, "again": report}, ["dev"])
    assert "answerable right" in text and "1/2" in text and "offtopic" in text
    assert "[dev] other failures: 1" in text and "[again]" not in text


def test_only_the_dev_sets_failures_are_listed_unless_asked() -> None:
    assert listed_sets(["dev", "test", "test2", "test3"]) == ["dev"]
    assert listed_sets(["test", "test2", "test3"]) == []
    assert listed_sets(["dev", "test"], show_test_failures=True) == ["dev", "test"]


def test_held_out_dev_judges_a_question_without_its_near_copy_examples() -> None:
    assert "what is ahima" in near_duplicates("What is AHIMA?")
    engine = holdout_engine("What is AHIMA?")
    assert engine is not knowledge_engine()
    assert all("what is ahima" not in (q.lower() for q in e.questions) for e in engine.entries)
    assert holdout_engine("zzzz qqqq") is knowledge_engine()


async def test_dev_judged_without_its_near_copy_examples_keeps_its_accuracy() -> None:
    report = await evaluate(load_questions(SETS["dev"]), holdout_engine)
    failures = [(o.question.q, o.problems) for o in report.failures]
    round3, later = _split(report)
    assert round3.accuracy >= HELDOUT_ANSWERABLE_FLOOR, failures
    assert round3.declined_rate >= HELDOUT_DECLINED_FLOOR, failures
    assert later.accuracy >= LATER_ANSWERABLE_FLOOR, failures
    assert later.declined_rate >= LATER_DECLINED_FLOOR, failures
    assert report.invented == []
