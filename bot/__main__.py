"""`ehr-coach` (or `python -m bot`): run the bot, chat with it locally, back up its database,
check its health.

    ehr-coach [run]          long polling, or webhooks when WEBHOOK_URL is set
    ehr-coach local [--group] the bot in this terminal, no Telegram (also `python -m bot --local`)
    ehr-coach backup PATH    an online copy of the database (the bot may keep running)
    ehr-coach migrate-data SOURCE TARGET
                             copy every row into an empty database (SQLite to PostgreSQL)
    ehr-coach health         exit 0 when the running bot is healthy (Docker's HEALTHCHECK)

Every failure at start-up ends the process with a non-zero code and a one-line reason on
stderr (the traceback only at LOG_LEVEL=DEBUG); settings errors name the variable and the form
it accepts.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from telegram.error import BadRequest, InvalidToken, NetworkError

from bot.heartbeat import STALE_AFTER_INTERVALS, heartbeat_age
from bot.logging_setup import configure_logging
from bot.settings import HOW_TO_GET_A_TOKEN, Settings, settings_problem
from db.database import DatabaseOpenError, is_postgres_url
from db.migrate import MigrationError

log = logging.getLogger("bot.main")

PROG = "ehr-coach"
# Seconds `ehr-coach health` waits for /healthz.
HEALTH_TIMEOUT = 5.0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="EHR Career Coach, a Telegram bot")
    parser.add_argument("--local", action="store_true", help="the same as `local`")
    parser.add_argument("--group", action="store_true",
                        help="with --local: the chat is a group and you are its administrator")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot (the default): long polling, or webhooks "
                                    "when WEBHOOK_URL is set")
    local = commands.add_parser("local", help="chat with the bot in this terminal: no "
                                              "Telegram, no token needed")
    local.add_argument("--group", action="store_true", default=argparse.SUPPRESS,
                       help="the chat is a group and you are its administrator")
    backup = commands.add_parser("backup", help="copy the live database (DATABASE_PATH) to "
                                                "PATH; the bot may keep running")
    backup.add_argument("path", type=Path, metavar="PATH")
    migrate = commands.add_parser(
        "migrate-data", help="copy every row of SOURCE (a SQLite file, sqlite:///PATH) into the "
                             "empty database TARGET (postgresql://…), in one transaction; "
                             "stop the bot first")
    migrate.add_argument("source", metavar="SOURCE")
    migrate.add_argument("target", metavar="TARGET")
    commands.add_parser("health", help="exit 0 when the running bot is healthy: /healthz in "
                                       "webhook mode, the heartbeat file with long polling")
    arguments = parser.parse_args(argv)
    if arguments.local:
        arguments.command = "local"
    arguments.command = arguments.command or "run"
    if arguments.group and arguments.command != "local":
        parser.error("--group only works together with --local (or the command local)")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    if arguments.command == "migrate-data":  # needs no settings: both databases are named
        return _migrate_data(arguments.source, arguments.target)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"{PROG}: invalid configuration:\n{settings_problem(error)}", file=sys.stderr)
        return 2
    if arguments.command == "backup":
        return _backup(settings, arguments.path)
    if arguments.command == "health":
        return _health(settings)
    if arguments.command == "local":
        return _local(settings, arguments.group)
    return _run(settings)


def event_loop_factory(name: str) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop (EVENT_LOOP=uvloop, the default, where uvloop is installed: not on
    Windows), else asyncio's own (None)."""
    if name != "uvloop":
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def _local(settings: Settings, group: bool) -> int:
    from bot.local_chat import run_local_chat

    # Only warnings and errors: the terminal is the chat.
    configure_logging("WARNING", [settings.telegram_bot_token])
    try:
        asyncio.run(run_local_chat(settings, group=group))
    except KeyboardInterrupt:
        print("\nBye.")
    return 0


def _run(settings: Settings) -> int:
    problem = settings.token_problem()
    if problem:
        print(f"{problem}\n\n{HOW_TO_GET_A_TOKEN}", file=sys.stderr)
        return 2
    webhook_problem = settings.webhook_problem()
    if webhook_problem:
        print(webhook_problem, file=sys.stderr)
        return 2
    configure_logging(settings.log_level, [settings.telegram_bot_token, settings.webhook_secret],
                      settings.log_format)
    try:
        with asyncio.Runner(loop_factory=event_loop_factory(settings.event_loop)) as runner:
            runner.run(_serve(settings))
    except Exception as error:  # start-up or a crash: one line, never a traceback
        log.debug("The bot stopped on an exception", exc_info=error)
        print(f"{PROG}: stopped: {failure_reason(error, settings)}", file=sys.stderr)
        return 1
    return 0


async def _serve(settings: Settings) -> None:
    from bot.app import ALLOWED_UPDATES, build_application
    from bot.lifecycle import poll_until_signalled
    from bot.webhook import serve_until_signalled

    log.info("Event loop: %s", type(asyncio.get_running_loop()).__module__.partition(".")[0])
    app = build_application(settings)
    if settings.webhook_url:
        await serve_until_signalled(app, settings)
    else:
        await poll_until_signalled(app, settings, ALLOWED_UPDATES)


def failure_reason(error: BaseException, settings: Settings) -> str:
    """One line saying why the bot could not start or go on, naming the setting involved."""
    database_problem = isinstance(error, DatabaseOpenError)
    if isinstance(error, DatabaseOpenError) and error.__cause__ is not None:
        error = error.__cause__  # the database's own reason, named by its setting below
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    if database_problem and is_postgres_url(settings.database_url):
        from db.postgres import describe

        return (f"the database at DATABASE_URL={describe(settings.database_url)} cannot be "
                f"used: {detail}")
    if isinstance(error, InvalidToken):
        return "Telegram refused TELEGRAM_BOT_TOKEN; check it with @BotFather (/mybots)."
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return (f"cannot reach the Bot API at TELEGRAM_API_BASE_URL="
                f"{settings.telegram_api_base_url} ({detail})")
    if isinstance(error, sqlite3.Error | OSError | MigrationError):
        unwritable = isinstance(error, OSError) or "open" in detail or "readonly" in detail
        hint = (" (its folder must exist or be creatable, and be writable by this user)"
                if unwritable else "")
        return (f"the database at DATABASE_PATH={settings.database_path} cannot be used: "
                f"{detail}{hint}")
    return f"{type(error).__name__}: {detail}"


def _backup(settings: Settings, target: Path) -> int:
    from db.backup import backup_database

    if is_postgres_url(settings.database_url):
        print(f"{PROG}: backup copies the SQLite file; the bot's database is PostgreSQL "
              "(DATABASE_URL): back it up with pg_dump", file=sys.stderr)
        return 1
    try:
        result = backup_database(settings.database_path, target)
    except (OSError, sqlite3.Error) as error:
        print(f"{PROG}: backup failed: {error}", file=sys.stderr)
        return 1
    print(f"Backed up {settings.database_path} to {target} "
          f"({result.size_bytes:,} bytes, schema version {result.schema_version}).")
    return 0


def _migrate_data(source: str, target: str) -> int:
    from db.postgres import describe
    from db.transfer import TransferError, migrate_data

    shown = describe(target) if is_postgres_url(target) else target
    try:
        result = asyncio.run(migrate_data(source, target))
    except Exception as error:  # one line: the target is left as it was
        detail = str(error).splitlines()[0] if str(error) else ""
        kind = "" if isinstance(error, TransferError | DatabaseOpenError) \
            else f"{type(error).__name__}: "
        print(f"{PROG}: migrate-data failed: {kind}{detail}", file=sys.stderr)
        return 1
    tables = ", ".join(f"{table} {count}" for table, count in sorted(result.rows.items()))
    print(f"Copied {result.total:,} rows from {source} to {shown}"
          + (f" ({tables})." if tables else " (the source had none)."))
    return 0


def _health(settings: Settings) -> int:
    """Webhook mode: GET /healthz (the bot runs and its database answers). Long polling: the
    heartbeat file is fresh (the bot touches it while both hold)."""
    if settings.webhook_url:
        host = "127.0.0.1" if settings.webhook_listen in ("0.0.0.0", "::", "") \
            else settings.webhook_listen
        url = f"http://{host}:{settings.webhook_port}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=HEALTH_TIMEOUT) as response:
                healthy = response.status == 200
        except OSError as error:
            print(f"unhealthy: {url}: {error}")
            return 1
        print("ok" if healthy else f"unhealthy: {url}")
        return 0 if healthy else 1
    age = heartbeat_age(settings.heartbeat_file)
    limit = STALE_AFTER_INTERVALS * settings.heartbeat_interval
    if age is None or age > limit:
        when = "never touched" if age is None else f"last touched {age:.0f} s ago"
        print(f"unhealthy: heartbeat {settings.heartbeat_file} {when} (limit {limit:.0f} s)")
        return 1
    print(f"ok: heartbeat {age:.0f} s ago")
    return 0


if __name__ == "__main__":
    sys.exit(main())
