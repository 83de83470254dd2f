"""Drive the real Application through the in-process Bot API stand-in.

A test reads like a conversation:

    async with BotHarness(tmp_path) as bot:
        calls = await bot.send("/profile years=3 state=texas")
        assert "Texas" in calls[-1].text
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.fake_api import ApiCall, FakeRequest, FakeTelegram
from bot.settings import Settings
from db import Database

TEST_TOKEN = "123456789:TEST-token-for-the-fake-bot-api-0000"
DEFAULT_USER_ID = 501


class BotHarness:
    """`api`: a stand-in shared with other harnesses (replicas of one bot); `settings` override
    the test defaults (e.g. database_path, for replicas on one database)."""

    def __init__(self, tmp_path: Path, api: FakeTelegram | None = None, **settings: Any) -> None:
        self.settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            telegram_bot_token=TEST_TOKEN,
            **{"database_path": tmp_path / "bot.sqlite3", "rate_limit": False, **settings},
        )
        self.api = api or FakeTelegram()
        self.app: Application = build_application(self.settings, request=FakeRequest(self.api))

    async def __aenter__(self) -> BotHarness:
        await self.app.initialize()
        await self.app.post_init(self.app)  # type: ignore[misc]
        self.api.clear()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.app.shutdown()
        await self.app.post_shutdown(self.app)  # type: ignore[misc]

    @property
    def db(self) -> Database:
        return self.app.bot_data["services"].db

    def user(self, user_id: int = DEFAULT_USER_ID, first_name: str = "Alex",
             **extra: Any) -> dict[str, Any]:
        return self.api.user(user_id, first_name, **extra)

    async def feed(self, update: dict[str, Any]) -> list[ApiCall]:
        """Process one raw update; return the Bot API calls it caused."""
        before = len(self.api.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.api.calls[before:]

    async def send(self, text: str, user: dict[str, Any] | None = None,
                   chat: dict[str, Any] | None = None, **extra: Any) -> list[ApiCall]:
        user = user or self.user()
        return await self.feed(self.api.text_update(user, text, chat, **extra))

    async def press(self, data: str, user: dict[str, Any] | None = None,
                    message: dict[str, Any] | None = None,
                    chat: dict[str, Any] | None = None) -> list[ApiCall]:
        user = user or self.user()
        return await self.feed(self.api.callback_update(user, data, message, chat))

    async def inline(self, query: str, user: dict[str, Any] | None = None, offset: str = "",
                     chat_type: str = "sender") -> ApiCall:
        """Type `@bot <query>` in a chat; return the bot's answerInlineQuery call."""
        calls = await self.feed(self.api.inline_query_update(user or self.user(), query, offset,
                                                             chat_type))
        answers = [call for call in calls if call.method == "answerInlineQuery"]
        assert len(answers) == 1, [call.method for call in calls]
        return answers[0]

    def message_of(self, call: ApiCall) -> dict[str, Any]:
        """The message a sendMessage/edit call produced, to press its buttons later."""
        assert isinstance(call.result, dict), call
        return call.result


def replies(calls: list[ApiCall]) -> list[ApiCall]:
    """The calls that show something to a user (messages, edits, photos, polls)."""
    shown = {"sendMessage", "editMessageText", "sendPhoto", "sendPoll", "editMessageCaption",
             "sendDocument", "editMessageReplyMarkup"}
    return [call for call in calls if call.method in shown]


def last_text(calls: list[ApiCall]) -> str:
    shown = replies(calls)
    assert shown, f"no reply among {[c.method for c in calls]}"
    return shown[-1].text
