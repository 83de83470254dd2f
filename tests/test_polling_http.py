"""The production wiring: long polling over HTTP against the stand-in on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from bot.ext_bot import CoachBot
from bot.fake_api import FakeRequest, FakeTelegram
from knowledge.profile import Profile
from tests.harness import TEST_TOKEN
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


async def test_get_updates_hands_back_each_update_as_telegram_sent_it() -> None:
    """What the inbox stores: the JSON objects as received, not rebuilt from the Updates."""
    api = FakeTelegram()
    user = api.user(77, "Pat")
    sent = [api.text_update(user, "/start"), api.callback_update(user, "prof:view"),
            api.inline_query_update(user, "rhit")]
    sent[0]["message"]["a_field_of_a_later_bot_api"] = {"nested": [1, 2]}
    for update in sent:
        api.push(update)
    async with CoachBot(TEST_TOKEN, request=FakeRequest(api),
                        get_updates_request=FakeRequest(api)) as bot:
        updates, bodies = await bot.get_updates_with_bodies(timeout=0)
    assert bodies == sent
    assert [update.update_id for update in updates] == [body["update_id"] for body in sent]
    assert updates[1].callback_query is not None and updates[1].callback_query.data == "prof:view"


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
