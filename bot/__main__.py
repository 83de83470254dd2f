"""`python -m bot`: run the bot with long polling (or webhooks when WEBHOOK_URL is set)."""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError

from bot.app import ALLOWED_UPDATES, build_application
from bot.logging_setup import configure_logging
from bot.settings import HOW_TO_GET_A_TOKEN, Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="EHR Career Coach")
    parser.parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Invalid configuration:\n{error}", file=sys.stderr)
        return 2
    problem = settings.token_problem()
    if problem:
        print(f"{problem}\n\n{HOW_TO_GET_A_TOKEN}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, [settings.telegram_bot_token, settings.webhook_secret])
    app = build_application(settings)
    app.run_polling(allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
