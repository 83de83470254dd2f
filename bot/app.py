"""`build_application()`: the configured python-telegram-bot Application."""

from __future__ import annotations

import logging

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, Defaults
from telegram.request import BaseRequest

import handlers
from bot import delivery
from bot.aiohttp_request import AiohttpRequest
from bot.delivery import ReliableDelivery
from bot.intake import IntakeApplication
from bot.settings import Settings
from bot.update_processor import PerUserOrderedProcessor
from db import Database
from handlers.deps import Services
from handlers.help import publish_command_menus

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "poll_answer",
                   "my_chat_member", "chat_member", "channel_post"]


async def on_startup(app: Application) -> None:
    """Open the database, publish the command menus, run the features' start-up hooks."""
    services: Services = app.bot_data["services"]
    if not services.db.is_open:
        await services.db.open()
    await publish_command_menus(app)
    for hook in services.startup_hooks:
        await hook(app)
    log.info("Ready as @%s", app.bot.username)


async def on_shutdown(app: Application) -> None:
    services: Services = app.bot_data["services"]
    for hook in services.shutdown_hooks:
        await hook(app)
    await services.db.close()
    log.info("Database closed")


def build_application(settings: Settings, *, request: BaseRequest | None = None,
                      updates_request: BaseRequest | None = None) -> Application:
    """The Application with every handler; `request` replaces the HTTP client (tests, local)."""
    db = Database(settings.database_path)
    builder = (
        Application.builder()
        .application_class(IntakeApplication)
        .updater(None)  # bot.intake polls instead: it confirms updates only once stored
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(PerUserOrderedProcessor(max(1, settings.concurrent_updates)))
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    builder.rate_limiter(ReliableDelivery(
        db, AIORateLimiter(max_retries=5) if settings.rate_limit else None))
    if request is not None:
        builder.request(request).get_updates_request(updates_request or request)
    elif settings.http_client == "aiohttp":
        builder.request(AiohttpRequest()).get_updates_request(
            AiohttpRequest(connection_pool_size=1))
    app = builder.build()
    app.bot_data["services"] = Services(
        db=db,
        operator_ids=frozenset(settings.operator_ids),
    )
    handlers.register(app)
    delivery.register(app)
    return app
