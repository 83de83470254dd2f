"""/career (/path), /steps and /sources through the Bot API stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.fake_api.validation import MAX_TEXT, visible_text
from handlers.render import escape
from knowledge import KnowledgeDataError, load_knowledge, store
from tests.harness import BotHarness, last_text, replies
from tests.test_knowledge_data import _broken_copy, _cert


async def test_career_without_profile_shows_the_ladder_and_both_guides(bot: BotHarness) -> None:
    message = replies(await bot.send("/career"))[0]
    text = message.text
    for n, title in enumerate(("Entry-level", "Health information specialist",
                               "Certified EHR specialist", "Health information manager",
                               "Director of health information management"), start=1):
        assert f"{n}. <b>{title}" in text
    assert "$35,000–$50,000 (0-2 years) | $30,000–$40,000" in text
    assert "$110,680 a year (May 2023" in text
    assert "you are here" not in text and "EHR trainer" in text
    data = message.button_data()
    assert data[-2:] == ["prof:edit:years:w", "menu:main"]
    assert "car:side:trainer" in data and not any(d.startswith("cert:show:") for d in data)


async def test_career_with_profile_marks_you_are_here_and_the_next_step(bot: BotHarness) -> None:
    await bot.send("/profile years=6 goal=analyst")
    text = last_text(await bot.send("/path"))
    assert "3. <b>Certified EHR specialist</b>  📍 <b>you are here</b>" in text
    assert "Your next step" in text and "RHIA" in text
    assert "lists none yet" in text and "EHR analyst" in text
    text = last_text(await bot.send("/profile years=1"))
    text = last_text(await bot.send("/career"))
    assert "1. <b>Entry-level health information technician</b>  📍" in text
    assert "starts in about 1 more year." in text


async def test_career_in_a_group_never_shows_the_profile(bot: BotHarness) -> None:
    await bot.send("/profile years=6")
    group = bot.api.group_chat(-100800)
    message = replies(await bot.send("/career@ehr_coach_bot", chat=group))[0]
    assert "you are here" not in message.text and "Your next step" not in message.text
    assert message.buttons()[-1]["url"] == "https://t.me/ehr_coach_bot?start=career"


async def test_career_menu_edits_in_place_and_deep_link(bot: BotHarness) -> None:
    await bot.send("/profile years=3")
    start = replies(await bot.send("/start"))[-1]
    labels = [b["text"] for b in start.buttons()]
    assert {"🎓 Certifications", "🪜 Career path", "🧭 How to start"} <= set(labels)
    edited = replies(await bot.press("menu:career", message=bot.message_of(start)))[-1]
    assert edited.method == "editMessageText" and "you are here" in edited.text
    assert "you are here" in last_text(await bot.send("/start career"))


async def test_steps_in_private_and_in_a_group(bot: BotHarness) -> None:
    for chat in (None, bot.api.group_chat(-100900)):
        calls = await bot.send("/steps" if chat is None else "/steps@ehr_coach_bot", chat=chat)
        text = "\n".join(c.text for c in replies(calls))
        assert "1. <b>Look at the job honestly</b>" in text and "10. <b>Grow</b>" in text
        assert "Education options" in text and "Sources:" in text
        assert "7% (2024-2034" in text
        assert replies(calls)[-1].button_data() == ["cert:list", "menu:career", "menu:main"]
    menu = replies(await bot.send("/start"))[-1]
    edited = replies(await bot.press("menu:steps", message=bot.message_of(menu)))[-1]
    assert edited.method == "editMessageText"


async def test_sources_lists_every_source_within_the_limit(bot: BotHarness) -> None:
    for chat in (None, bot.api.group_chat(-100901)):
        calls = replies(await bot.send("/sources", chat=chat))
        text = "\n".join(c.text for c in calls)
        for source in load_knowledge().sources:
            assert escape(source.publisher) in text
        assert all(len(visible_text(c.text, "HTML")) <= MAX_TEXT for c in calls)
        assert "[industry guide]" in text and "[official]" in text


async def test_help_lists_the_new_commands(bot: BotHarness) -> None:
    text = last_text(await bot.send("/help"))
    for command in ("/salary", "/certify", "/career", "/path", "/steps", "/sources"):
        assert command in text


def test_a_broken_data_file_stops_the_bot_at_start(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    broken = _broken_copy(tmp_path, "certifications.yaml",
                          lambda data: _cert(data, "RHIT").update(level="expert"))
    monkeypatch.setattr(store, "DATA_DIR", broken)
    store.load_knowledge.cache_clear()
    try:
        with pytest.raises(KnowledgeDataError) as caught:
            BotHarness(tmp_path)
        assert "certifications.yaml: entry certifications[1] 'RHIT', field 'level'" \
            in str(caught.value)
    finally:
        monkeypatch.undo()
        store.load_knowledge.cache_clear()


PERSONAL = "/profile years=37 state=WY education=master certs=CPHIMS employer=vendor"


@pytest.mark.parametrize("command", ["/salary", "/certify", "/certify CPHIMS", "/career",
                                     "/steps", "/sources"])
@pytest.mark.parametrize("with_profile", [False, True])
async def test_group_answers_never_show_a_profile(bot: BotHarness, command: str,
                                                  with_profile: bool) -> None:
    if with_profile:
        await bot.send(PERSONAL)
    group = bot.api.group_chat(-100950)
    shown = replies(await bot.send(command.replace(" ", "@ehr_coach_bot ", 1)
                                   if " " in command else f"{command}@ehr_coach_bot",
                                   chat=group))
    assert shown and all(call.chat_id == -100950 for call in shown)
    text = "\n".join(call.text for call in shown)
    for private_value in ("37 years", "Wyoming", "you are here", "<b>You:</b>",
                          "Your salary estimate", "🏅"):
        assert private_value not in text


@pytest.mark.parametrize("command", ["/steps", "/sources"])
async def test_general_answers_are_the_same_with_or_without_a_profile(
        bot: BotHarness, command: str) -> None:
    before = [call.text for call in replies(await bot.send(command))]
    await bot.send(PERSONAL)
    assert [call.text for call in replies(await bot.send(command))] == before
