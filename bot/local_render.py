"""How the local terminal chat shows the bot's Bot API calls: pure functions, no I/O.

`render_call(call)` turns one call into the lines printed in the terminal; `choices(call)` lists
what the user can press by typing a number (inline buttons or poll options), in the order the
lines number them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from bot.fake_api import ApiCall

INDENT = "     "
QUOTE_BAR = "┃ "

# What a tag looks like in the terminal: the marker written before and after its text.
_MARKERS = {
    "b": "*", "strong": "*", "i": "_", "em": "_", "s": "~", "strike": "~", "del": "~",
    "code": "`", "tg-spoiler": "||",
}
_SHOWN_METHODS = frozenset({
    "sendMessage", "editMessageText", "editMessageCaption", "editMessageReplyMarkup",
    "sendPhoto", "sendDocument", "sendPoll", "answerCallbackQuery", "deleteMessage",
    "answerInlineQuery",
})
# The parameter holding the file of each sending method.
FILE_PARAMS = {"sendPhoto": "photo", "sendDocument": "document"}


@dataclass(frozen=True)
class Choice:
    """Something the user can press: a callback button, a link, a poll option, or an inline
    result (its value is the result's position)."""

    kind: Literal["callback", "url", "poll", "inline"]
    label: str
    value: str


class _TerminalText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._links: list[tuple[str, int]] = []
        self._quotes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._links.append((dict(attrs).get("href") or "", len(self.parts)))
        if tag == "blockquote":  # a quote (Telegram folds an expandable one) as a bar
            self._quotes += 1
            self.parts.append(QUOTE_BAR)
        self.parts.append(_MARKERS.get(tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self._quotes = max(0, self._quotes - 1)
        self.parts.append(_MARKERS.get(tag, ""))
        if tag == "a" and self._links:
            href, start = self._links.pop()
            label = "".join(self.parts[start:])
            if href and href != label:
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", "\n" + QUOTE_BAR) if self._quotes else data)


def terminal_text(text: str, parse_mode: object = "HTML") -> str:
    """Telegram-formatted text as plain terminal text: tags become simple markers."""
    if not isinstance(parse_mode, str) or parse_mode.upper() != "HTML":
        return text
    parser = _TerminalText()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def choices(call: ApiCall) -> list[Choice]:
    """The numbered choices a call shows: its inline buttons, or its poll's options."""
    if call.error is not None:
        return []
    if call.method == "sendPoll":  # its options, then its buttons ("Next question")
        options = call.params.get("options") or []
        return [*(Choice("poll", str(o.get("text") if isinstance(o, dict) else o), str(index))
                  for index, o in enumerate(options)),
                *(choice for row in _button_rows(call) for choice in row)]
    if call.method == "answerInlineQuery":
        return [Choice("inline", str(result.get("title", "")), str(index))
                for index, result in enumerate(call.params.get("results") or [])]
    return [choice for row in _button_rows(call) for choice in row]


def _button_rows(call: ApiCall) -> list[list[Choice]]:
    """The inline keyboard's pressable buttons (a callback or a link), row by row: the one
    source of both the numbered choices and the keyboard lines, so their numbers agree."""
    markup = call.params.get("reply_markup")
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    return [[Choice("callback", str(button.get("text", "")), str(button["callback_data"]))
             if "callback_data" in button
             else Choice("url", str(button.get("text", "")), str(button["url"]))
             for button in row if "callback_data" in button or "url" in button]
            for row in rows]


def deep_link_payload(url: str, bot_username: str) -> str | None:
    """The /start payload of a t.me link to this bot, or None for any other link."""
    match = re.match(rf"^https?://t\.me/{re.escape(bot_username)}\?start=([\w-]+)$", url)
    return match.group(1) if match else None


def _keyboard_lines(call: ApiCall, number: int = 0) -> list[str]:
    """The keyboard's rows, numbered after the first `number` choices."""
    lines = []
    for row in _button_rows(call):
        cells = []
        for choice in row:
            number += 1
            link = f" → {choice.value}" if choice.kind == "url" else ""
            cells.append(f"[{number}] {choice.label}{link}")
        if cells:
            lines.append(INDENT + "   ".join(cells))
    return lines


def _heading(call: ApiCall, saved_file: Path | None) -> str:
    where = " in the group" if (call.chat_id or 0) < 0 else ""
    if call.method.startswith("edit"):
        return f"bot{where} (edited message {call.params.get('message_id', '?')}):"
    # The message's number, for `/reply N text`.
    number = call.result.get("message_id") if isinstance(call.result, dict) else None
    label = f"message {number}" if number else ""
    if call.method in FILE_PARAMS:
        kind = FILE_PARAMS[call.method]
        place = f"saved to {saved_file}" if saved_file else "not saved: sent by file id or URL"
        return f"bot{where} sent a {kind} ({place}):"
    if call.method == "sendPoll":
        kind = "quiz" if call.params.get("type") == "quiz" else "poll"
        return f"bot{where} started a {kind}{f' ({label})' if label else ''}:"
    return f"bot{where}{f' ({label})' if label else ''}:"


def render_call(call: ApiCall, saved_file: Path | None = None) -> list[str]:
    """The terminal lines for one Bot API call; [] for calls the user would not see."""
    if call.method not in _SHOWN_METHODS:
        return []
    if call.error is not None:
        return [f"(Telegram would refuse this {call.method}: {call.error})"]
    if call.method == "answerCallbackQuery":
        text = call.params.get("text")
        if call.params.get("url"):
            return [f"(the button opens {call.params['url']} for you alone)"]
        if not text:
            return []
        return [f"({'alert' if call.params.get('show_alert') else 'notice'}: {text})"]
    if call.method == "deleteMessage":
        return [f"(bot deleted message {call.params.get('message_id', '?')})"]
    if call.method == "answerInlineQuery":
        results = call.params.get("results") or []
        if not results:
            return ["(inline mode: no card matches that)"]
        return ["inline results (type a number to post one here):",
                *(f"{INDENT}[{n}] {result.get('title', '')} — {result.get('description', '')}"
                  for n, result in enumerate(results, 1))]
    body = terminal_text(call.text, call.params.get("parse_mode")) if call.text else ""
    lines = [_heading(call, saved_file)]
    lines += [INDENT + line if line else "" for line in body.split("\n")] if body else []
    if call.method == "sendPoll":
        options = [choice for choice in choices(call) if choice.kind == "poll"]
        lines += [f"{INDENT}[{n}] {choice.label}" for n, choice in enumerate(options, 1)]
        lines += _keyboard_lines(call, len(options))
    else:
        lines += _keyboard_lines(call)
    return lines
