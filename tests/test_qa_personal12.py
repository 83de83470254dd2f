"""Personal kinds of round 12 (branch personal12): the asker's pay against the national median,
the credential that fits their background, their stage on the ladder named first, a ballpark
for someone like them, and where to start from their education; without a profile, the general
card and how to get one's own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from handlers.ask import ENGINE_KEY
from knowledge.career import first_step
from knowledge.profile import Education, Profile
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.personal import PersonalKind, personal_kind
from tests.harness import BotHarness, last_text
from tests.qa_answers import mentions


@pytest.mark.parametrize(("text", "kind"), [
    ("compared with the rest of the country, how is my pay", PersonalKind.NATIONAL),
    ("am i under the national median or over it salary wise", PersonalKind.NATIONAL),
    ("given my situation which coding credential fits", PersonalKind.NEXT_CERT),
    ("what rung of the ladder am i on", PersonalKind.PLACE),
    ("where do i fall on the career ladder", PersonalKind.PLACE),
    ("a ballpark for me please", PersonalKind.ESTIMATE),
    ("what do folks in my position bring home", PersonalKind.ESTIMATE),
    ("where should i even begin", PersonalKind.START),
    ("how do i get started in this", PersonalKind.START),
])
def test_the_round_12_kinds(text: str, kind: PersonalKind) -> None:
    assert personal_kind(text, mentions(text)) is kind


@pytest.mark.parametrize("text", [
    "is a certification worth it for me",
    "should i do rhit vs cehrs, which is better known in the country",
    "how do i get started with epic",
    "where do i start studying for the exam",
    "ballpark how long does it take me",
])
def test_not_the_round_12_kinds(text: str) -> None:
    assert personal_kind(text, mentions(text)) not in (
        PersonalKind.NATIONAL, PersonalKind.ESTIMATE, PersonalKind.START, PersonalKind.PLACE)


@pytest.mark.parametrize(("education", "title"), [
    (None, "Train in health information"),
    (Education.HIGH_SCHOOL, "Train in health information"),
    (Education.CERTIFICATE, "Get certified"),
    (Education.BACHELOR, "Get certified"),
])
def test_the_first_step_follows_the_education(education: Education | None, title: str) -> None:
    assert first_step(Profile(years=0, education=education)).title == title


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    async with BotHarness(tmp_path) as harness:
        harness.app.bot_data[ENGINE_KEY] = knowledge_engine()
        yield harness
        assert not harness.api.problems, [(c.method, c.error) for c in harness.api.problems]


async def test_the_round_12_kinds_from_the_stored_profile(bot: BotHarness) -> None:
    await bot.send("/profile years=1 state=OH education=certificate")
    text = last_text(await bot.send("how do i compare to the national median pay"))
    assert "Your estimate" in text and "below the national median of $50,250" in text
    text = last_text(await bot.send("where am i on the career ladder"))
    assert text.startswith("<b>You are at stage 1 of 5: Entry-level health information")
    text = last_text(await bot.send("where do i start from here"))
    assert "Where to start, for you: Get certified" in text and "CEHRS" in text
    text = last_text(await bot.send("rough ballpark for me?"))
    assert "Your estimate" in text


async def test_the_round_12_kinds_without_a_profile(bot: BotHarness) -> None:
    text = last_text(await bot.send("how do i compare to the national median pay"))
    assert "$50,250" in text and "set up /profile" in text and "Your estimate" not in text
    text = last_text(await bot.send("where should i begin given my situation"))
    assert "How do I become an EHR specialist?" in text and "set up /profile" in text
