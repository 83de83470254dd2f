"""The health signal in every mode: a repeating job that, while the bot runs and its database
answers, touches a heartbeat file (for Docker's HEALTHCHECK, `ehr-coach health`) and tells
systemd it is alive (sd_notify `WATCHDOG=1`, for `WatchdogSec`).

The notify protocol is one datagram to the socket systemd names in NOTIFY_SOCKET; a few lines of
the standard library do it, so no library is needed.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path

from telegram.ext import Application, CallbackContext

from db.health import database_answers
from handlers.deps import Services

log = logging.getLogger(__name__)

JOB_NAME = "heartbeat"
# The health check fails when the file is older than this many intervals.
STALE_AFTER_INTERVALS = 3


def sd_notify(message: str) -> bool:
    """Send `message` (e.g. "READY=1") to systemd; False when not run by systemd with a
    notify socket (then nothing is sent)."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as error:
        log.warning("Could not notify systemd (%s)", type(error).__name__)
        return False
    return True


def beat_interval(configured: float) -> float:
    """The configured interval, shortened to half of systemd's watchdog period when that is
    shorter (systemd passes it in WATCHDOG_USEC)."""
    watchdog_usec = os.environ.get("WATCHDOG_USEC", "")
    if watchdog_usec.isdigit() and int(watchdog_usec) > 0:
        return min(configured, int(watchdog_usec) / 2_000_000)
    return configured


async def _beat(context: CallbackContext) -> None:  # type: ignore[type-arg]
    app = context.application
    services: Services = app.bot_data["services"]
    if not app.running or not await database_answers(services.db):
        return
    path: Path = context.job.data  # type: ignore[union-attr]
    try:
        path.touch()
    except OSError as error:
        log.warning("Could not touch the heartbeat file (%s)", type(error).__name__)
    sd_notify("WATCHDOG=1")


def start_heartbeat(app: Application, path: Path, interval: float) -> None:
    """Beat now and every `interval` seconds (call once the bot is running)."""
    assert app.job_queue is not None, "the job-queue extra of python-telegram-bot is missing"
    path.parent.mkdir(parents=True, exist_ok=True)
    app.job_queue.run_repeating(_beat, interval=beat_interval(interval), first=0, data=path,
                                name=JOB_NAME)


def heartbeat_age(path: Path) -> float | None:
    """Seconds since the heartbeat file was touched, or None when there is none."""
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None
