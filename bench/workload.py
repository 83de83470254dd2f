"""The simulated users' mix, read from `workload.yaml` and validated at load."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

WORKLOAD_FILE = Path(__file__).with_name("workload.yaml")


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Step(BaseModel):
    """One thing a user does: a message, a button press or an inline query (`@bot text`), a
    message optionally followed by a quiz answer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    weight: float = Field(gt=0)
    chat: Literal["private", "group"] = "private"
    text: tuple[str, ...] = ()
    press: tuple[str, ...] = ()
    inline: tuple[str, ...] = ()
    answer_poll: bool = False
    reply: bool = True

    _lists = field_validator("text", "press", "inline", mode="before")(_as_list)

    @model_validator(mode="after")
    def _one_kind(self) -> Step:
        if [bool(self.text), bool(self.press), bool(self.inline)].count(True) != 1:
            raise ValueError(f"step {self.name!r} needs exactly one of text, press and inline")
        if (self.press or self.inline) and self.chat != "private":
            raise ValueError(f"step {self.name!r}: button presses and inline queries are "
                             "simulated in private chats")
        return self

    @property
    def variants(self) -> tuple[str, ...]:
        return self.text or self.press or self.inline


class Variant(BaseModel):
    """One concrete update of a step: what the probe checks and the users send."""

    model_config = ConfigDict(frozen=True)

    step: Step
    index: int

    @property
    def key(self) -> str:
        return f"{self.step.name}#{self.index}"

    def content(self, bot_username: str) -> str:
        return self.step.variants[self.index].replace("{bot}", bot_username)


class Workload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    steps: tuple[Step, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> Workload:
        names = [step.name for step in self.steps]
        if len(names) != len(set(names)):
            raise ValueError("step names must be unique")
        return self

    def variants(self) -> list[Variant]:
        return [Variant(step=step, index=i) for step in self.steps
                for i in range(len(step.variants))]


def load_workload(path: Path = WORKLOAD_FILE) -> Workload:
    return Workload.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


class Mix:
    """Picks variants by their step's weight (variants of a step equally likely)."""

    def __init__(self, variants: list[Variant], rng: random.Random) -> None:
        if not variants:
            raise ValueError("no step of the workload got the reply it expects")
        self.variants = variants
        counts: dict[str, int] = {}
        for variant in variants:
            counts[variant.step.name] = counts.get(variant.step.name, 0) + 1
        self.weights = [v.step.weight / counts[v.step.name] for v in variants]
        self.rng = rng

    def pick(self) -> Variant:
        return self.rng.choices(self.variants, self.weights)[0]
