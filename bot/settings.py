"""Settings read from the environment and from `.env` (pydantic-settings)."""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from db.database import SQLITE_SCHEME, is_postgres_url

TOKEN_PATTERN = re.compile(r"^\d{5,15}:[A-Za-z0-9_-]{30,50}$")
# What Telegram accepts as a webhook secret token.
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
HOW_TO_MAKE_A_SECRET = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"

HOW_TO_GET_A_TOKEN = """\
EHR Career Coach needs a Telegram bot token.

  1. In Telegram, open a chat with @BotFather and send /newbot.
  2. Choose a name and a username ending in 'bot'; BotFather replies with a token
     that looks like 123456789:AAE...  (keep it secret).
  3. Put it in a file named .env in the folder you start the bot from (with dev.py:
     next to pyproject.toml):
         TELEGRAM_BOT_TOKEN=123456789:AAE...
     or export TELEGRAM_BOT_TOKEN in your shell, then start the bot again.

No token at hand? Try the bot in your terminal instead: python3 dev.py local
(installed: ehr-coach local)
"""


class Settings(BaseSettings):
    """Every setting is listed, with a comment, in `.env.example`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Each description is the accepted form, shown when a value is refused at start-up.
    telegram_bot_token: str = Field(default="", repr=False,
                                    description="the token from @BotFather, e.g. 123456789:AAE...")
    telegram_api_base_url: str = Field("https://api.telegram.org/bot", description="a URL")
    telegram_api_file_url: str = Field("https://api.telegram.org/file/bot", description="a URL")
    database_path: Path = Field(Path("data/ehr_coach.sqlite3"),
                                description="a file path, e.g. /data/ehr_coach.sqlite3")
    database_url: str = Field(default="", repr=False,
                              description="empty (SQLite at DATABASE_PATH), sqlite:///PATH or a "
                                          "PostgreSQL URL, e.g. postgresql://coach:pw@db/coach")
    database_pool_size: int = Field(10, ge=1, le=1000,
                                    description="a whole number, 1-1000 (PostgreSQL connections)")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="DEBUG, INFO, WARNING or ERROR")
    log_format: Literal["text", "json"] = Field(
        "text", description="text, or json for one JSON object per line")
    operator_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="Telegram user ids separated by commas, e.g. 12345,67890")
    rate_limit: bool = Field(True, description="true or false")
    concurrent_updates: int = Field(64, ge=1, description="a whole number, 1 or more")
    http_client: Literal["aiohttp", "httpx"] = Field("aiohttp", description="aiohttp or httpx")
    event_loop: Literal["uvloop", "asyncio"] = Field("uvloop",
                                                     description="uvloop or asyncio")
    webhook_url: str = Field("", description="empty (long polling) or an https:// URL")
    webhook_secret: str = Field(default="", repr=False,
                                description="letters, digits, _ and - (1-256 characters)")
    webhook_listen: str = Field("0.0.0.0", description="an IP address to listen on")
    webhook_port: int = Field(8443, ge=1, le=65535, description="a port number, 1-65535")
    chart_cache_size: int = Field(64, ge=0, description="a whole number, 0 or more")
    heartbeat_interval: float = Field(30.0, gt=0,
                                      description="seconds between health heartbeats, e.g. 30")
    # Several replicas on one database (docs/replicas.md): each needs its own name.
    replica_name: str = Field(default_factory=socket.gethostname, min_length=1, max_length=200,
                              description="this replica's name, unique among the replicas")
    replica_lease_seconds: float = Field(30.0, ge=1, le=3600,
                                         description="seconds the scheduler lease lasts, e.g. 30")

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str) -> str:
        if value and not (is_postgres_url(value) or value.startswith(SQLITE_SCHEME)):
            raise ValueError("not a postgresql:// or sqlite:/// URL")
        return value

    @property
    def database_target(self) -> str | Path:
        """What `db.Database` opens: the PostgreSQL URL when set, else the SQLite file."""
        return self.database_url or self.database_path

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("replica_name", mode="before")
    @classmethod
    def _host_when_empty(cls, value: object) -> object:
        return value if value not in ("", None) else socket.gethostname()

    @field_validator("operator_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @property
    def heartbeat_file(self) -> Path:
        """Touched by the running bot while it is healthy; beside the database, so it is in a
        folder the bot may write (the Docker volume, systemd's StateDirectory)."""
        return self.database_path.parent / "heartbeat"

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


def settings_problem(error: ValidationError) -> str:
    """What is wrong with the configuration, one line per refused variable, each naming the
    variable and the form it accepts (never the value of a secret)."""
    lines = []
    for problem in error.errors():
        name = str(problem["loc"][0]) if problem["loc"] else ""
        field = Settings.model_fields.get(name)
        accepted = field.description if field is not None else None
        given = "" if field is None or not field.repr else f" (got {_shortened(problem['input'])})"
        lines.append(f"{name.upper()}{given}: expected {accepted or problem['msg']}")
    return "\n".join(lines)


def _shortened(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}…"
