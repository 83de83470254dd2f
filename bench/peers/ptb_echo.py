"""A bare python-telegram-bot Application that echoes every text message.

Configured like the real bot where it matters for speed (the same Bot API URL, long polling,
CONCURRENT_UPDATES updates at once, the same HTTP client: HTTP_CLIENT=httpx, PTB's default, or
aiohttp, the project's `AiohttpRequest` wired as `build_application()` wires it) and nothing
else: no database, no rate limiter, no handlers beyond one. Run as `python -m
bench.peers.ptb_echo` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import Application, CallbackContext, MessageHandler, filters


async def echo(update: Update, context: CallbackContext) -> None:
    if update.effective_chat is not None and update.effective_message is not None:
        await update.effective_chat.send_message(update.effective_message.text or "")


def build() -> Application:
    builder = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ.get("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot"))
        .concurrent_updates(int(os.environ.get("CONCURRENT_UPDATES", "64")))
    )
    if os.environ.get("HTTP_CLIENT", "httpx") == "aiohttp":
        from bot.aiohttp_request import AiohttpRequest  # here: the httpx peer never loads aiohttp

        builder.request(AiohttpRequest()).get_updates_request(
            AiohttpRequest(connection_pool_size=1))
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


if __name__ == "__main__":
    build().run_polling(allowed_updates=Update.ALL_TYPES)
