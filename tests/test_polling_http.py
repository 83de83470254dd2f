"""The production wiring: long polling over HTTP against the stand-in on 127.0.0.1."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from bot.app import ALLOWED_UPDATES, build_application
from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from bot.settings import Settings
from knowledge.profile import Profile
from tests.harness import TEST_TOKEN

ROOT = Path(__file__).resolve().parent.parent


async def _wait_for(predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_polling_over_http_saves_and_confirms(tmp_path: Path) -> None:
    api = FakeTelegram()
    async with FakeBotServer(api) as server:
        settings = Settings(_env_file=None, telegram_bot_token=TEST_TOKEN,  # type: ignore[call-arg]
                            telegram_api_base_url=server.base_url,
                            telegram_api_file_url=server.file_url,
                            database_path=tmp_path / "poll.sqlite3")
        app = build_application(settings)
        async with app:
            await app.post_init(app)  # type: ignore[misc]
            await app.start()
            await app.updater.start_polling(poll_interval=0, timeout=1,  # type: ignore[union-attr]
                                            allowed_updates=ALLOWED_UPDATES)
            user = api.user(77, "Pat")
            api.push(api.text_update(user, "/profile years=6 state=wa"))
            await _wait_for(lambda: api.calls_to("sendMessage", 77))
            reply = api.calls_to("sendMessage", 77)[-1]
            assert "Washington (WA)" in reply.text and reply.params["parse_mode"] == "HTML"
            assert await app.bot_data["services"].db.profiles.get(77) == Profile(years=6,
                                                                                  state="WA")
            await app.updater.stop()  # type: ignore[union-attr]
            await app.stop()
            await app.post_shutdown(app)  # type: ignore[misc]
    assert not api.problems


def _run_cli(env_extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **env_extra}
    return subprocess.run([sys.executable, "-m", "bot"], cwd=tmp_path, env={
        **env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60)


def test_missing_token_exits_with_instructions(tmp_path: Path) -> None:
    result = _run_cli({}, tmp_path)
    assert result.returncode == 2
    assert "BotFather" in result.stderr and ".env" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_token_exits_with_instructions(tmp_path: Path) -> None:
    result = _run_cli({"TELEGRAM_BOT_TOKEN": "not-a-token"}, tmp_path)
    assert result.returncode == 2
    assert "does not look like a bot token" in result.stderr
    assert "Traceback" not in result.stderr
