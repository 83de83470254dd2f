"""The stand-in refuses what Telegram refuses: calls outside the Bot API's published definitions,
and the calls Telegram refuses for the state they find (edits, answers, chats, topics)."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
import yaml
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Defaults, ExtBot

from bot.aiohttp_request import AiohttpRequest
from bot.ext_bot import CoachBot, method_parameters
from bot.fake_api import FakeRequest, FakeTelegram
from bot.fake_api.server import FakeBotServer
from bot.fake_api.spec import call_problem, decode_form, generate, load
from tests.harness import TEST_TOKEN

USER = 42
KEYBOARD = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}


def test_the_vendored_spec_is_bot_api_10_3_with_its_methods_and_types() -> None:
    spec = load()
    assert spec.version == "10.3"
    assert len(spec.methods) > 150 and {"sendMessage", "sendPoll", "answerInlineQuery",
                                        "setMyCommands", "getUpdates"} <= set(spec.methods)
    assert spec.methods["sendMessage"]["text"].required
    assert not spec.methods["sendMessage"]["parse_mode"].required
    assert spec.methods["sendMessage"]["parse_mode"].enum == ("MarkdownV2", "Markdown", "HTML")
    assert "parse_mode" not in spec.methods["sendPoll"]
    assert "parse_mode" not in spec.methods["editMessageReplyMarkup"]
    assert spec.methods["sendPoll"]["type"].enum == ("quiz", "regular")
    assert "chat_member" in (spec.methods["setWebhook"]["allowed_updates"].enum or ())
    assert "InlineQueryResultArticle" in spec.unions["InlineQueryResult"]
    assert spec.objects["InlineQueryResultArticle"]["type"].enum == ("article",)


@pytest.mark.parametrize(("method", "params", "expected"), [
    ("sendMessage", {"chat_id": 1, "text": "hi", "parse_mode": "HTML"}, None),
    ("sendMessage", {"chat_id": "@channel", "text": "hi", "reply_markup": KEYBOARD}, None),
    ("sendPhoto", {"chat_id": 1}, "sendPhoto requires 'photo'"),
    ("sendPoll", {"chat_id": 1, "question": "q", "options": [{"text": "a"}],
                  "parse_mode": "HTML"}, "sendPoll has no parameter 'parse_mode'"),
    ("editMessageReplyMarkup", {"chat_id": 1, "message_id": 2, "parse_mode": "HTML"},
     "editMessageReplyMarkup has no parameter 'parse_mode'"),
    ("sendMessage", {"chat_id": 1}, "sendMessage requires 'text'"),
    ("sendMessage", {"chat_id": 1.5, "text": "x"}, "chat_id: expected Integer or String"),
    ("sendMessage", {"chat_id": 1, "text": "x", "message_thread_id": "7"},
     "message_thread_id: expected Integer"),
    ("sendMessage", {"chat_id": 1, "text": "x", "parse_mode": "html"},
     "parse_mode: 'html' is not one of MarkdownV2, Markdown, HTML"),
    ("sendPoll", {"chat_id": 1, "question": "q", "options": [{"text": "a"}], "type": "exam"},
     "type: 'exam' is not one of quiz, regular"),
    ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": {
        "inline_keyboard": [[{"text": "Go", "callback": "go"}]]}},
     "InlineKeyboardButton has no field 'callback'"),
    ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": {"inline_keyboard": [
        {"text": "Go", "callback_data": "go"}]}}, "expected Array of InlineKeyboardButton"),
    ("answerInlineQuery", {"inline_query_id": "1", "results": [], "next_offset": []},
     "next_offset: expected String"),
    ("answerInlineQuery", {"inline_query_id": "1", "results": [], "next_offset": "[]"},
     "'[]' is a serialised empty list or object"),
    ("answerInlineQuery", {"inline_query_id": "1", "results": [{"type": "article", "id": "a",
                                                                "title": "t"}]},
     "InlineQueryResultArticle requires 'input_message_content'"),
    ("answerInlineQuery", {"inline_query_id": "1", "results": [{"type": "post", "id": "a"}]},
     "'post' is none of the kinds of InlineQueryResult"),
    ("setMyCommands", {"commands": [{"command": "a", "description": "b"}],
                       "scope": {"type": "chat"}}, "BotCommandScopeChat requires 'chat_id'"),
    ("setWebhook", {"url": "https://example.org/t", "allowed_updates": ["chat_members"]},
     "'chat_members' is not one of"),
    ("sendMessage", {"chat_id": 1, "text": "x", "quote_text": "y"},
     "sendMessage has no parameter 'quote_text'"),
    ("frobnicate", {}, "there is no method 'frobnicate' in Bot API 10.3"),
])
def test_calls_are_checked_against_the_spec(method: str, params: dict[str, Any],
                                            expected: str | None) -> None:
    problem = call_problem(method, params)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem, problem


def test_an_upload_satisfies_a_file_parameter() -> None:
    assert call_problem("sendPhoto", {"chat_id": 1}, frozenset({"photo"})) is None
    assert call_problem("sendPhoto", {"chat_id": 1, "photo": "file-id"}) is None


def test_form_fields_are_decoded_by_their_spec_type() -> None:
    decoded = decode_form("answerInlineQuery", {"inline_query_id": "7", "results": "[]",
                                                "cache_time": "300", "next_offset": "[]"})
    assert decoded == {"inline_query_id": "7", "results": [], "cache_time": 300,
                       "next_offset": "[]"}
    assert decode_form("sendMessage", {"chat_id": "@channel", "text": "123"}) == {
        "chat_id": "@channel", "text": "123"}


async def _call(api: FakeTelegram, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
    return await api.handle(method, params)


async def test_unknown_methods_are_not_found() -> None:
    api = FakeTelegram()
    status, body = await _call(api, "sendMessages", chat_id=1, text="x")
    assert (status, body["description"]) == (404, "Not Found")
    assert api.problems[-1].method == "sendMessages"


async def test_a_user_who_never_wrote_to_the_bot_cannot_be_messaged() -> None:
    api = FakeTelegram()
    status, body = await _call(api, "sendMessage", chat_id=USER, text="Hello")
    assert (status, body["description"]) == (
        403, "Forbidden: bot can't initiate conversation with a user")
    api.text_update(api.user(USER), "/start")  # their first message opens the chat
    assert (await _call(api, "sendMessage", chat_id=USER, text="Hello"))[0] == 200
    group = api.group_chat(-100500)
    assert (await _call(api, "sendMessage", chat_id=group["id"], text="Hello"))[0] == 200


async def test_edits_that_change_nothing_or_find_nothing_are_refused() -> None:
    api = FakeTelegram()
    api.start(USER)
    _, sent = await _call(api, "sendMessage", chat_id=USER, text="<b>Menu</b>",
                          parse_mode="HTML", reply_markup=KEYBOARD)
    message_id = sent["result"]["message_id"]
    status, body = await _call(api, "editMessageText", chat_id=USER, message_id=message_id,
                               text="<b>Menu</b>", parse_mode="HTML", reply_markup=KEYBOARD)
    assert status == 400 and "message is not modified" in body["description"]
    assert (await _call(api, "editMessageText", chat_id=USER, message_id=message_id,
                        text="<b>Menu</b>", parse_mode="HTML"))[0] == 200  # keyboard gone
    status, body = await _call(api, "editMessageReplyMarkup", chat_id=USER,
                               message_id=message_id)
    assert status == 400 and "message is not modified" in body["description"]
    status, body = await _call(api, "editMessageText", chat_id=USER, message_id=999, text="x")
    assert (status, body["description"]) == (400, "Bad Request: message to edit not found")
    status, body = await _call(api, "deleteMessage", chat_id=USER, message_id=999)
    assert (status, body["description"]) == (400, "Bad Request: message to delete not found")


async def test_polls_and_photos_have_no_text_to_edit() -> None:
    api = FakeTelegram()
    api.start(USER)
    _, poll = await _call(api, "sendPoll", chat_id=USER, question="Q?",
                          options=[{"text": "a"}, {"text": "b"}], reply_markup=KEYBOARD)
    _, photo = await _call(api, "sendPhoto", chat_id=USER, photo="file-1", caption="Chart")
    for sent in (poll, photo):
        status, body = await _call(api, "editMessageText", chat_id=USER,
                                   message_id=sent["result"]["message_id"], text="new")
        assert (status, body["description"]) == (
            400, "Bad Request: there is no text in the message to edit")
    status, body = await _call(api, "editMessageCaption", chat_id=USER,
                               message_id=poll["result"]["message_id"], caption="x")
    assert status == 400 and "no caption" in body["description"]
    poll_id = poll["result"]["message_id"]
    assert (await _call(api, "editMessageReplyMarkup", chat_id=USER, message_id=poll_id))[0] \
        == 200
    assert (await _call(api, "stopPoll", chat_id=USER, message_id=poll_id))[0] == 200
    status, body = await _call(api, "stopPoll", chat_id=USER, message_id=poll_id)
    assert (status, body["description"]) == (400, "Bad Request: poll has already been closed")


async def test_a_callback_query_is_answered_once() -> None:
    api = FakeTelegram()
    update = api.callback_update(api.user(USER), "go")
    query_id = update["callback_query"]["id"]
    assert (await _call(api, "answerCallbackQuery", callback_query_id=query_id))[0] == 200
    for unknown in (query_id, "12345"):
        status, body = await _call(api, "answerCallbackQuery", callback_query_id=unknown)
        assert status == 400 and "query is too old" in body["description"]


async def test_an_inline_button_does_exactly_one_thing() -> None:
    api = FakeTelegram()
    api.start(USER)
    for button in ({"text": "Nothing"},
                   {"text": "Both", "callback_data": "go", "url": "https://example.org"}):
        status, body = await _call(api, "sendMessage", chat_id=USER, text="x",
                                   reply_markup={"inline_keyboard": [[button]]})
        assert status == 400 and "exactly one action" in body["description"], button
    styled = {"text": "Go", "style": "primary", "callback_data": "go"}
    assert (await _call(api, "sendMessage", chat_id=USER, text="x",
                        reply_markup={"inline_keyboard": [[styled]]}))[0] == 200


async def test_set_my_commands_limits() -> None:
    api = FakeTelegram()
    good = [{"command": f"c{i}", "description": "d"} for i in range(100)]
    assert (await _call(api, "setMyCommands", commands=good))[0] == 200
    bad = [
        [*good, {"command": "extra", "description": "d"}],
        [{"command": "Start", "description": "d"}],
        [{"command": "x" * 33, "description": "d"}],
        [{"command": "help", "description": ""}],
        [{"command": "help", "description": "d" * 257}],
    ]
    for commands in bad:
        assert (await _call(api, "setMyCommands", commands=commands))[0] == 400, commands


async def test_topics_a_forum_has_and_messages_sent_there() -> None:
    api = FakeTelegram()
    forum = api.forum_chat(-100600, topics=(5,))
    _, sent = await _call(api, "sendMessage", chat_id=forum["id"], text="x",
                          message_thread_id=5)
    assert sent["result"]["message_thread_id"] == 5 and sent["result"]["is_topic_message"]
    for chat_id in (forum["id"], api.group_chat(-100601)["id"]):
        status, body = await _call(api, "sendMessage", chat_id=chat_id, text="x",
                                   message_thread_id=9)
        assert (status, body["description"]) == (400, "Bad Request: message thread not found")


async def test_python_telegram_bots_defaults_are_caught_and_coachbot_drops_them() -> None:
    """With Defaults(parse_mode=HTML), plain ExtBot sends parse_mode to sendPoll and an empty
    next_offset as "[]"; the stand-in refuses both. CoachBot sends neither."""
    defaults = Defaults(parse_mode=ParseMode.HTML)
    api = FakeTelegram()
    api.start(USER)
    plain = ExtBot(TEST_TOKEN, request=FakeRequest(api), defaults=defaults)
    coach = CoachBot(TEST_TOKEN, request=FakeRequest(api), defaults=defaults)
    async with plain, coach:
        with pytest.raises(BadRequest, match="no parameter 'parse_mode'"):
            await plain.send_poll(USER, "Q?", ["a", "b"])
        inline = api.inline_query_update(api.user(USER), "q")["inline_query"]["id"]
        with pytest.raises(BadRequest, match="serialised empty list"):
            await plain.answer_inline_query(inline, [], next_offset="")
        message = await coach.send_poll(USER, "Q?", ["a", "b"], reply_markup=KEYBOARD)
        await coach.edit_message_reply_markup(USER, message.message_id)
        assert await coach.answer_inline_query(inline, [], next_offset=None)
    assert "parse_mode" not in api.calls_to("sendPoll")[-1].params
    assert api.calls_to("sendPoll")[-1].params["question_parse_mode"] == "HTML"
    assert "parse_mode" not in api.calls_to("editMessageReplyMarkup")[-1].params
    assert method_parameters("sendPoll") is not None
    assert "parse_mode" in (method_parameters("sendMessage") or ())


async def test_over_http_the_same_checks_apply() -> None:
    api = FakeTelegram()
    api.start(USER)
    async with FakeBotServer(api) as server:
        bot = Bot(TEST_TOKEN, base_url=server.base_url, request=AiohttpRequest())
        async with bot:
            inline = api.inline_query_update(api.user(USER), "q")["inline_query"]["id"]
            # The project's client sends a JSON body, where the list stays a list (a form body
            # would carry the text "[]"): refused either way.
            with pytest.raises(BadRequest,
                               match=r"serialised empty list|expected string, got array"):
                await bot.answer_inline_query(inline, [], api_kwargs={"next_offset": []})
            await bot.send_message(USER, "fine", parse_mode="HTML")
    assert [c.error is None for c in api.calls] == [True, False, True]
    assert api.calls[-1].params["chat_id"] == USER  # decoded from the form as an Integer


def test_the_generator_keeps_what_the_methods_reach(tmp_path: Path) -> None:
    """generate.build on a miniature aiogram sdist: methods, the types their parameters reach,
    required flags and the enumerations, from the schema and the enum files."""
    def field(name: str, kind: str, required: bool, text: str = "") -> dict[str, Any]:
        return {"name": name, "type": kind, "required": required, "description": text,
                "rst_description": text}
    schema = {"api": {"version": "99.1", "release_date": "2030-01-01"}, "items": [
        {"title": "Available types", "children": [
            {"name": "Scope", "description": "Scopes:\n - ScopeChat\n - ScopeAll"},
            {"name": "ScopeChat", "annotations": [
                field("type", "String", True, "Scope type, must be chat"),
                field("chat_id", "Integer", True)]},
            {"name": "ScopeAll", "annotations": [field("type", "String", True, "must be all")]},
            {"name": "Poll", "annotations": [field("type", "String", True,
                                                   "Poll type, currently can be 'quiz'")]},
            {"name": "Update", "annotations": [field("update_id", "Integer", True),
                                               field("message", "Message", False)]},
            {"name": "Unreached", "annotations": [field("x", "String", True)]},
        ]},
        {"title": "Available methods", "children": [
            {"name": "sendPoll", "annotations": [
                field("chat_id", "Integer or String", True),
                field("type", "String", False, "Poll type, 'quiz' or 'regular'"),
                field("question_parse_mode", "String", False)]},
            {"name": "setScope", "annotations": [field("scope", "Scope", False),
                                                 field("allowed_updates", "Array of String",
                                                       False)]},
        ]},
    ]}
    enums = {
        "ParseMode.yml": {"name": "ParseMode", "static": {"HTML": "HTML"}},
        "Scope.yml": {"name": "ScopeType", "multi_parse": {
            "attribute": "type", "regexp": "must be ([a-z]+)",
            "entities": ["ScopeChat", "ScopeAll"]}},
        "Gone.yml": {"name": "Gone", "parse": {"entity": "Poll", "attribute": "gone",
                                               "regexp": "'([a-z]+)'"}},
        "UpdateType.yml": {"name": "UpdateType",
                           "extract": {"entity": "Update", "exclude": ["update_id"]}},
    }
    sdist = tmp_path / "aiogram-0.0.0.tar.gz"
    with tarfile.open(sdist, "w:gz") as archive:
        files = {"schema/schema.json": json.dumps(schema).encode(),
                 **{f"enums/{n}": yaml.safe_dump(e).encode() for n, e in enums.items()}}
        for name, content in files.items():
            info = tarfile.TarInfo(f"aiogram-0.0.0/.butcher/{name}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    with patch.object(generate, "_EXTRA_ENUMS", [("methods", "sendPoll", "type", "'([a-z]+)'")]):
        built = generate.build(sdist)
    assert built["bot_api"] == "99.1"
    assert built["methods"]["sendPoll"] == {
        "chat_id": {"type": "Integer or String", "required": True},
        "type": {"type": "String", "required": False, "enum": ["quiz", "regular"]},
        "question_parse_mode": {"type": "String", "required": False, "enum": ["HTML"]}}
    assert built["methods"]["setScope"]["allowed_updates"]["enum"] == ["message"]
    assert set(built["types"]) == {"Scope", "ScopeChat", "ScopeAll"}
    assert built["types"]["Scope"] == {"one_of": ["ScopeChat", "ScopeAll"]}
    assert built["types"]["ScopeChat"]["type"]["enum"] == ["chat"]
