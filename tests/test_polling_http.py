"""The production wiring: long polling over HTTP against the stand-in on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from bot.fake_api import FakeTelegram
from knowledge.profile import Profile
from tests.http_bot import polling_bot, run_bot_cli, wait_for


async def test_polling_over_http_saves_and_confirms(tmp_path: Path) -> None:
    api = FakeTelegram()
    async with polling_bot(api, tmp_path / "poll.sqlite3") as app:
        user = api.user(77, "Pat")
        api.push(api.text_update(user, "/profile years=6 state=wa"))
        await wait_for(lambda: api.calls_to("sendMessage", 77))
        reply = api.calls_to("sendMessage", 77)[-1]
        assert "Washington (WA)" in reply.text and reply.params["parse_mode"] == "HTML"
        assert await app.bot_data["services"].db.profiles.get(77) == Profile(years=6, state="WA")
    assert not api.problems


def test_missing_token_exits_with_instructions(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path)
    assert result.returncode == 2
    assert "BotFather" in result.stderr and ".env" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_token_exits_with_instructions(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path, TELEGRAM_BOT_TOKEN="not-a-token")
    assert result.returncode == 2
    assert "does not look like a bot token" in result.stderr
    assert "Traceback" not in result.stderr
