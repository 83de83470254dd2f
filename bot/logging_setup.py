"""Logging that never writes the bot token or what users typed.

Our own code logs ids and event names only. Libraries are less careful: at DEBUG,
python-telegram-bot logs whole updates and API parameters, and httpx logs request URLs, which
contain the token. A log-record factory (it runs before any handler, so it also covers handlers
added later, e.g. by tests) therefore
- withholds the arguments of library records below INFO (the message template is kept), and
- replaces the secrets (token, webhook secret) in every record and in its traceback text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime

OUR_PACKAGES = ("bot", "handlers", "db", "knowledge", "bench", "__main__")
WITHHELD = " [arguments withheld]"
REDACTED = "[redacted]"


def _is_ours(logger_name: str) -> bool:
    return logger_name.split(".", 1)[0] in OUR_PACKAGES


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def install_privacy_guard(secrets: list[str]) -> Callable[[], None]:
    """Install the record factory; returns a function that restores the previous one."""
    secrets = [secret for secret in secrets if secret]
    previous = logging.getLogRecordFactory()
    formatter = logging.Formatter()

    def guarded_record(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if record.levelno < logging.INFO and record.args and not _is_ours(record.name):
            record.msg, record.args = f"{record.msg}{WITHHELD}", ()
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: the handler reports it as usual
            return record
        if any(secret in message for secret in secrets):
            record.msg, record.args = _redact(message, secrets), ()
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = _redact(formatter.formatException(record.exc_info), secrets)
        return record

    logging.setLogRecordFactory(guarded_record)
    return lambda: logging.setLogRecordFactory(previous)


class JsonFormatter(logging.Formatter):
    """One JSON object per line (LOG_FORMAT=json), for log collectors: time (UTC, ISO 8601),
    level, logger, message, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str, secrets: list[str], log_format: str = "text") -> None:
    install_privacy_guard(secrets)
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Request lines and scheduler chatter are noise at INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
