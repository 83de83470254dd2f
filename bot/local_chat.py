"""`python -m bot --local`: chat with the real bot in the terminal, without Telegram or a token.

The same Application, handlers and database run against the in-process Bot API stand-in; what
the user types becomes updates, and the bot's calls are printed (see bot/local_render.py).
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.fake_api import ApiCall, FakeRequest, FakeTelegram
from bot.fake_api.core import BOT_USER
from bot.fake_api.validation import visible_text
from bot.lifecycle import running
from bot.local_members import (
    AS,
    HELP,
    MEMBER_COMMANDS,
    REPLY,
    Members,
    bot_messages,
    mention_update,
    valid_name,
)
from bot.local_render import (
    FILE_PARAMS,
    INDENT,
    Choice,
    choices,
    deep_link_payload,
    render_call,
)
from bot.settings import Settings
from knowledge.numbers import is_ascii_number

# A well-formed placeholder: the stand-in answers every call, so it is never sent anywhere.
LOCAL_TOKEN = "1000001:local-chat-placeholder-token-not-used"
LOCAL_USER_ID = 100
LOCAL_FIRST_NAME = "Alex"
GROUP_CHAT_ID = -1001000000001
GROUP_TITLE = "Local study group"
FILES_DIR = Path("local-chat")
QUIT, SWITCH = "/quit", "/switch"
LOCAL_DATABASE = "ehr_coach.sqlite3"  # in FILES_DIR: never the production DATABASE_PATH
INLINE_PREFIX = f"@{BOT_USER['username']}".lower()


class LocalChat:
    """One local user talking to the bot: typed lines in, rendered calls out."""

    def __init__(self, app: Application, api: FakeTelegram, out: TextIO, *, group: bool,
                 files_dir: Path, echo_input: bool) -> None:
        self.app, self.api, self.out = app, api, out
        self.files_dir = files_dir
        self.echo_input = echo_input
        self.user = api.user(LOCAL_USER_ID, LOCAL_FIRST_NAME)
        self.members = Members(self.user)
        self.private = api.private_chat(self.user)
        self.group = api.group_chat(GROUP_CHAT_ID, GROUP_TITLE) if group else None
        if self.group is not None:
            api.set_member_status(GROUP_CHAT_ID, LOCAL_USER_ID, "administrator")
        self.chat = self.group or self.private
        self._active: tuple[ApiCall, list[Choice]] | None = None
        self._saved = 0
        api.listeners.append(self._show)

    @property
    def buttons(self) -> list[Choice]:
        """What typing a number presses now: the choices of the bot's latest message."""
        return self._active[1] if self._active else []

    def say(self, line: str = "") -> None:
        print(line, file=self.out, flush=True)

    def banner(self, database: Path) -> None:
        self.say(f"EHR Career Coach, local chat: no Telegram, no token. Database: {database}")
        if self.group is not None:
            self.say(f"You are {LOCAL_FIRST_NAME}, an administrator of the group "
                     f"'{GROUP_TITLE}'. {SWITCH} moves between the group and your private "
                     "chat with the bot.")
        else:
            self.say(f"You are {LOCAL_FIRST_NAME}, in a private chat with the bot.")
        self.say("Type messages and commands (/start, /help). A button's number presses it "
                 "(on the latest message with buttons); \\3 sends the text '3'; "
                 f"{REPLY} 5 text replies to message 5.")
        self.say(f"{INLINE_PREFIX} rhit shows inline mode's cards; a card's number posts it.")
        if self.group is not None:
            self.say(HELP)
        self.say(f"{QUIT} or Ctrl-D leaves.\n")

    # ----- what the bot does ------------------------------------------------------------------

    def _show(self, call: ApiCall) -> None:
        lines = render_call(call, self._save_upload(call))
        if lines:
            self.say("\n".join(lines))
        shown = choices(call)
        # A number presses the latest message with buttons, even when a photo or a message
        # without buttons came after it; an edit that removes its buttons ends that.
        if shown:
            self._active = (call, shown)
        elif self._edits_active(call):
            self._active = None

    def _edits_active(self, call: ApiCall) -> bool:
        if self._active is None or not call.method.startswith("edit"):
            return False
        active = self._active[0]
        return (str(call.chat_id), str(call.params.get("message_id"))) == (
            str(active.chat_id), str(self._message_of(active).get("message_id")))

    def _save_upload(self, call: ApiCall) -> Path | None:
        name = FILE_PARAMS.get(call.method)
        if name is None or call.error is not None or isinstance(call.params.get(name), str):
            return None
        content = self.api.uploads.get(name)
        if content is None:
            return None
        self._saved += 1
        filename = Path(self.api.upload_names.get(name) or f"{name}.bin").name
        path = self.files_dir / f"{self._saved:03d}-{filename}"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    def _message_of(self, call: ApiCall) -> dict[str, Any]:
        if isinstance(call.result, dict):
            return call.result
        key = (call.chat_id or 0, int(str(call.params.get("message_id", 0))))
        return self.api.sent_messages.get(key, {})

    # ----- what the user does -----------------------------------------------------------------

    async def _feed(self, update: dict[str, Any]) -> None:
        await self.app.process_update(Update.de_json(update, self.app.bot))

    async def send_text(self, text: str, chat: dict[str, Any] | None = None) -> None:
        await self._feed(self.api.text_update(self.user, text, chat or self.chat))

    async def press(self, number: int) -> None:
        assert self._active is not None
        call, shown = self._active
        choice = shown[number - 1]
        if choice.kind == "poll":
            verdict, explanation = self._quiz_result(call, int(choice.value))
            self.say(f"(you voted: {choice.label}{verdict})")
            if explanation:
                self.say(f"{INDENT}💡 {explanation}")
            poll_id = self._message_of(call)["poll"]["id"]
            await self._feed(self.api.poll_answer_update(self.user, poll_id, [int(choice.value)]))
        elif choice.kind == "inline":
            await self.post_inline_result(call.params["results"][int(choice.value)])
        elif choice.kind == "callback":
            message = self._message_of(call)
            await self._feed(self.api.callback_update(self.user, choice.value, message,
                                                      message.get("chat", self.chat)))
        else:
            await self.follow(choice.value)

    @staticmethod
    def _quiz_result(call: ApiCall, option: int) -> tuple[str, str]:
        """For a quiz, what Telegram shows after a vote: right or wrong, and the explanation."""
        if call.params.get("type") != "quiz":
            return "", ""
        correct = [int(i) for i in call.params.get("correct_option_ids") or []]
        options = [c.label for c in choices(call) if c.kind == "poll"]
        verdict = " — ✅ right" if option in correct else (
            " — ❌ the answer is " + ", ".join(options[i] for i in correct if i < len(options)))
        return verdict, str(call.params.get("explanation") or "")

    async def reply_to(self, number: int, text: str) -> None:
        """`/reply N text`: a message answering message N of this chat, as a swipe-reply."""
        message = self.api.sent_messages.get((self.chat["id"], number))
        if message is None:
            self.say(f"(there is no message {number} in this chat)")
            return
        await self._feed(self.api.text_update(self.user, text, self.chat,
                                              reply_to_message=message))

    async def inline(self, query: str) -> None:
        """`@bot query` typed in a chat: the bot's inline results, numbered to post one."""
        await self._feed(self.api.inline_query_update(self.user, query))

    async def post_inline_result(self, result: dict[str, Any]) -> None:
        """Post a chosen inline result in the current chat: a message "via" the bot, shown here;
        its link buttons can be pressed like the bot's."""
        content = result.get("input_message_content") or {}
        card = ApiCall("sendMessage", {"chat_id": self.chat["id"], **content,
                                       "text": content.get("message_text", ""),
                                       "reply_markup": result.get("reply_markup")})
        self.say("\n".join([f"you, via @{BOT_USER['username']}:", *render_call(card)[1:]]))
        shown = choices(card)
        self._active = (card, shown) if shown else None
        posted = visible_text(card.params["text"], content.get("parse_mode"))
        await self._feed(self.api.text_update(self.user, posted, self.chat, via_bot=BOT_USER))

    async def follow(self, url: str) -> None:
        payload = deep_link_payload(url, BOT_USER["username"])
        if payload is None:
            self.say(f"(a link; open it in a browser: {url})")
            return
        self.chat = self.private
        self.say(f"(the link opens your private chat with the bot: /start {payload})")
        await self.send_text(f"/start {payload}")

    def switch(self) -> None:
        if self.group is None:
            self.say(f"({SWITCH} works with --group; this is a private chat)")
            return
        self.chat = self.private if self.chat is self.group else self.group
        where = f"the group '{GROUP_TITLE}'" if self.chat is self.group else "your private chat"
        self.say(f"(now in {where})")

    async def as_member(self, command: str, rest: str) -> None:
        """/as or /mention (bot.local_members.MEMBER_COMMANDS; /reply is handled apart)."""
        if command == AS:
            if not rest:
                self.say(f"(members: {', '.join(self.members.names())})")
                return
            if not valid_name(rest):
                self.say("(a member's name is one word of letters, e.g. /as Sam)")
                return
            in_private = self.chat is self.private
            self.user = self.members.named(self.api, rest)
            self.private = self.api.private_chat(self.user)
            self.chat = self.private if in_private else self.chat
            self.say(f"(you are now {self.user['first_name']}, id {self.user['id']})")
        else:
            await self._feed(mention_update(self.api, self.user, self.chat, rest))

    async def reply_to_latest(self, text: str) -> None:
        """`/reply text`: a message answering the bot's latest message in this chat."""
        messages = bot_messages(self.api, self.chat["id"])
        if not text or not messages:
            self.say(f"({REPLY} text replies to the bot's latest message here; "
                     f"{REPLY} N text to message N)")
            return
        await self._feed(self.api.text_update(self.user, text, self.chat,
                                              reply_to_message=messages[0]))

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        if self.echo_input:
            self.say(f"you: {text}")
        if text == QUIT:
            return False
        if text == SWITCH:
            self.switch()
        elif text.split(maxsplit=1)[0] == REPLY:
            parts = text.split(maxsplit=2)
            if len(parts) == 2 and parts[1].isdigit():
                self.say(f"({REPLY} N text replies to message N, e.g. {REPLY} 5 what does RHIT "
                         "cost?)")
            elif len(parts) == 3 and parts[1].isdigit():
                await self.reply_to(int(parts[1]), parts[2])
            else:
                await self.reply_to_latest(" ".join(parts[1:]))
        elif text.startswith("\\") and len(text) > 1:
            await self.send_text(text[1:])
        elif is_ascii_number(text) and 1 <= int(text) <= len(self.buttons):
            await self.press(int(text))
        elif text.lower().split(maxsplit=1)[0] == INLINE_PREFIX:
            await self.inline(text[len(INLINE_PREFIX):].strip())
        elif text.split(maxsplit=1)[0].lower() in MEMBER_COMMANDS:
            command, _, rest = text.partition(" ")
            await self.as_member(command.lower(), rest.strip())
        else:
            await self.send_text(text)
        return True

    async def greet_group(self) -> None:
        """The bot is added to the group, as when someone invites it in Telegram."""
        if self.group is not None:
            await self._feed(self.api.my_chat_member_update(self.user, self.group, "left",
                                                            "member"))


class _LineReader:
    """Reads stdin in a daemon thread (so Ctrl-C never waits on it), one line per request."""

    def __init__(self, stream: TextIO, prompt: str) -> None:
        self.stream, self.prompt = stream, prompt
        self._loop = asyncio.get_running_loop()
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._wanted = threading.Event()
        threading.Thread(target=self._read, daemon=True, name="local-chat-stdin").start()

    def _read(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            try:
                line: str | None = input(self.prompt) if self.prompt else self.stream.readline()
            except EOFError:  # Ctrl-D at the prompt
                print(file=sys.stdout, flush=True)
                line = None
            if line == "" and not self.prompt:
                line = None
            self._loop.call_soon_threadsafe(self._lines.put_nowait, line)
            if line is None:
                return

    async def next_line(self) -> str | None:
        self._wanted.set()
        return await self._lines.get()


async def run_local_chat(settings: Settings, *, group: bool, stdin: TextIO = sys.stdin,
                         out: TextIO = sys.stdout, files_dir: Path = FILES_DIR) -> None:
    """Start the Application against the stand-in, chat until EOF or /quit, shut down."""
    api = FakeTelegram()
    # Its own database, next to its saved files: what you try here never touches production.
    local = settings.model_copy(update={"telegram_bot_token": LOCAL_TOKEN, "rate_limit": False,
                                        "database_path": files_dir / LOCAL_DATABASE,
                                        "database_url": ""})
    app = build_application(local, request=FakeRequest(api))
    interactive = stdin.isatty()
    chat = LocalChat(app, api, out, group=group, files_dir=files_dir, echo_input=not interactive)
    async with running(app):
        chat.banner(local.database_path)
        await chat.greet_group()
        reader = _LineReader(stdin, "you: " if interactive else "")
        while (line := await reader.next_line()) is not None and await chat.handle(line):
            pass
    chat.say("Bye.")
