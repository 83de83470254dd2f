"""Round 11 (left11e): topic cards asked in chat spellings and acronyms - "4" for "for", HIM
the acronym, PHI, "hippa"."""

from __future__ import annotations

import pytest

from knowledge.qa.text import with_chat_for
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("what skills do i need 4 this", "what skills do i need for this"),
    ("any tips 4 me", "any tips for me"),
    ("what does nha stand 4", "what does nha stand for"),
    ("pay after 4 years", "pay after 4 years"),
    ("i have 4 certs", "i have 4 certs"),
])
def test_four_is_for_only_before_a_pronoun_or_after_stand(text: str, expected: str) -> None:
    assert with_chat_for(text) == expected


@pytest.mark.parametrize("question", ["whats HIM", "what does HIM stand for",
                                      "what is H.I.M. in healthcare"])
def test_him_asked_its_meaning_is_the_acronym(question: str) -> None:
    assert answered_by(question) == "topic:him_meaning"


def test_him_before_a_rung_is_still_the_rung() -> None:
    assert answered_by("what does him manager earn") == "topic:salary_managers"


@pytest.mark.parametrize("question", ["what is phi", "what is hippa"])
def test_phi_and_a_misspelled_hipaa_are_the_privacy_card(question: str) -> None:
    assert answered_by(question) == "topic:hipaa"
