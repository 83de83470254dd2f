"""The logs of a whole conversation hold no message text, profile value or token — even at DEBUG,
with python-telegram-bot's and the HTTP clients' loggers switched on."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.fake_api import ApiCall, FakeTelegram
from bot.logging_setup import install_privacy_guard
from handlers.arguments import ArgumentError, parse_pairs
from knowledge.profile import ProfileValueError, parse_changes
from tests.harness import TEST_TOKEN
from tests.http_bot import polling_bot, wait_for

LOGGERS = ("", "telegram", "httpx", "httpcore", "aiohttp", "tornado", "aiosqlite", "apscheduler")
USER_ID = 4242
TYPED = [
    "/start",
    "/profile years=37 state=wyoming education=master certs=CEHRS employer=hospital "
    "skills=epic goal=director",
    "Montana",
    "/profile state=Atlantis-Kingdom",
    "my secret hobby is zebra knitting",
    "/help",
    "/export",
]
PERSONAL = ["Zebulon", "Quixote-Marmalade", "zq_private_handle", "Wyoming", "Montana", "director",
            "Atlantis", "zebra", TEST_TOKEN, TEST_TOKEN.split(":")[1]]


async def _database_is_locked(user_id: int) -> None:
    raise RuntimeError("database is locked")


async def wait_for_text(api: FakeTelegram, update: dict, text: str) -> None:  # type: ignore[type-arg]
    api.push(update)
    await wait_for(lambda: api.calls and text in api.calls[-1].text)


@pytest.fixture
def guarded_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    restore = install_privacy_guard([TEST_TOKEN])
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog
    restore()


@pytest.mark.parametrize("http_client", ["aiohttp", "httpx"])
async def test_a_full_conversation_leaves_no_personal_data_in_the_logs(
        http_client: str, tmp_path: Path, guarded_logs: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    api = FakeTelegram()
    user = api.user(USER_ID, "Zebulon", last_name="Quixote-Marmalade",
                    username="zq_private_handle")

    async def exchange(update: dict, method: str = "sendMessage") -> ApiCall:  # type: ignore[type-arg]
        before = len(api.calls)
        api.push(update)
        await wait_for(lambda: any(c.method == method for c in api.calls[before:]))
        return next(c for c in api.calls[before:] if c.method == method)

    async with polling_bot(api, tmp_path / "log.sqlite3", http_client) as app:
        await exchange(api.text_update(user, TYPED[0]))
        await exchange(api.text_update(user, TYPED[1]))
        menu = await exchange(api.text_update(user, "/profile"))
        await exchange(api.callback_update(user, "prof:edit:state", menu.result),
                       "editMessageText")
        await exchange(api.text_update(user, TYPED[2]))
        await exchange(api.callback_update(user, "prof:set:education:bachelor", menu.result),
                       "editMessageText")
        for text in TYPED[3:5]:
            api.push(api.text_update(user, text))
        await wait_for_text(api, api.text_update(user, TYPED[5]), "What I can do")
        # A handler fails: the error handler logs the traceback and apologises.
        profiles = app.bot_data["services"].db.profiles
        monkeypatch.setattr(profiles, "get", _database_is_locked)
        await wait_for_text(api, api.text_update(user, "/profile"), "Sorry")
        monkeypatch.undo()
        await exchange(api.text_update(user, TYPED[6]), "sendDocument")
        ask = await exchange(api.text_update(user, "/forget"))
        await exchange(api.callback_update(user, ask.button_data()[0], ask.result),
                       "editMessageText")

    records = guarded_logs.records
    logged = guarded_logs.text + "\n".join(r.getMessage() for r in records)
    assert any(r.name.startswith("telegram") and r.levelno == logging.DEBUG for r in records)
    assert http_client != "httpx" or any(r.name == "httpx" for r in records)
    assert any(r.name == "handlers.errors" and r.exc_text for r in records)  # traceback kept
    shown = [c.text for c in api.calls if c.text]
    for secret in [*TYPED, *PERSONAL, *shown]:
        assert secret not in logged, secret


def test_exception_messages_of_our_parsers_do_not_repeat_the_input() -> None:
    with pytest.raises(ArgumentError) as bad_syntax:
        parse_pairs("zebra-knitting")
    assert "zebra" not in str(bad_syntax.value) and "zebra" in bad_syntax.value.explanation
    with pytest.raises(ProfileValueError) as bad_value:
        parse_changes([("state", "Atlantis")])
    assert "Atlantis" not in str(bad_value.value) and bad_value.value.raw == "Atlantis"


def test_the_guard_redacts_secrets_in_tracebacks_and_survives_malformed_calls(
        guarded_logs: pytest.LogCaptureFixture) -> None:
    library = logging.getLogger("telegram.ext.Updater")
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TEST_TOKEN}/getMe failed")
    except RuntimeError:
        library.exception("Polling failed for %s", TEST_TOKEN)
    # A library's own formatting mistake stays the handler's to report, not an exception.
    record = library.makeRecord(library.name, logging.WARNING, "lib.py", 1,
                                "two placeholders %s %s", ("one",), None)
    assert record.args == ("one",)
    text = guarded_logs.text
    assert TEST_TOKEN not in text and text.count("[redacted]") == 2
    assert "Polling failed for [redacted]" in text
