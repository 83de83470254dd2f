"""Unknown commands and buttons get an answer; senders we can't identify are told why."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackContext, CommandHandler

from handlers.anonymous import NO_SENDER
from handlers.fallbacks import STALE_BUTTON, UNKNOWN_COMMAND
from tests.harness import BotHarness, last_text


async def test_unknown_command_in_private_is_answered_in_a_group_ignored(bot: BotHarness) -> None:
    assert last_text(await bot.send("/salaryy")) == UNKNOWN_COMMAND
    assert await bot.send("/salaryy", chat=bot.api.group_chat(-100777)) == []


async def test_unknown_button_is_answered_with_an_alert(bot: BotHarness) -> None:
    [answer] = await bot.press("quiz:9:old")
    assert answer.method == "answerCallbackQuery" and answer.params["text"] == STALE_BUTTON


async def test_a_handler_added_later_is_not_shadowed(bot: BotHarness) -> None:
    async def pong(update: Update, context: CallbackContext) -> None:
        assert update.effective_chat is not None
        await update.effective_chat.send_message("pong")

    bot.app.add_handler(CommandHandler("ping", pong))
    assert [c.text for c in await bot.send("/ping")] == ["pong"]


async def test_a_command_from_an_anonymous_admin_is_explained(bot: BotHarness) -> None:
    group = bot.api.group_chat(-100888)
    message = {"message_id": 5, "date": 0, "chat": group, "sender_chat": group,
               "text": "/profile years=3",
               "entities": [{"type": "bot_command", "offset": 0, "length": 8}]}
    assert last_text(await bot.feed(bot.api.update(message=message))) == NO_SENDER
    assert await bot.db.profiles.get(group["id"]) is None
