"""/start, /help, command menus, errors."""

from __future__ import annotations

from pathlib import Path

from handlers.commands import COMMANDS
from tests.harness import BotHarness, last_text, replies


async def test_start_welcomes_with_menu_and_escapes_the_name(bot: BotHarness) -> None:
    calls = await bot.send("/start", user=bot.user(first_name="<Bob & Co>"))
    shown = replies(calls)[-1]
    assert "&lt;Bob &amp; Co&gt;" in shown.text
    assert "menu:profile" in shown.button_data()


async def test_unknown_deep_link_falls_back_to_the_menu(bot: BotHarness) -> None:
    text = last_text(await bot.send("/start no_such_thing"))
    assert "not one I recognise" in text


async def test_help_lists_every_command_once(bot: BotHarness) -> None:
    text = last_text(await bot.send("/help"))
    for command in COMMANDS:
        if command.private:
            assert f"/{command.name} " in text


async def test_group_help_with_bot_suffix(bot: BotHarness) -> None:
    group = bot.api.group_chat(-100555)
    text = last_text(await bot.send("/help@ehr_coach_bot", chat=group))
    assert "/cancel" not in text and "/profile" in text


async def test_command_menus_are_published_per_scope(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as harness:
        harness.api.clear()
        await harness.app.post_init(harness.app)  # type: ignore[misc]
        scopes = {c.params["scope"]["type"] for c in harness.api.calls_to("setMyCommands")}
        assert scopes == {"all_private_chats", "all_group_chats"}


async def test_handler_exception_is_logged_and_apologised(bot: BotHarness, monkeypatch,
                                                          caplog) -> None:
    async def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(bot.db.profiles, "get", broken)
    calls = await bot.send("/profile")
    assert "Sorry, something went wrong" in last_text(calls)
    assert "RuntimeError" in caplog.text
    # The bot carries on with the next update.
    monkeypatch.undo()
    assert "Your profile" in last_text(await bot.send("/profile"))


async def test_menu_button_edits_the_menu_in_place(bot: BotHarness) -> None:
    menu = replies(await bot.send("/start"))[-1]
    shown = replies(await bot.press("menu:profile", message=bot.message_of(menu)))[-1]
    assert shown.method == "editMessageText" and "Your profile" in shown.text
