"""The Bot: python-telegram-bot's ExtBot, sending each method only the parameters it has.

python-telegram-bot's shared send/edit helper puts `parse_mode` (and, with it, the value from
`Defaults`) into every call it makes, also to the methods that have no such parameter: every
sendPoll and editMessageReplyMarkup. Telegram ignores it today; the Bot API does not promise to.
Here a call keeps only the parameters that python-telegram-bot's own method for it takes (they
are the Bot API's parameters, by name); `api_kwargs` are added after this, untouched.

`get_updates_with_bodies` also hands back each update's JSON object as Telegram sent it, for the
inbox (bot.intake): rebuilding it from the `Update` with `to_dict()` cost about as much CPU as
python-telegram-bot's parsing of it.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from contextvars import ContextVar
from functools import cache
from typing import Any

from telegram import Bot, Update
from telegram.ext import ExtBot

JSONDict = dict[str, Any]
# Where `_post` puts getUpdates' raw result for the `get_updates_with_bodies` call awaiting it.
_RECEIVED: ContextVar[list[list[JSONDict]] | None] = ContextVar("received_updates",
                                                                 default=None)


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
        result = await super()._post(endpoint, data, *args, **kwargs)
        received = _RECEIVED.get()
        if endpoint == "getUpdates" and received is not None:
            received.append(result)
        return result

    async def get_updates_with_bodies(self, **kwargs: Any
                                      ) -> tuple[Sequence[Update], list[JSONDict]]:
        """`get_updates(**kwargs)`, and the updates' JSON objects as received, in order
        (python-telegram-bot parses copies of them, so they stay as Telegram sent them)."""
        received: list[list[JSONDict]] = []
        token = _RECEIVED.set(received)
        try:
            updates = await self.get_updates(**kwargs)
        finally:
            _RECEIVED.reset(token)
        return updates, received[-1] if received else []
