"""Running an Application by hand, with PTB's start-up and shutdown order and hooks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram.ext import Application


@asynccontextmanager
async def running(app: Application) -> AsyncIterator[Application]:
    """initialize, post_init, start … stop, post_stop, shutdown, post_shutdown.

    The order `run_polling` uses, for the modes that feed updates themselves (the local chat,
    the webhook server); updates put on `app.update_queue` are processed until the block ends.
    """
    try:
        async with app:
            if app.post_init:
                await app.post_init(app)
            await app.start()
            try:
                yield app
            finally:
                await app.stop()
                if app.post_stop:
                    await app.post_stop(app)
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)
