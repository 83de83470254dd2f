"""The Bot: python-telegram-bot's ExtBot, sending each method only the parameters it has.

python-telegram-bot's shared send/edit helper puts `parse_mode` (and, with it, the value from
`Defaults`) into every call it makes, also to the methods that have no such parameter: every
sendPoll and editMessageReplyMarkup. Telegram ignores it today; the Bot API does not promise to.
Here a call keeps only the parameters that python-telegram-bot's own method for it takes (they
are the Bot API's parameters, by name); `api_kwargs` are added after this, untouched.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

from telegram import Bot
from telegram.ext import ExtBot


@cache
def method_parameters(endpoint: str) -> frozenset[str] | None:
    """The parameters of python-telegram-bot's method for `endpoint` ("sendPoll"), or None
    for an endpoint it has no method for."""
    method = getattr(Bot, endpoint, None)
    return frozenset(inspect.signature(method).parameters) if callable(method) else None


class CoachBot(ExtBot[None]):
    async def _post(self, endpoint: str, data: dict[str, Any] | None = None,
                    *args: Any, **kwargs: Any) -> Any:
        accepted = method_parameters(endpoint)
        if data and accepted is not None:
            data = {key: value for key, value in data.items() if key in accepted}
        return await super()._post(endpoint, data, *args, **kwargs)
