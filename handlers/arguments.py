"""Parsing `key=value` arguments as typed after a command."""

from __future__ import annotations

import shlex

from handlers.render import echo, escape
from knowledge.profile import FIELD_KEYS, ProfileValueError


class ArgumentError(ValueError):
    """Arguments that are not a list of key=value pairs.

    The exception's message says what is expected and never contains what the user typed (it
    may end up in a logged traceback); `explanation` adds the offending part, for the reply.
    """

    def __init__(self, reason: str, fragment: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.fragment = fragment

    @property
    def explanation(self) -> str:
        return f"'{self.fragment}' {self.reason}" if self.fragment else self.reason


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """`years=3 state="New York"` (or `state=New York`) → [("years", "3"), ("state",
    "New York")]."""
    try:
        tokens = shlex.split(text.replace("“", '"').replace("”", '"'))
    except ValueError as error:
        raise ArgumentError("a quote is not closed") from error
    pairs: list[tuple[str, str]] = []
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep and pairs:  # `state=New York`: a word without "=" continues the value
            last_key, last_value = pairs[-1]
            pairs[-1] = (last_key, f"{last_value} {token}".strip())
            continue
        if not sep or not key.strip():
            raise ArgumentError("is not key=value", token[:40])
        pairs.append((key.strip(), value.strip()))
    return pairs


def command_arguments(text: str | None) -> str:
    """Everything after the command word (and its @botname suffix)."""
    if not text:
        return ""
    parts = text.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


def value_problem(error: ProfileValueError) -> str:
    """One value that is not accepted (HTML): the field, what was typed, a close accepted value
    when there is one, and what is accepted."""
    near = f" Did you mean <b>{escape(error.suggestion)}</b>?" if error.suggestion else ""
    return (f"<b>{echo(error.key)}</b> cannot be “{echo(error.raw)}”.{near} "
            f"Accepted: {escape(error.accepted)}.")


def profile_fields_problem(error: ArgumentError | ProfileValueError, example: str) -> str:
    """The reply (HTML) to profile fields typed as `key=value` that cannot be read."""
    if isinstance(error, ProfileValueError):
        return "\n".join(value_problem(problem) for problem in error.problems)
    return (f"I could not read that: {escape(error.explanation)}.\n"
            f"Write fields as key=value, e.g. <code>{escape(example)}</code>.\n"
            f"Keys: {', '.join(FIELD_KEYS)}.")
