"""Running an Application by hand, with PTB's start-up and shutdown order and hooks."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram.ext import Application

from bot.heartbeat import sd_notify, start_heartbeat
from bot.intake import polling
from bot.replicas import start_ticking
from bot.settings import Settings
from handlers.ask import knowledge_ready

YOUNG_GC_THRESHOLD = 20_000  # allocations between collections of the youngest generation


@asynccontextmanager
async def running(app: Application, *,
                  freeze_startup: bool = False) -> AsyncIterator[Application]:
    """initialize, post_init, start … stop, post_stop, shutdown, post_shutdown.

    The order `run_polling` uses, for every mode here (each feeds updates itself: bot.intake's
    polling, the webhook server, the local chat); updates put on `app.update_queue` are
    processed until the block ends.

    `freeze_startup` is for the production process only: what start-up built (knowledge,
    question index, handlers, and what post_init's hooks load, such as the quiz bank) lives as
    long as the process; frozen, it is left out of the collector's full passes, which otherwise
    pause every update for about 60 ms on this machine. The free-text engine is built in a
    worker thread meanwhile (handlers/ask.py): the freeze waits for it, not start-up. The
    youngest generation is collected every YOUNG_GC_THRESHOLD allocations instead of every
    700: each update allocates
    thousands of short-lived objects that reference counting frees anyway; at 700 the
    collector ran every few updates and took about 0.2 ms of CPU per update in the benchmark
    (a tenth of the bot's), at 20,000 under 0.03 ms.
    Tests build many Applications in one process and must not freeze them: frozen objects are
    never collected.
    """
    freezing: asyncio.Task[None] | None = None
    try:
        async with app:
            if app.post_init:
                await app.post_init(app)
            if freeze_startup:
                gc.set_threshold(YOUNG_GC_THRESHOLD)
                freezing = asyncio.create_task(_freeze_once_built())
            await app.start()
            try:
                yield app
            finally:
                await app.stop()
                if app.post_stop:
                    await app.post_stop(app)
    finally:
        if freezing is not None:
            freezing.cancel()
        if app.post_shutdown:
            await app.post_shutdown(app)


async def _freeze_once_built() -> None:
    """gc.freeze() once the free-text engine is built too (a failed build is logged where it
    fails; what start-up built is frozen all the same)."""
    with contextlib.suppress(Exception):
        await knowledge_ready()
    gc.freeze()


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT (call it inside the running event loop).

    Unlike PTB's `run_polling`, which raises SystemExit from the signal handler (and can hang
    when the signal comes while it is still starting), setting an event lets start-up finish and
    then shuts down in order.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        # Not available on Windows; there Ctrl-C still ends the process.
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(stop_signal, stop.set)
    return stop


def started(app: Application, settings: Settings) -> None:
    """Once the bot takes updates: start the heartbeat and the replica's lease ticks, and
    tell systemd it is ready."""
    start_heartbeat(app, settings.heartbeat_file, settings.heartbeat_interval)
    start_ticking(app)
    sd_notify("READY=1")


async def poll_until_signalled(app: Application, settings: Settings,
                               allowed_updates: list[str]) -> None:
    """Long polling until SIGTERM or SIGINT; then the updates already fetched are handled,
    the rest stay with Telegram (or in the inbox) for the next start, and the database is
    closed. Polling that fails for good (e.g. a revoked token) ends it too, raising."""
    stop = stop_on_signals()
    async with running(app, freeze_startup=True), polling(app, allowed_updates) as poller:
        started(app, settings)
        stopped = asyncio.create_task(stop.wait())
        await asyncio.wait({stopped, poller}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        sd_notify("STOPPING=1")
        if poller.done():
            poller.result()
