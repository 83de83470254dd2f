"""Prometheus metrics, served on /metrics in webhook mode (bot/webhook.py).

prometheus_client gives the text exposition format, counters and a histogram with buckets, and
nothing else: one small pure-Python package. Each Application gets a registry of its own, so
tests that build many Applications in one process never share counts.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter, Application, CallbackContext

from bot.update_processor import PerUserOrderedProcessor

# Seconds; a reply takes a few milliseconds, a slow one (a chart, a busy database) more.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
Request = Callable[..., Coroutine[Any, Any, Any]]


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("ehr_coach_updates", "Updates processed",
                               registry=self.registry)
        self.errors = Counter("ehr_coach_errors", "Exceptions that reached the error handler",
                              ["type"], registry=self.registry)
        self.latency = Histogram("ehr_coach_update_seconds",
                                 "Time to process one update, from its turn to the last reply",
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self.in_progress = Gauge("ehr_coach_updates_in_progress",
                                 "Updates taken from the queue and not finished (waiting for "
                                 "their user's turn or being processed)", registry=self.registry)
        self.queue_depth = Gauge("ehr_coach_update_queue_depth",
                                 "Updates received and not yet taken from the queue",
                                 registry=self.registry)
        self.retry_after = Counter("ehr_coach_telegram_retry_after",
                                   "Flood-control answers (HTTP 429, RetryAfter) from the Bot API",
                                   registry=self.registry)

    def watch(self, app: Application) -> None:
        """Read the queue depth at each scrape and count what reaches the error handlers."""
        self.queue_depth.set_function(app.update_queue.qsize)
        app.add_error_handler(self._count_error)

    async def _count_error(self, update: object, context: CallbackContext) -> None:  # type: ignore[type-arg]
        self.errors.labels(type(context.error).__name__).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class MeasuredProcessor(PerUserOrderedProcessor):
    """The bot's update processor, counting and timing each update."""

    def __init__(self, metrics: Metrics, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._metrics = metrics

    async def _measured(self, coroutine: Awaitable[Any]) -> None:
        started = time.perf_counter()
        try:
            await coroutine
        finally:
            self._metrics.latency.observe(time.perf_counter() - started)
            self._metrics.updates.inc()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        with self._metrics.in_progress.track_inprogress():
            await super().do_process_update(update, self._measured(coroutine))


class CountingRateLimiter(AIORateLimiter):
    """PTB's rate limiter, counting each RetryAfter the Bot API answers before it retries."""

    def __init__(self, metrics: Metrics, max_retries: int) -> None:
        super().__init__(max_retries=max_retries)
        self._metrics = metrics

    async def process_request(self, callback: Request, args: Any, kwargs: dict[str, Any],
                              endpoint: str, data: dict[str, Any],
                              rate_limit_args: int | None) -> Any:
        async def counted(*call_args: Any, **call_kwargs: Any) -> Any:
            try:
                return await callback(*call_args, **call_kwargs)
            except RetryAfter:
                self._metrics.retry_after.inc()
                raise

        return await super().process_request(counted, args, kwargs, endpoint, data,
                                             rate_limit_args)


