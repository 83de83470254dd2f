"""Numbers as users type them: the ASCII digits 0-9 only."""

from __future__ import annotations


def is_ascii_number(text: str) -> bool:
    """Only the digits 0-9 (`str.isdigit` also accepts ² and ①, which `int` refuses)."""
    return text.isascii() and text.isdigit()
