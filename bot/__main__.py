"""`python -m bot`: run the bot with long polling, webhooks (WEBHOOK_URL set) or `--local`."""

from __future__ import annotations

import argparse
import asyncio
import sys

from pydantic import ValidationError

from bot.app import ALLOWED_UPDATES, build_application
from bot.lifecycle import poll_until_signalled
from bot.local_chat import run_local_chat
from bot.logging_setup import configure_logging
from bot.settings import HOW_TO_GET_A_TOKEN, Settings
from bot.webhook import serve_until_signalled


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot", description="EHR Career Coach")
    parser.add_argument("--local", action="store_true",
                        help="chat with the bot in this terminal: no Telegram, no token needed")
    parser.add_argument("--group", action="store_true",
                        help="with --local: the chat is a group and you are its administrator")
    arguments = parser.parse_args(argv)
    if arguments.group and not arguments.local:
        parser.error("--group only works together with --local")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Invalid configuration:\n{error}", file=sys.stderr)
        return 2
    if arguments.local:
        # Only warnings and errors: the terminal is the chat.
        configure_logging("WARNING", [settings.telegram_bot_token])
        try:
            asyncio.run(run_local_chat(settings, group=arguments.group))
        except KeyboardInterrupt:
            print("\nBye.")
        return 0
    problem = settings.token_problem()
    if problem:
        print(f"{problem}\n\n{HOW_TO_GET_A_TOKEN}", file=sys.stderr)
        return 2
    webhook_problem = settings.webhook_problem()
    if webhook_problem:
        print(webhook_problem, file=sys.stderr)
        return 2
    configure_logging(settings.log_level, [settings.telegram_bot_token, settings.webhook_secret])
    app = build_application(settings)
    if settings.webhook_url:
        asyncio.run(serve_until_signalled(app, settings))
    else:
        asyncio.run(poll_until_signalled(app, ALLOWED_UPDATES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
