"""knowledge/data/qa.yaml: the questions each entry answers, and federal (GS) pay."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from knowledge.loader import DATA_DIR, YAML_LOADER
from knowledge.models import Figure, Id, Money, Text

QA_FILE = DATA_DIR / "qa.yaml"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GsRow(_Frozen):
    """One General Schedule grade in one year: base pay at step 1 and step 10."""

    grade: int = Field(ge=1, le=15)
    year: int = Field(ge=2000, le=2100)
    step1: Money
    step10: Money


class SourcedText(_Frozen):
    text: Text
    source: Id


class LocalityRow(_Frozen):
    """One grade and step of a locality area's table: its hourly rate and about what it pays a
    year, as the source gives them."""

    grade: int = Field(ge=1, le=15)
    step: int = Field(ge=1, le=10)
    hourly: float = Field(gt=0)
    annual: Money


class LocalityTable(_Frozen):
    """A locality area's General Schedule pay (base pay plus its locality payment), as far as
    the sources give it."""

    area: Text
    year: int = Field(ge=2000, le=2100)
    percent: float = Field(gt=0)
    source: Id
    rows: tuple[LocalityRow, ...] = Field(min_length=1)


class FederalPay(_Frozen):
    table_source: Id
    rows: tuple[GsRow, ...] = Field(min_length=1)
    increases: tuple[Figure, ...]
    series: SourcedText
    localities: tuple[LocalityTable, ...] = ()

    @property
    def latest_year(self) -> int:
        return max(row.year for row in self.rows)

    def year_rows(self, year: int) -> tuple[GsRow, ...]:
        return tuple(sorted((row for row in self.rows if row.year == year),
                            key=lambda row: row.grade))


class QaFile(_Frozen):
    federal_pay: FederalPay
    # card id → questions it answers, in users' words
    examples: dict[str, tuple[Text, ...]]


def load_qa_file(path: Path = QA_FILE) -> QaFile:
    with path.open(encoding="utf-8") as handle:
        return QaFile.model_validate(yaml.load(handle, Loader=YAML_LOADER))


@cache
def qa_data() -> QaFile:
    """qa.yaml, validated (read once)."""
    return load_qa_file()
