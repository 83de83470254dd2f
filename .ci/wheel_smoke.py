"""Drive the installed package: /salary through the in-process Bot API stand-in.

Run with the Python of a venv the wheel was installed into, from a folder outside the
repository: `python .ci/wheel_smoke.py REPO_ROOT`. It fails unless every package the bot is
made of, and its data, come from the installed wheel (not from REPO_ROOT), the database is
created and migrated, and /salary is answered with a sourced figure.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from telegram import Update

import bot
import db
import handlers
import knowledge
from bot.app import build_application
from bot.fake_api import FakeRequest, FakeTelegram
from bot.settings import Settings

TOKEN = "123456789:SMOKE-token-for-the-fake-bot-api-0000"


def _outside(repo: Path) -> None:
    for package in (bot, db, handlers, knowledge):
        location = Path(package.__file__).resolve()
        assert not location.is_relative_to(repo), f"{package.__name__} imported from {location}"
    data = Path(str(files("knowledge") / "data" / "salary.yaml"))
    assert data.is_file() and not data.resolve().is_relative_to(repo), data


async def _salary(database: Path) -> str:
    settings = Settings(_env_file=None, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                        database_path=database, rate_limit=False)
    api = FakeTelegram()
    app = build_application(settings, request=FakeRequest(api))
    async with app:
        await app.post_init(app)  # type: ignore[misc]
        try:
            api.clear()
            update = api.text_update(api.user(501), "/salary")
            await app.process_update(Update.de_json(update, app.bot))
        finally:
            await app.post_shutdown(app)  # type: ignore[misc]
    texts = [call.text for call in api.calls_to("sendMessage")]
    # A dollar figure and a link to its source.
    assert texts and "$" in texts[0] and "<a href=" in texts[0], texts
    return texts[0]


def main(repo: Path) -> None:
    _outside(repo)
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "smoke.sqlite3"
        reply = asyncio.run(_salary(database))
        with sqlite3.connect(database) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        assert version > 0, "the database was not migrated"
    print(f"wheel smoke test: ok (bot from {Path(bot.__file__).parent}, schema version "
          f"{version}, /salary answered: {reply.splitlines()[0][:60]!r})")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
