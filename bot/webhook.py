"""Webhook mode: Telegram POSTs updates to a small tornado server, which also answers /healthz
and /metrics.

This is python-telegram-bot's documented custom-webhook pattern (its `customwebhookbot`
example): the web server checks each request and puts the update on `Application.update_queue`;
the Application processes it as in polling mode. PTB's built-in `run_webhook` server routes only
the webhook path, so it has no place for a health endpoint. tornado comes with PTB's `webhooks`
extra, and only public PTB and tornado APIs are used.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from types import TracebackType
from urllib.parse import urlsplit

from prometheus_client import CONTENT_TYPE_LATEST
from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.web import Application as WebApplication
from tornado.web import HTTPError, RequestHandler

from bot.app import ALLOWED_UPDATES
from bot.heartbeat import sd_notify
from bot.intake import receive, replay_inbox
from bot.lifecycle import running, started, stop_on_signals
from bot.metrics import Metrics
from bot.replicas import replica_of
from bot.settings import Settings
from db.health import database_answers

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates are small; anything bigger is not from Telegram.
MAX_BODY_BYTES = 1024 * 1024


def webhook_path(webhook_url: str) -> str:
    """The path Telegram posts to: the path of WEBHOOK_URL (never derived from the token)."""
    return urlsplit(webhook_url).path.rstrip("/") or "/"


class UpdateHandler(RequestHandler):
    """Accepts one update from Telegram after checking the secret token header."""

    def initialize(self, app: Application, secret: str) -> None:
        self.app = app
        self.secret = secret

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning("Webhook request refused: %s secret token",
                        "wrong" if given else "missing")
            raise HTTPError(403)
        try:
            data = json.loads(self.request.body)
            if not isinstance(data, dict):
                raise TypeError("not a JSON object")
            update = Update.de_json(data, self.app.bot)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.warning("Webhook request refused: not an update (%s)", type(error).__name__)
            raise HTTPError(400) from error
        # Stored before Telegram hears 200: a crash from here on cannot lose it (bot.intake).
        await receive(self.app, [update], [data])
        self.finish()

    def log_exception(self, typ: type[BaseException] | None, value: BaseException | None,
                      tb: TracebackType | None) -> None:
        """Refusals (HTTPError) are logged above; anything else is logged here."""
        if typ is not None and not isinstance(value, HTTPError):
            log.error("Webhook request failed: %s", typ.__name__, exc_info=(typ, value, tb))


class HealthHandler(RequestHandler):
    """200 while the Application processes updates and the database answers, 503 otherwise
    (for a load balancer and the container's health check)."""

    def initialize(self, app: Application) -> None:
        self.app = app

    async def get(self) -> None:
        if not self.app.running:
            problem = "stopping"
        elif not await database_answers(self.app.bot_data["services"].db):
            problem = "database not answering"
        else:
            problem = ""
        self.set_status(503 if problem else 200)
        self.finish(f"{problem or 'ok'}\n")


class MetricsHandler(RequestHandler):
    """Prometheus' text format: updates, errors, latency, queue depth, 429s (bot/metrics.py)."""

    def initialize(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def get(self) -> None:
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(self.metrics.exposition())


def web_application(app: Application, path: str, secret: str) -> WebApplication:
    routes = [
        (HEALTH_PATH, HealthHandler, {"app": app}),
        (METRICS_PATH, MetricsHandler, {"metrics": app.bot_data["metrics"]}),
        (rf"{re.escape(path.rstrip('/'))}/?", UpdateHandler, {"app": app, "secret": secret}),
    ]
    # No access log: a line per update says nothing the bot's own event logs do not.
    return WebApplication(routes, log_function=lambda handler: None)


async def serve_until_signalled(app: Application, settings: Settings) -> None:
    """Run the Application behind the webhook server until SIGTERM or SIGINT; then refuse new
    requests, finish the updates already received, and shut down."""
    stop = stop_on_signals()
    path = webhook_path(settings.webhook_url)
    server = HTTPServer(web_application(app, path, settings.webhook_secret), xheaders=True,
                        max_body_size=MAX_BODY_BYTES)
    async with running(app, freeze_startup=True):
        try:
            if replica_of(app).leading:  # alone, or the scheduler restarted: see bot.replicas
                await replay_inbox(app)
            server.listen(settings.webhook_port, settings.webhook_listen)
            await app.bot.set_webhook(settings.webhook_url, secret_token=settings.webhook_secret,
                                      allowed_updates=ALLOWED_UPDATES)
            log.info("Webhook server on %s:%s, path %s", settings.webhook_listen,
                     settings.webhook_port, path)
            started(app, settings)
            await stop.wait()
            sd_notify("STOPPING=1")
            log.info("Stopping: refusing new requests, finishing the updates received")
        finally:
            server.stop()
            await server.close_all_connections()
