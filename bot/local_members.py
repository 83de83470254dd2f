"""Simulated members for the local chat, so that one person can try a whole cohort alone:
`/as Sam` switches who is typing, `/reply text` answers one of the bot's messages and
`/mention text` addresses the bot in a group the way Telegram marks a mention."""

from __future__ import annotations

from typing import Any

from bot.fake_api import FakeTelegram
from bot.fake_api.core import BOT_USER
from bot.fake_api.validation import utf16_length

AS, REPLY, MENTION = "/as", "/reply", "/mention"
MEMBER_COMMANDS = frozenset({AS, MENTION})
FIRST_SIMULATED_ID = 101
MAX_NAME = 32
HELP = (f"{AS} Sam types as the member Sam from now on ({AS} alone lists them); "
        f"{REPLY} text replies to the bot's latest message here ({REPLY} N text: to "
        f"message N); {MENTION} text sends '@{BOT_USER['username']} text' as a mention.")


class Members:
    """The people typing in the local chat, by first name; the first one is the user."""

    def __init__(self, first: dict[str, Any]) -> None:
        self.people: dict[str, dict[str, Any]] = {str(first["first_name"]).casefold(): first}

    def named(self, api: FakeTelegram, name: str) -> dict[str, Any]:
        """The member called `name`, created (with the next free id) when new."""
        key = name.casefold()
        if key not in self.people:
            user_id = FIRST_SIMULATED_ID + len(self.people) - 1
            self.people[key] = api.user(user_id, name)
        return self.people[key]

    def names(self) -> list[str]:
        return [str(person["first_name"]) for person in self.people.values()]


def valid_name(name: str) -> bool:
    return 1 <= len(name) <= MAX_NAME and name.replace("-", "").isalpha()


def bot_messages(api: FakeTelegram, chat_id: int) -> list[dict[str, Any]]:
    """The bot's messages in a chat, latest first."""
    return [message for (chat, _), message in sorted(api.sent_messages.items(), reverse=True)
            if chat == chat_id]


def mention_update(api: FakeTelegram, user: dict[str, Any], chat: dict[str, Any],
                   text: str) -> dict[str, Any]:
    """A message starting with the bot's @username, marked as a mention (as Telegram does)."""
    handle = f"@{BOT_USER['username']}"
    update = api.text_update(user, f"{handle} {text}", chat)
    update["message"]["entities"] = [{"type": "mention", "offset": 0,
                                      "length": utf16_length(handle)}]
    return update
