"""The free-text question set (eval/questions.yaml) through the real handlers."""

from __future__ import annotations

from eval.run import TARGET_ACCURACY, evaluate, load_questions


async def test_question_set_meets_the_accuracy_target_without_invented_figures() -> None:
    questions = load_questions()
    assert len(questions) >= 100
    report = await evaluate(questions)
    failures = [(o.question.q, o.problems) for o in report.failures]
    assert report.accuracy >= TARGET_ACCURACY, failures
    assert report.invented == []
    assert all(o.passed for o in report.outcomes if o.question.declined), failures
