"""The practice-question bank: the real data validates; broken data is refused clearly."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from knowledge.quiz_bank import DEFAULT_PATH, QuizQuestion, load_quiz_bank

MIN_CEHRS = 150
MIN_RHIT = 30


def test_real_bank_validates_and_is_cached() -> None:
    bank = load_quiz_bank()
    assert bank is load_quiz_bank()
    assert bank == load_quiz_bank(DEFAULT_PATH)


def test_lookups() -> None:
    bank = load_quiz_bank()
    first = bank.questions[0]
    assert bank.by_id(first.id) is first
    assert bank.by_id("no-such-question") is None
    assert first in bank.for_exam(first.exam)
    assert first in bank.for_domain(first.domain)
    assert bank.domain(first.domain).exam == first.exam
    assert bank.domain("nope") is None
    assert {d.id for d in bank.domains_for("RHIT")} == {
        "rhit_data", "rhit_privacy", "rhit_analytics", "rhit_revenue", "rhit_compliance",
        "rhit_leadership",
    }


def test_counts_per_exam_and_domain() -> None:
    bank = load_quiz_bank()
    assert len(bank.for_exam("CEHRS")) >= MIN_CEHRS
    assert len(bank.for_exam("RHIT")) >= MIN_RHIT
    for domain in bank.domains:
        assert bank.for_domain(domain.id), f"domain {domain.id} has no questions"


def test_cehrs_spread_roughly_follows_the_domain_weights() -> None:
    bank = load_quiz_bank()
    cehrs = bank.for_exam("CEHRS")
    for domain in bank.domains_for("CEHRS"):
        share = len(bank.for_domain(domain.id)) / len(cehrs)
        assert abs(share - domain.weight) <= 0.05, (domain.id, share, domain.weight)


def test_cehrs_weights_sum_to_one_and_rhit_weights_are_not_stated() -> None:
    bank = load_quiz_bank()
    assert math.isclose(sum(d.weight for d in bank.domains_for("CEHRS")), 1.0)
    assert all(d.weight is None for d in bank.domains_for("RHIT"))


def test_every_question_fits_a_telegram_quiz_poll() -> None:
    for question in load_quiz_bank().questions:
        assert 1 <= len(question.question) <= 300
        assert 2 <= len(question.options) <= 10
        assert all(1 <= len(option) <= 100 for option in question.options)
        assert len(question.explanation) <= 200
        assert 0 <= question.correct < len(question.options)
        assert len(question.id) <= 24


def test_questions_are_not_repeated() -> None:
    texts = [q.question.casefold() for q in load_quiz_bank().questions]
    assert len(texts) == len(set(texts))


# ----- broken files --------------------------------------------------------------------------

def _valid_question(**changes: object) -> dict[str, object]:
    question: dict[str, object] = {
        "id": "cehrs-test-001", "exam": "CEHRS", "domain": "clinical",
        "question": "Which record lists a patient's diagnoses?",
        "options": ["Problem list", "Encounter form"], "correct": 0,
        "explanation": "The problem list summarises conditions.",
        "topic": "Problem list", "source": "test",
    }
    return {**question, **changes}


def _real_domains() -> list[dict[str, object]]:
    return [domain.model_dump() for domain in load_quiz_bank().domains]


def _write_bank(tmp_path: Path, *questions: dict[str, object]) -> Path:
    path = tmp_path / "broken_bank.yaml"
    path.write_text(yaml.safe_dump({"domains": _real_domains(), "questions": list(questions)}))
    return path


def test_a_minimal_valid_file_loads(tmp_path: Path) -> None:
    bank = load_quiz_bank(_write_bank(tmp_path, _valid_question()))
    assert bank.questions == (QuizQuestion.model_validate(_valid_question()),)


@pytest.mark.parametrize(
    ("questions", "field"),
    [
        ((_valid_question(), _valid_question()), "id"),
        ((_valid_question(correct=2),), "correct"),
        ((_valid_question(correct=-1),), "correct"),
        ((_valid_question(question="x" * 301),), "question"),
        ((_valid_question(options=["Problem list", "y" * 101]),), "options.1"),
        ((_valid_question(options=["Only one"]),), "options"),
        ((_valid_question(options=[f"option {n}" for n in range(11)]),), "options"),
        ((_valid_question(options=["Problem list", "problem list"]),), "options"),
        ((_valid_question(explanation="z" * 201),), "explanation"),
        ((_valid_question(explanation="a\nb\nc\nd"),), "explanation"),
        ((_valid_question(question="Is 2 <b>bold</b>?"),), "question"),
        ((_valid_question(domain="billing"),), "domain"),
        ((_valid_question(domain="rhit_data"),), "domain"),
        ((_valid_question(exam="CCA"),), "exam"),
        ((_valid_question(id="Bad ID!"),), "id"),
        ((_valid_question(topic=""),), "topic"),
        ((_valid_question(correct=True),), "correct"),
    ],
)
def test_broken_question_names_file_id_and_field(
    tmp_path: Path, questions: tuple[dict[str, object], ...], field: str
) -> None:
    path = _write_bank(tmp_path, *questions)
    with pytest.raises(ValueError, match=r"broken_bank\.yaml") as caught:
        load_quiz_bank(path)
    message = str(caught.value)
    assert "question 'cehrs-test-001'" in message or "question 'Bad ID!'" in message
    assert f"field '{field}'" in message


def test_weights_that_do_not_sum_to_one_are_refused(tmp_path: Path) -> None:
    domains = _real_domains()
    domains[0]["weight"] = 0.5
    path = tmp_path / "weights.yaml"
    path.write_text(yaml.safe_dump({"domains": domains, "questions": []}))
    with pytest.raises(ValueError, match=r"weights\.yaml: CEHRS domain weights"):
        load_quiz_bank(path)


def test_not_a_bank_at_all(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("just text\n")
    with pytest.raises(ValueError, match=r"empty\.yaml: expected a mapping"):
        load_quiz_bank(path)


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "garbled.yaml"
    path.write_text("questions: [unclosed\n")
    with pytest.raises(ValueError, match=r"garbled\.yaml: not valid YAML"):
        load_quiz_bank(path)
