"""`build_application()`: the configured python-telegram-bot Application."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, Defaults
from telegram.request import BaseRequest, HTTPXRequest

import handlers
from bot import delivery, replicas
from bot.aiohttp_request import AiohttpRequest
from bot.delivery import ReliableDelivery
from bot.ext_bot import CoachBot
from bot.intake import IntakeApplication
from bot.metrics import CountingRateLimiter, MeasuredProcessor, Metrics
from bot.settings import Settings
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
    await replicas.join(app)  # the scheduled jobs, when this replica runs them
    log.info("Ready as @%s", app.bot.username)


async def on_shutdown(app: Application) -> None:
    services: Services = app.bot_data["services"]
    for hook in services.shutdown_hooks:
        await hook(app)
    await replicas.leave(app)
    await services.db.close()
    log.info("Database closed")


def build_application(settings: Settings, *, request: BaseRequest | None = None,
                      updates_request: BaseRequest | None = None) -> Application:
    """The Application with every handler; `request` replaces the HTTP client (tests, local)."""
    metrics = Metrics()
    db = Database(settings.database_target, pool_size=settings.database_pool_size)
    if request is None and settings.http_client == "aiohttp":
        request, updates_request = AiohttpRequest(), AiohttpRequest(connection_pool_size=1)
    elif request is None:  # python-telegram-bot's default client and pool sizes
        request, updates_request = HTTPXRequest(connection_pool_size=256), HTTPXRequest()
    bot = CoachBot(
        settings.telegram_bot_token,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_file_url,
        request=request,
        get_updates_request=updates_request or request,
        defaults=Defaults(parse_mode=ParseMode.HTML,
                          link_preview_options=LinkPreviewOptions(is_disabled=True)),
        rate_limiter=ReliableDelivery(
            db, CountingRateLimiter(metrics, max_retries=5) if settings.rate_limit else None),
    )
    app = (
        Application.builder()
        .application_class(IntakeApplication)
        .updater(None)  # bot.intake polls instead: it confirms updates only once stored
        .bot(bot)
        .concurrent_updates(MeasuredProcessor(metrics, max(1, settings.concurrent_updates)))
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
        .build()
    )
    app.bot_data["services"] = Services(
        db=db,
        operator_ids=frozenset(settings.operator_ids),
        schedules_here=False,  # until bot.replicas takes the scheduler lease
    )
    app.bot_data["replica"] = replicas.Replica(
        settings.replica_name, timedelta(seconds=settings.replica_lease_seconds))
    app.bot_data["metrics"] = metrics
    metrics.watch(app)
    handlers.register(app)
    delivery.register(app)
    return app
