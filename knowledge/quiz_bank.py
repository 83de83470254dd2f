"""The practice-question bank: exam domains and quiz questions, validated at load.

Every question must fit a Telegram quiz poll as it is (question, options, explanation and
the correct option index), so the bot never has to cut or fix one when it sends it.
Texts hold no `<`, `>` or `&`: the bot's default parse mode (HTML) also applies to polls.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from knowledge.loader import DATA_DIR, YAML_LOADER

DEFAULT_PATH = DATA_DIR / "quiz_bank.yaml"

MAX_QUESTION = 300
MAX_OPTION = 100
MAX_EXPLANATION = 200
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_ID = 24
_MARKUP_CHARS = frozenset("<>&")

Exam = Literal["CEHRS", "RHIT"]


def _plain(text: str) -> str:
    if _MARKUP_CHARS & set(text):
        raise ValueError("must not contain <, > or & (polls are parsed as HTML)")
    return text


def _poll_text(max_length: int) -> object:
    """Plain text of 1..max_length characters after stripping, as Telegram counts it."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_plain),
    ]


QuestionText = _poll_text(MAX_QUESTION)
OptionText = _poll_text(MAX_OPTION)
ExplanationText = _poll_text(MAX_EXPLANATION)


class QuizQuestion(BaseModel):
    """One practice question, in the shape of a Telegram quiz poll."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(max_length=MAX_ID, pattern=r"^[a-z0-9-]+$")
    exam: Exam
    domain: str = Field(min_length=1)
    question: QuestionText
    options: tuple[OptionText, ...] = Field(min_length=MIN_OPTIONS, max_length=MAX_OPTIONS)
    correct: int = Field(ge=0, strict=True, description="index of the one correct option")
    explanation: ExplanationText
    topic: str = Field(min_length=1, description="the knowledge topic or fact it rests on")
    source: str = Field(min_length=1, description="a source id or short citation")

    @model_validator(mode="after")
    def _poll_rules(self) -> QuizQuestion:
        if len({option.casefold() for option in self.options}) != len(self.options):
            raise ValueError("options: duplicate option")
        if self.correct >= len(self.options):
            raise ValueError(f"correct: index {self.correct} is out of range of the options")
        if self.explanation.count("\n") > 2:
            raise ValueError("explanation: at most 2 line feeds")
        return self

    @property
    def answer(self) -> str:
        return self.options[self.correct]


class Domain(BaseModel):
    """An exam content domain; `weight` is its share of scored items, when it is known."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    exam: Exam
    name: str = Field(min_length=1)
    weight: float | None = Field(default=None, gt=0, le=1)
    source: str = Field(min_length=1)


class QuizBank(BaseModel):
    model_config = ConfigDict(frozen=True)

    domains: tuple[Domain, ...]
    questions: tuple[QuizQuestion, ...]

    def by_id(self, qid: str) -> QuizQuestion | None:
        return self._questions_by_id.get(qid)

    def for_exam(self, exam: str) -> tuple[QuizQuestion, ...]:
        return tuple(q for q in self.questions if q.exam == exam)

    def for_domain(self, domain_id: str) -> tuple[QuizQuestion, ...]:
        return tuple(q for q in self.questions if q.domain == domain_id)

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)

    def domains_for(self, exam: str) -> tuple[Domain, ...]:
        return tuple(d for d in self.domains if d.exam == exam)

    @functools.cached_property
    def _questions_by_id(self) -> dict[str, QuizQuestion]:
        return {q.id: q for q in self.questions}


_M = TypeVar("_M", bound=BaseModel)


def _field_of(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    head, sep, rest = message.partition(": ")
    if not location and sep and head.isidentifier():
        return f"field {head!r}: {rest}"
    return f"field {location or '?'!r}: {message}"


def _validated(model: type[_M], kind: str, raw: object, index: int, file: str) -> _M:
    name = raw.get("id", f"#{index + 1}") if isinstance(raw, Mapping) else f"#{index + 1}"
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise ValueError(f"{file}: {kind} {name!r}: {_field_of(error)}") from None


def _check_weights(domains: list[Domain], file: str) -> None:
    """An exam's weights are all given and sum to 1, or none is given."""
    for exam in {d.exam for d in domains}:
        weights = [d.weight for d in domains if d.exam == exam]
        if all(w is None for w in weights):
            continue
        if None in weights or not math.isclose(sum(weights), 1.0, abs_tol=1e-6):
            raise ValueError(f"{file}: {exam} domain weights must all be given and sum to 1")


def parse_quiz_bank(data: object, file: str) -> QuizBank:
    """Validate the bank's raw data; errors name the file, the question id and the field."""
    if not isinstance(data, Mapping) or not isinstance(data.get("domains"), list) or \
            not isinstance(data.get("questions"), list):
        raise ValueError(f"{file}: expected a mapping with 'domains' and 'questions' lists")
    domains = [_validated(Domain, "domain", raw, i, file) for i, raw in enumerate(data["domains"])]
    by_domain = {d.id: d for d in domains}
    if len(by_domain) != len(domains):
        raise ValueError(f"{file}: duplicate domain id")
    _check_weights(domains, file)
    questions: list[QuizQuestion] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["questions"]):
        question = _validated(QuizQuestion, "question", raw, index, file)
        where = f"{file}: question {question.id!r}"
        if question.id in seen:
            raise ValueError(f"{where}: field 'id': duplicate id")
        domain = by_domain.get(question.domain)
        if domain is None:
            raise ValueError(f"{where}: field 'domain': unknown domain {question.domain!r}")
        if domain.exam != question.exam:
            raise ValueError(f"{where}: field 'domain': {domain.id!r} belongs to {domain.exam}")
        seen.add(question.id)
        questions.append(question)
    return QuizBank(domains=tuple(domains), questions=tuple(questions))


def read_quiz_bank(path: Traversable) -> QuizBank:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name}: not valid YAML: {error}") from None
    return parse_quiz_bank(data, path.name)


@functools.cache
def _default_bank() -> QuizBank:
    return read_quiz_bank(DEFAULT_PATH)


def load_quiz_bank(path: Traversable | None = None) -> QuizBank:
    """The bank at `path`, or the bundled one (read once and cached)."""
    return _default_bank() if path is None else read_quiz_bank(path)
