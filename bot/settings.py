"""Settings read from the environment and from `.env` (pydantic-settings)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TOKEN_PATTERN = re.compile(r"^\d{5,15}:[A-Za-z0-9_-]{30,50}$")
# What Telegram accepts as a webhook secret token.
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
HOW_TO_MAKE_A_SECRET = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"

HOW_TO_GET_A_TOKEN = """\
EHR Career Coach needs a Telegram bot token.

  1. In Telegram, open a chat with @BotFather and send /newbot.
  2. Choose a name and a username ending in 'bot'; BotFather replies with a token
     that looks like 123456789:AAE...  (keep it secret).
  3. Put it in a file named .env next to pyproject.toml:
         TELEGRAM_BOT_TOKEN=123456789:AAE...
     or export TELEGRAM_BOT_TOKEN in your shell, then start the bot again.

No token at hand? Try the bot in your terminal instead: python3 dev.py local
"""


class Settings(BaseSettings):
    """Every setting is listed, with a comment, in `.env.example`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field(default="", repr=False)
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str = "https://api.telegram.org/file/bot"
    database_path: Path = Path("data/ehr_coach.sqlite3")
    log_level: str = "INFO"
    operator_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    rate_limit: bool = True
    concurrent_updates: int = 64
    http_client: Literal["aiohttp", "httpx"] = "aiohttp"
    webhook_url: str = ""
    webhook_secret: str = Field(default="", repr=False)
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    chart_cache_size: int = 64

    @field_validator("operator_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    def token_problem(self) -> str | None:
        """Why the token cannot be used, or None when it looks right."""
        if not self.telegram_bot_token:
            return "TELEGRAM_BOT_TOKEN is not set."
        if not TOKEN_PATTERN.match(self.telegram_bot_token):
            return "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, a secret)."
        return None

    def webhook_problem(self) -> str | None:
        """Why webhook mode cannot start with these settings, or None (also when it is off)."""
        if not self.webhook_url:
            return None
        url = urlsplit(self.webhook_url)
        if url.scheme != "https" or not url.netloc:
            return ("WEBHOOK_URL must be the public https:// address Telegram posts to, "
                    "e.g. https://bot.example.com/telegram (Telegram only posts to https).")
        if not self.webhook_secret:
            return ("WEBHOOK_SECRET is required when WEBHOOK_URL is set: every request is checked "
                    f"against it. Make one with:\n    {HOW_TO_MAKE_A_SECRET}")
        if not WEBHOOK_SECRET_PATTERN.match(self.webhook_secret):
            return ("WEBHOOK_SECRET may only contain letters, digits, '_' and '-' "
                    f"(1-256 characters). Make one with:\n    {HOW_TO_MAKE_A_SECRET}")
        return None
