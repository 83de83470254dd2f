"""The stand-in's state: chats, messages, pending updates, and the record of every call."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.fake_api import spec, validation
from bot.fake_api.members import chat_member, chat_member_updated

BOT_USER = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "EHR Career Coach",
    "username": "ehr_coach_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}

JsonDict = dict[str, Any]
NOT_MODIFIED = "message is not modified"


@dataclass
class ApiCall:
    """One Bot API call the bot made, and what the stand-in answered."""

    method: str
    params: JsonDict
    result: Any = None
    error: str | None = None
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if isinstance(value, int | str) and str(value).lstrip("-").isdigit() \
            else None

    @property
    def text(self) -> str:
        for key in ("text", "caption", "question"):
            value = self.params.get(key)
            if isinstance(value, str):
                return value
        return ""

    def buttons(self) -> list[JsonDict]:
        markup = self.params.get("reply_markup")
        if not isinstance(markup, dict):
            return []
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        return [button if isinstance(button, dict) else {"text": button}
                for row in rows for button in row]

    def button_data(self) -> list[str]:
        return [str(b["callback_data"]) for b in self.buttons() if "callback_data" in b]


@dataclass
class Failure:
    """An error to answer instead of the normal result, `times` times."""

    method: str
    code: int
    description: str
    retry_after: int | None = None
    times: int = 1
    chat_id: int | None = None


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


class FakeTelegram:
    """Answers Bot API methods and produces updates, as Telegram would, in memory."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        # Calls refused with 400 or 404, but for edits that changed nothing: the bot cannot know
        # that a tap repeats one before it, and must take that refusal in its stride.
        self.problems: list[ApiCall] = []
        # Calls outside the Bot API's definitions (bot_api.json): unknown methods, parameters...
        self.outside_spec: list[ApiCall] = []
        self.chats: dict[int, JsonDict] = {}
        self.chat_members: dict[tuple[int, int], str] = {}
        self.blocked_chats: set[int] = set()
        self.failures: list[Failure] = []
        self.uploads: dict[str, bytes] = {}
        self.upload_names: dict[str, str] = {}
        self._message_ids: dict[int, itertools.count[int]] = {}
        # Like Telegram's, update ids keep increasing from one run to the next (the bot skips an
        # id it has handled before): by default they start from the current time in ms.
        self._update_ids = itertools.count(int(time.time() * 1000))
        # Poll ids stay unique from one run to the next too (the bot stores them).
        self._poll_ids = itertools.count(time.time_ns() // 1000)
        self._callback_ids = itertools.count(1)
        self._inline_ids = itertools.count(1)
        # Inline query ids sent to the bot, and whether each has been answered (only once).
        self.inline_queries: dict[str, bool] = {}
        self._pending: list[JsonDict] = []
        self._new_update = asyncio.Event()
        # Callback query ids sent to the bot, and whether each has been answered (only once).
        self.callback_queries: dict[str, bool] = {}
        self.listeners: list[Callable[[ApiCall], None]] = []
        # The bot's messages as they are now, by (chat id, message id): what it may edit.
        self.sent_messages: dict[tuple[int, int], JsonDict] = {}
        # Users who have written to the bot in private (only they can be messaged there).
        self.started: set[int] = set()
        # Forum supergroups' topics (message_thread_id values) by chat id.
        self.topics: dict[int, set[int]] = {}

    # ----- what tests and the terminal chat use -----------------------------------------------

    def fail(self, method: str, code: int, description: str, *, retry_after: int | None = None,
             times: int = 1, chat_id: int | None = None) -> None:
        self.failures.append(Failure(method, code, description, retry_after, times, chat_id))

    def start(self, user_id: int) -> None:
        """The user opened the private chat with the bot (their messages there do it too)."""
        self.started.add(user_id)

    def block(self, chat_id: int) -> None:
        """The user behind `chat_id` blocked the bot: sends there get 403."""
        self.blocked_chats.add(chat_id)

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        self.chat_members[(chat_id, user_id)] = status

    def calls_to(self, method: str, chat_id: int | None = None) -> list[ApiCall]:
        return [c for c in self.calls
                if c.method == method and (chat_id is None or c.chat_id == chat_id)]

    def clear(self) -> None:
        self.calls.clear()

    def record_upload(self, name: str, content: bytes, filename: str) -> None:
        """A file the bot uploaded as multipart field `name` (the latest upload of each field
        is kept, with the filename it was sent under, "" when it had none)."""
        self.uploads[name] = content
        self.upload_names[name] = filename

    # ----- building updates ---------------------------------------------------------------------

    def user(self, user_id: int, first_name: str = "Alex", **extra: Any) -> JsonDict:
        return {"id": user_id, "is_bot": False, "first_name": first_name, **extra}

    def private_chat(self, user: JsonDict) -> JsonDict:
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        self.chats[chat["id"]] = chat
        return chat

    def group_chat(self, chat_id: int, title: str = "Study group",
                   kind: str = "supergroup") -> JsonDict:
        chat = {"id": chat_id, "type": kind, "title": title}
        self.chats[chat_id] = chat
        return chat

    def forum_chat(self, chat_id: int, title: str = "Study forum",
                   topics: tuple[int, ...] = (2,)) -> JsonDict:
        """A supergroup with topics; messages in one carry its `message_thread_id`."""
        chat = {**self.group_chat(chat_id, title), "is_forum": True}
        self.chats[chat_id] = chat
        self.topics[chat_id] = set(topics)
        return chat

    @staticmethod
    def in_topic(thread_id: int) -> JsonDict:
        """The fields of a message sent in forum topic `thread_id` (for text_update's extra)."""
        return {"message_thread_id": thread_id, "is_topic_message": True}

    def next_message_id(self, chat_id: int) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def message(self, user: JsonDict, chat: JsonDict, text: str | None = None,
                **extra: Any) -> JsonDict:
        message: JsonDict = {
            "message_id": self.next_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **extra,
        }
        if chat["type"] == "private" and not user.get("is_bot"):
            self.start(user["id"])
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split(maxsplit=1)[0]
                message["entities"] = [{"type": "bot_command", "offset": 0,
                                        "length": validation.utf16_length(command)}]
        return message

    def update(self, **payload: Any) -> JsonDict:
        return {"update_id": next(self._update_ids), **payload}

    def text_update(self, user: JsonDict, text: str, chat: JsonDict | None = None,
                    **extra: Any) -> JsonDict:
        chat = chat or self.private_chat(user)
        return self.update(message=self.message(user, chat, text, **extra))

    def callback_update(self, user: JsonDict, data: str, message: JsonDict | None = None,
                        chat: JsonDict | None = None) -> JsonDict:
        """A press of a button with `data` under `message` (by default a message of the bot's
        that the stand-in then knows as sent, so that the bot may edit it)."""
        chat = chat or self.private_chat(user)
        if chat["type"] == "private":
            self.start(user["id"])
        if message is None:
            message = {"message_id": self.next_message_id(chat["id"]), "date": int(time.time()),
                       "chat": chat, "from": BOT_USER, "text": "..."}
            self.sent_messages[(chat["id"], message["message_id"])] = message
        return self.update(callback_query={
            "id": self.new_callback_query_id(), "from": user, "chat_instance": str(chat["id"]),
            "data": data, "message": message,
        })

    def new_callback_query_id(self) -> str:
        """The id of a callback query about to be sent to the bot (to be answered once)."""
        query_id = str(next(self._callback_ids))
        self.callback_queries[query_id] = False
        return query_id

    def inline_query_update(self, user: JsonDict, query: str, offset: str = "",
                            chat_type: str = "sender") -> JsonDict:
        query_id = str(next(self._inline_ids))
        self.inline_queries[query_id] = False
        return self.update(inline_query={"id": query_id, "from": user, "query": query,
                                         "offset": offset, "chat_type": chat_type})

    def poll_answer_update(self, user: JsonDict, poll_id: str, option_ids: list[int]) -> JsonDict:
        return self.update(poll_answer={"poll_id": poll_id, "user": user,
                                        "option_ids": option_ids,
                                        "option_persistent_ids": [str(i) for i in option_ids]})

    def my_chat_member_update(self, user: JsonDict, chat: JsonDict, old: str, new: str) -> JsonDict:
        """`user` changed the bot's own status in `chat` (added it, removed it...)."""
        return self.update(my_chat_member=chat_member_updated(user, chat, BOT_USER, old, new))

    def chat_member_update(self, actor: JsonDict, chat: JsonDict, member: JsonDict, old: str,
                           new: str) -> JsonDict:
        """Someone's status in a group changed (joined, left, promoted); `actor` did it."""
        self.set_member_status(int(chat["id"]), int(member["id"]), new)
        return self.update(chat_member=chat_member_updated(actor, chat, member, old, new))

    # ----- long polling ---------------------------------------------------------------------------

    def push(self, update: JsonDict) -> None:
        """Make an update available to getUpdates."""
        self._pending.append(update)
        self._new_update.set()

    async def _get_updates(self, params: JsonDict) -> list[JsonDict]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if not self._pending and timeout > 0:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except TimeoutError:
                return []
        return self._pending[:limit]

    # ----- answering methods ---------------------------------------------------------------------

    async def handle(self, method: str, params: JsonDict,
                     uploads: frozenset[str] = frozenset()) -> tuple[int, JsonDict]:
        """Answer one Bot API call: (HTTP status, JSON body). `uploads` names the files sent
        with it as multipart fields."""
        if method == "getUpdates" and spec.call_problem(method, params) is None:
            return 200, {"ok": True, "result": await self._get_updates(params)}
        call = ApiCall(method, params)
        try:
            if spec.load().methods.get(method) is None:
                self.outside_spec.append(call)
                raise ApiError(404, "Not Found")
            outside = spec.call_problem(method, params, uploads)
            if outside:
                self.outside_spec.append(call)
            self._check(outside)
            call.result = self._answer(method, params)
            status, body = 200, {"ok": True, "result": call.result}
        except ApiError as error:
            call.error = error.description
            status = error.code
            body = {"ok": False, "error_code": error.code, "description": error.description}
            if error.retry_after is not None:
                body["parameters"] = {"retry_after": error.retry_after}
            if error.code in {400, 404} and NOT_MODIFIED not in error.description:
                self.problems.append(call)
        self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        return status, body

    def _injected_failure(self, method: str, params: JsonDict) -> None:
        chat_id = params.get("chat_id")
        for failure in self.failures:
            if failure.method == method and failure.times > 0 and (
                    failure.chat_id is None or str(failure.chat_id) == str(chat_id)):
                failure.times -= 1
                raise ApiError(failure.code, failure.description, failure.retry_after)
        if chat_id is not None and str(chat_id).lstrip("-").isdigit() \
                and int(chat_id) in self.blocked_chats:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    def _chat(self, chat_id: object) -> JsonDict:
        try:
            key = int(str(chat_id))
        except ValueError as error:
            raise ApiError(400, "Bad Request: chat not found") from error
        if key not in self.chats:
            kind = "private" if key > 0 else "supergroup"
            self.chats[key] = {"id": key, "type": kind,
                               **({"first_name": "User"} if key > 0 else {"title": "Group"})}
        return self.chats[key]

    def _recipient(self, params: JsonDict) -> JsonDict:
        """The chat a new message goes to, refused as Telegram refuses it: a private chat whose
        user never wrote to the bot, a topic that is not there."""
        chat = self._chat(params.get("chat_id"))
        if chat["type"] == "private" and chat["id"] not in self.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        thread = params.get("message_thread_id")
        if thread is not None and thread not in self.topics.get(chat["id"], set()):
            self._check("message thread not found")
        return chat

    def _sent(self, params: JsonDict, **content: Any) -> JsonDict:
        chat = self._recipient(params)
        message = {
            "message_id": self.next_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            **content,
        }
        if params.get("message_thread_id") is not None:
            message.update(self.in_topic(params["message_thread_id"]))
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        self.sent_messages[(chat["id"], message["message_id"])] = message
        return message

    def _check(self, problem: str | None) -> None:
        if problem:
            raise ApiError(400, f"Bad Request: {problem}")

    def _answer(self, method: str, params: JsonDict) -> Any:
        self._injected_failure(method, params)
        markup_problem = validation.markup_problem(params.get("reply_markup"))
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "editMessageText"}:
            self._check(validation.text_problem(params.get("text"), params.get("parse_mode"),
                                                validation.MAX_TEXT, required=True))
            self._check(markup_problem)
            if method == "editMessageText":
                return self._edited(params, "text", text=params["text"])
            return self._sent(params, text=params["text"])
        if method in {"sendPhoto", "sendDocument", "editMessageCaption"}:
            self._check(validation.text_problem(params.get("caption"), params.get("parse_mode"),
                                                validation.MAX_CAPTION, required=False))
            self._check(markup_problem)
            if method == "editMessageCaption":
                return self._edited(params, "caption", caption=params.get("caption", ""))
            key = "photo" if method == "sendPhoto" else "document"
            serial = len(self.calls)
            file_ref = {"file_id": f"file-{serial}", "file_unique_id": f"u{serial}"}
            content: Any = [{**file_ref, "width": 800, "height": 500}] if key == "photo" \
                else file_ref
            caption = {"caption": params["caption"]} if params.get("caption") else {}
            return self._sent(params, **{key: content}, **caption)
        if method == "sendPoll":
            self._check(validation.poll_problem(params))
            self._check(markup_problem)
            options = [{"text": o["text"] if isinstance(o, dict) else o, "voter_count": 0,
                        "persistent_id": str(index)}
                       for index, o in enumerate(params["options"])]
            poll = {
                "id": str(next(self._poll_ids)), "question": params["question"],
                "options": options, "total_voter_count": 0, "is_closed": False,
                "is_anonymous": params.get("is_anonymous", True),
                "type": params.get("type", "regular"), "allows_multiple_answers": False,
                "allows_revoting": True, "members_only": False,
            }
            if "correct_option_ids" in params:
                poll["correct_option_ids"] = params["correct_option_ids"]
            return self._sent(params, poll=poll)
        if method == "editMessageReplyMarkup":
            self._check(markup_problem)
            return self._edited(params, None)
        if method == "getChatMember":
            chat_id, user_id = int(str(params["chat_id"])), int(str(params["user_id"]))
            status = self.chat_members.get((chat_id, user_id), "member")
            return chat_member({"id": user_id, "is_bot": False, "first_name": "Member"}, status)
        if method == "getChat":
            chat = self._chat(params.get("chat_id"))
            return {**chat, "accent_color_id": 0, "max_reaction_count": 11}
        if method == "answerCallbackQuery":
            self._answer_once(self.callback_queries, params["callback_query_id"])
            text = params.get("text")
            if isinstance(text, str) and len(text) > 200:
                self._check("answer callback query text is too long")
            return True
        if method == "answerInlineQuery":
            self._check(validation.inline_answer_problem(params))
            self._answer_once(self.inline_queries, params["inline_query_id"])
            return True
        if method == "setMyCommands":
            self._check(validation.commands_problem(params["commands"]))
            return True
        if method == "stopPoll":
            message = self._own_message(params)
            poll = message.get("poll")
            if poll is None:
                self._check("message with poll to stop not found")
            if poll["is_closed"]:
                self._check("poll has already been closed")
            closed = {**poll, "is_closed": True}
            self.sent_messages[(message["chat"]["id"], message["message_id"])] = {
                **message, "poll": closed}
            return closed
        if method == "deleteMessage":
            key = (self._chat(params["chat_id"])["id"], params["message_id"])
            if self.sent_messages.pop(key, None) is None:
                self._check("message to delete not found")
            return True
        return True

    def _answer_once(self, queries: dict[str, bool], query_id: str) -> None:
        """An inline or callback query is answered once, and only one that was sent."""
        if queries.get(query_id, True):
            self._check("query is too old and response timeout expired or query ID is invalid")
        queries[query_id] = True

    def _own_message(self, params: JsonDict) -> JsonDict:
        chat = self._chat(params.get("chat_id"))
        message = self.sent_messages.get((chat["id"], params.get("message_id")))
        if message is None:
            self._check("message to edit not found")
        assert message is not None
        return message

    def _edited(self, params: JsonDict, part: str | None, **content: Any) -> JsonDict | bool:
        """An edit of the bot's message: its `part` ("text", "caption"; None: the keyboard
        only) becomes `content`, refused as Telegram refuses it when the message has no such
        part or nothing would change."""
        if "inline_message_id" in params:
            return True
        message = self._own_message(params)
        if part == "text" and "text" not in message:
            self._check("there is no text in the message to edit")
        if part == "caption" and not {"photo", "document"} & set(message):
            self._check("there is no caption in the message to edit")
        edited = {**message, **content}
        edited.pop("reply_markup", None)
        if isinstance(params.get("reply_markup"), dict):
            edited["reply_markup"] = params["reply_markup"]
        if edited == message:
            self._check(f"{NOT_MODIFIED}: specified new message content and reply markup are "
                        "exactly the same as a current content and reply markup of the message")
        self.sent_messages[(message["chat"]["id"], message["message_id"])] = edited
        return edited
