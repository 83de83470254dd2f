"""Numbers as users type them (the ASCII digits 0-9 only) and ranks as the bot writes them."""

from __future__ import annotations


def is_ascii_number(text: str) -> bool:
    """Only the digits 0-9 (`str.isdigit` also accepts ² and ①, which `int` refuses)."""
    return text.isascii() and text.isdigit()


def ordinal(number: int) -> str:
    """1 → 1st, 2 → 2nd, 11 → 11th, 23 → 23rd."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10,
                                                                                     "th")
    return f"{number}{suffix}"
