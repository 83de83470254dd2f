"""aiogram 3's minimal echo bot: a Dispatcher with one message handler, long polling, the
default aiohttp session pointed at the stand-in through `TelegramAPIServer.from_base`.

Runs in the aiogram virtual environment (`bench.peers.aiogram_env`), so it imports nothing of
the project: `python -m bench.peers.aiogram_echo` with TELEGRAM_BOT_TOKEN and
TELEGRAM_API_BASE_URL (the Bot API URL up to `/bot`, as the full bot takes it).
"""

from __future__ import annotations

import asyncio
import os

from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

dispatcher = Dispatcher()


@dispatcher.message(F.text)
async def echo(message: Message) -> None:
    await message.answer(message.text or "")


def api_server(base_url: str) -> TelegramAPIServer:
    """The server for a base URL like http://127.0.0.1:8081/bot (aiogram appends /bot itself)."""
    return TelegramAPIServer.from_base(base_url.removesuffix("/").removesuffix("/bot"))


def build() -> Bot:
    server = api_server(os.environ.get("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot"))
    return Bot(os.environ["TELEGRAM_BOT_TOKEN"], session=AiohttpSession(api=server))


async def main() -> None:
    await dispatcher.start_polling(build())


if __name__ == "__main__":
    asyncio.run(main())
