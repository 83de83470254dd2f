"""Fuzzing: thousands of generated updates through the real Application and the stand-in.

For every update: no unhandled exception (no logged ERROR, no apology), every call valid for
the Bot API; and for input that is invalid, nothing changes in the database (every table is
compared, found from the schema, so tables added by later features are covered too).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.fake_api import ApiCall
from db.processed_updates import BOOKKEEPING_TABLES
from handlers.arguments import ArgumentError, parse_pairs
from handlers.commands import COMMANDS
from handlers.errors import APOLOGY
from knowledge.profile import FIELD_KEYS, ProfileValueError, parse_changes, parse_value
from tests.harness import BotHarness

# A question the bot cannot answer is counted (text only, no user) for /admin: not a change
# that invalid input must avoid.
ANONYMOUS_COUNTERS = frozenset({"unanswered_questions"})
# The profile editor's dialogue state (which field a typed value is for): an old ✏️ button
# opening the editor again is the editor working, not stored data changing.
DIALOGUE_STATE = frozenset({"profile_editing"})

# FUZZ_SCALE=5 multiplies the examples (about 11,000 updates instead of 2,300); the count fed
# is printed at the end of the module (pytest -s).
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = settings(max_examples=200 * SCALE, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ_SINGLE = settings(FUZZ, max_examples=300 * SCALE)  # for tests feeding one update each

PIECES = ["<", ">", "&", "&amp;", "&#0;", "&nbsp", "<b>", "</b>", "<i>", "<a href='x'>", "</a>",
          "<script>", "*", "_", "`", "```", "[", "](", ")", "~", "||", "\\", "\n", " ", "=",
          '"', "'", "“", ":", "@", "/", "\u202e", "\u200b", "\ufeff", "👩‍⚕️", "🏥", "я", "中",
          "years=", "state=", "certs=", "prof:", "forget:", "null", "-1", "9" * 30, "²", "٣",
          "①", "tz=", "99 years"]
UNICODE = st.characters(codec="utf-8")
TEXT = st.one_of(
    st.text(UNICODE, max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.builds(lambda piece, n: (piece * n)[:n], st.sampled_from(["a ", "я", "<b>", "&", "😀x"]),
              st.integers(3900, 4000)),
)
FIRST_NAME = st.one_of(st.text(UNICODE, min_size=1, max_size=64),
                       st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join))
COMMAND_NAMES = [command.name for command in COMMANDS] + ["unknown", "PROFILE", "start_"]
SUFFIX = st.sampled_from(["", "@ehr_coach_bot", "@EHR_COACH_BOT", "@another_bot"])
CHAT_KIND = st.sampled_from(["private", "group", "supergroup"])
MESSAGE_KIND = st.sampled_from(["message", "edited_message"])
ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                   "username": "GroupAnonymousBot"}


class Fuzzer:
    """One bot for all the examples of a test module, on an event loop of its own."""

    def __init__(self, tmp_path: Path) -> None:
        self.runner = asyncio.Runner()
        self.bot = BotHarness(tmp_path)
        self.errors: list[logging.LogRecord] = []
        self._user_ids = itertools.count(100_000)
        self.fed = 0
        self.runner.run(self.bot.__aenter__())
        self.real_buttons = self.runner.run(self._collect_real_buttons())

    async def _collect_real_buttons(self) -> list[str]:
        """The callback data of the bot's real keyboards."""
        bot, found = self.bot, set()
        for text in ("/start", "/profile", "/forget"):
            for call in await bot.send(text, user=bot.user(99)):
                found.update(call.button_data())
        for key in FIELD_KEYS:
            for call in await bot.press(f"prof:edit:{key}:w", user=bot.user(99)):
                found.update(call.button_data())
        return sorted(found)

    def close(self) -> None:
        self.runner.run(self.bot.__aexit__())
        self.runner.close()

    def new_user(self, first_name: str = "Alex") -> dict[str, Any]:
        return self.bot.user(next(self._user_ids), first_name)

    def chat(self, kind: str, user: dict[str, Any]) -> dict[str, Any]:
        if kind == "private":
            return self.bot.api.private_chat(user)
        return self.bot.api.group_chat(-1_000_000 - user["id"], kind=kind)

    def message_update(self, kind: str, user: dict[str, Any], chat: dict[str, Any],
                       text: str) -> dict[str, Any]:
        message = self.bot.api.message(user, chat, text)
        if kind == "edited_message":
            message["edit_date"] = int(time.time())
        return self.bot.api.update(**{kind: message})

    def snapshot(self) -> dict[str, list[dict[str, object]]]:
        async def read() -> dict[str, list[dict[str, object]]]:
            data = self.bot.db.user_data
            return {table: await data.rows(table) for table in await data.tables()
                    if table not in BOOKKEEPING_TABLES | ANONYMOUS_COUNTERS | DIALOGUE_STATE}
        return self.runner.run(read())

    def feed(self, update: dict[str, Any], *, invalid: bool) -> list[ApiCall]:
        self.errors.clear()  # what an earlier, failed example left
        self.bot.api.problems.clear()
        self.fed += 1
        before = self.snapshot() if invalid else None
        calls = self.runner.run(self.bot.feed(update))
        assert not self.errors, [record.getMessage() for record in self.errors]
        assert not self.bot.api.problems, [(c.method, c.error) for c in self.bot.api.problems]
        assert all(call.text != APOLOGY for call in calls)
        if before is not None:
            assert self.snapshot() == before, "invalid input changed the database"
        return calls


class _ErrorRecords(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzer]:
    fuzzer = Fuzzer(tmp_path_factory.mktemp("fuzz"))
    handler = _ErrorRecords(fuzzer.errors)
    logging.getLogger().addHandler(handler)
    yield fuzzer
    logging.getLogger().removeHandler(handler)
    fuzzer.close()
    print(f"\nfuzzed {fuzzer.fed} updates")


def _profile_change_is_valid(arguments: str) -> bool:
    try:
        return bool(parse_changes(parse_pairs(arguments)))
    except (ArgumentError, ProfileValueError):
        return False


def _button_changes_data(data: str) -> bool:
    """Whether pressing `data` legitimately changes stored data (a profile value, /forget)."""
    match = re.fullmatch(r"prof:(?:set|tog):([a-z]+):([^:]*)(?::w)?", data)
    if match and match.group(1) in FIELD_KEYS:
        try:
            parse_value(match.group(1), match.group(2))
            return True
        except ProfileValueError:
            return False
    return data.startswith("forget:yes:")


@FUZZ
@given(chat=CHAT_KIND, name=FIRST_NAME, texts=st.lists(st.tuples(MESSAGE_KIND, TEXT),
                                                      min_size=1, max_size=4))
def test_free_text_changes_nothing(fuzzer: Fuzzer, chat: str, name: str,
                                   texts: list[tuple[str, str]]) -> None:
    user = fuzzer.new_user(name)
    for kind, text in texts:
        update = fuzzer.message_update(kind, user, fuzzer.chat(chat, user),
                                       text.lstrip("/") or "?")
        fuzzer.feed(update, invalid=True)


COMMAND = st.tuples(MESSAGE_KIND, st.sampled_from(COMMAND_NAMES), SUFFIX,
                    st.sampled_from([" ", "\n", "  "]), TEXT)


@FUZZ
@given(chat=CHAT_KIND, name=FIRST_NAME, commands=st.lists(COMMAND, min_size=1, max_size=4))
def test_commands_with_random_arguments(fuzzer: Fuzzer, chat: str, name: str,
                                        commands: list[tuple[str, str, str, str, str]]) -> None:
    user = fuzzer.new_user(name)
    for kind, command, suffix, separator, arguments in commands:
        text = f"/{command}{suffix}{separator}{arguments}".rstrip()
        unknown = command not in {c.name for c in COMMANDS}
        invalid = unknown or (command == "profile" and not _profile_change_is_valid(arguments))
        calls = fuzzer.feed(fuzzer.message_update(kind, user, fuzzer.chat(chat, user), text),
                            invalid=invalid)
        if chat == "private" and kind == "message" and suffix in {"", "@ehr_coach_bot"}:
            assert any(call.method.startswith("send") for call in calls), text  # an answer


# Values that look like numbers, dates, times or zones without being valid ones.
ODD_VALUE = st.one_of(
    st.sampled_from(["²", "٣", "①", "3²", "¹⁰", "５", "-1", "9" * 30, "1e3", "0x10", "99",
                     "2027-0²-01", "٢٠٢٧-٠١-٠١", "7:3٠", "25:00", "A" * 300,
                     "America/" + "x" * 300, "../../etc/passwd", "UTC\x00"]),
    st.text(st.sampled_from("0123456789²³¹٣①:-/"), min_size=1, max_size=12),
    st.text(UNICODE, max_size=20),
)
ARGUMENT_KEY = st.sampled_from(["years", "state", "certs", "skills", "goal", "education", "tz",
                                "date", "exam", "time", "name"])
VALUED_COMMANDS = ["profile", "salary", "career", "timezone", "exam", "daily", "countdown",
                   "cohort", "quiz", "certify", "stats"]


@FUZZ
@given(chat=CHAT_KIND, command=st.sampled_from(VALUED_COMMANDS), bare=st.booleans(),
       pairs=st.lists(st.tuples(ARGUMENT_KEY, ODD_VALUE), min_size=1, max_size=3))
def test_commands_with_odd_values(fuzzer: Fuzzer, chat: str, command: str, bare: bool,
                                  pairs: list[tuple[str, str]]) -> None:
    user = fuzzer.new_user()
    arguments = " ".join(value if bare else f"{key}={value}" for key, value in pairs)
    invalid = command == "profile" and not _profile_change_is_valid(arguments)
    fuzzer.feed(fuzzer.message_update("message", user, fuzzer.chat(chat, user),
                                      f"/{command} {arguments}"), invalid=invalid)


BUTTON_DATA = st.one_of(
    st.text(UNICODE, min_size=1, max_size=64).filter(lambda d: len(d.encode()) <= 64),
    st.lists(st.sampled_from(["prof", "forget", "menu", "set", "tog", "edit", "done", "view",
                              "yes", "no", "w", "years", "state", "certs", "", "x" * 20,
                              "-1", "<b>", "²", "٣", "1"]), min_size=1, max_size=6).map(":".join))


@FUZZ
@given(chat=CHAT_KIND, presses=st.lists(st.tuples(BUTTON_DATA, st.booleans()), min_size=1,
                                        max_size=4))
def test_unknown_button_data_changes_nothing(fuzzer: Fuzzer, chat: str,
                                            presses: list[tuple[str, bool]]) -> None:
    user = fuzzer.new_user()
    target = fuzzer.chat(chat, user)
    for data, old_message in presses:
        # An old message is no longer accessible: Telegram sends it with date 0.
        message = {"message_id": 1, "date": 0, "chat": target} if old_message else None
        update = fuzzer.bot.api.callback_update(user, data, message, target)
        calls = fuzzer.feed(update, invalid=not _button_changes_data(data))
        assert [c.method for c in calls].count("answerCallbackQuery") == 1  # no endless spinner


@FUZZ_SINGLE
@given(data=st.data(), how=st.sampled_from(["part", "append", "drop", "cut", "case"]),
       junk=st.text(UNICODE, max_size=12))
def test_mutated_real_buttons(fuzzer: Fuzzer, data: st.DataObject, how: str, junk: str) -> None:
    real = data.draw(st.sampled_from(fuzzer.real_buttons))
    parts = real.split(":")
    if how == "part":
        parts[data.draw(st.integers(0, len(parts) - 1))] = junk
    elif how == "append":
        parts.append(junk)
    elif how == "drop":
        parts.pop(data.draw(st.integers(0, len(parts) - 1)))
    mutated = ":".join(parts)
    if how == "cut":
        mutated = real[: data.draw(st.integers(0, len(real) - 1))]
    elif how == "case":
        mutated = real.swapcase()
    if not mutated or len(mutated.encode()) > 64:
        mutated = real[:1]
    user = fuzzer.new_user()
    update = fuzzer.bot.api.callback_update(user, mutated)
    calls = fuzzer.feed(update, invalid=not _button_changes_data(mutated))
    assert [c.method for c in calls].count("answerCallbackQuery") == 1


@FUZZ_SINGLE
@given(kind=st.sampled_from(["channel_post", "edited_channel_post", "anonymous_admin",
                             "sender_chat_only", "inline_button", "poll"]),
       text=st.one_of(TEXT, st.sampled_from([f"/{c.name}" for c in COMMANDS])))
def test_updates_without_a_person(fuzzer: Fuzzer, kind: str, text: str) -> None:
    api = fuzzer.bot.api
    group_id = -1_000_000_000 - next(fuzzer._user_ids)
    channel = {"id": group_id, "type": "channel", "title": "News"}
    if kind in {"channel_post", "edited_channel_post"}:
        post = {"message_id": 1, "date": int(time.time()), "chat": channel, "text": text or "?",
                "sender_chat": channel}
        update = api.update(**{kind: post})
    elif kind in {"anonymous_admin", "sender_chat_only"}:
        # Telegram sends an anonymous admin's message "from" @GroupAnonymousBot; a message with
        # no sender at all is not expected in a group, but must not break anything either.
        group = api.group_chat(group_id)
        message = api.message(ANONYMOUS_ADMIN, group, text or "?", sender_chat=group)
        if kind == "sender_chat_only":
            del message["from"]
        update = api.update(message=message)
    elif kind == "inline_button":
        update = api.update(callback_query={
            "id": api.new_callback_query_id(), "from": fuzzer.new_user(), "chat_instance": "1",
            "inline_message_id": "AAA", "data": text[:20] or "x"})
    else:
        update = api.update(poll={"id": "p1", "question": "Q?", "options": [
            {"text": "a", "voter_count": 1, "persistent_id": "0"},
            {"text": "b", "voter_count": 0, "persistent_id": "1"}],
            "total_voter_count": 1, "is_closed": False, "is_anonymous": True,
            "type": "regular", "allows_multiple_answers": False, "allows_revoting": True,
            "members_only": False})
    if kind == "anonymous_admin":  # a group admin: commands like /cohort may change data
        invalid = not text.startswith("/")
    else:
        invalid = kind != "inline_button" or not _button_changes_data(text[:20])
    fuzzer.feed(update, invalid=invalid)



@FUZZ
@given(query=TEXT, offset=st.one_of(st.just(""), st.sampled_from(["20", "40", "80", "100"]),
                                    st.text(UNICODE, max_size=70)),
       chat_type=st.sampled_from(["sender", "private", "group", "supergroup", "channel"]))
def test_inline_queries_change_nothing(fuzzer: Fuzzer, query: str, offset: str,
                                       chat_type: str) -> None:
    update = fuzzer.bot.api.inline_query_update(fuzzer.new_user(), query[:256], offset,
                                                chat_type)
    calls = fuzzer.feed(update, invalid=True)
    assert [c.method for c in calls] == ["answerInlineQuery"]
