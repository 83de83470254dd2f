"""A stand-in for Telegram's Bot API, used by the local terminal chat, the tests and the benchmark.

`FakeTelegram` answers Bot API methods the way Telegram does, and refuses what Telegram refuses:
calls outside the Bot API's published definitions (`spec/`), message length, HTML markup,
callback data size, poll limits, edits that change nothing, messages to users who never wrote to
the bot; `FakeRequest` plugs it into python-telegram-bot in-process; `FakeBotServer` serves it
over HTTP on 127.0.0.1.
"""

from bot.fake_api.core import ApiCall, FakeTelegram
from bot.fake_api.request import FakeRequest

__all__ = ["ApiCall", "FakeRequest", "FakeTelegram"]
