"""The checks Telegram applies to outgoing messages, so that the stand-in rejects what it would."""

from __future__ import annotations

import html
import re
from typing import Any

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_POLL_QUESTION = 300
MAX_POLL_OPTION = 100
MAX_POLL_EXPLANATION = 200
MAX_POLL_OPTIONS = 12
MAX_COMMANDS = 100
MAX_COMMAND_DESCRIPTION = 256
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
MAX_INLINE_RESULTS = 50
MAX_RESULT_ID = 64
MAX_NEXT_OFFSET = 64
_START_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# The fields of an inline keyboard button that are not its action (url, callback_data, ...).
_BUTTON_LOOKS = frozenset({"text", "icon_custom_emoji_id", "style"})

_ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "tg-spoiler", "span", "blockquote", "tg-emoji",
}
_TOKEN = re.compile(r"<[^>]*>|&[^;\s<>&]*;?|[<>&]")
_TAG = re.compile(r"^<(/?)([a-z-]+)(\s[^<>]*)?>$", re.IGNORECASE)
_ENTITY = re.compile(r"^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});$")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def html_problem(text: str) -> str | None:
    """Why Telegram would refuse `text` as HTML, or None."""
    stack: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token.startswith("&"):
            if not _ENTITY.match(token):
                return f"can't parse entities: unsupported entity {token[:20]!r}"
            continue
        if token in {"<", ">"}:
            if token == "<":
                return "can't parse entities: unexpected '<'"
            continue
        tag = _TAG.match(token)
        if not tag or tag.group(2).lower() not in _ALLOWED_TAGS:
            return f"can't parse entities: unsupported tag {token[:30]!r}"
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            if not stack or stack[-1] != name:
                return f"can't parse entities: unmatched end tag {name!r}"
            stack.pop()
        else:
            stack.append(name)
    if stack:
        return f"can't parse entities: unclosed tag {stack[-1]!r}"
    return None


def visible_text(text: str, parse_mode: str | None) -> str:
    if parse_mode and parse_mode.upper() == "HTML":
        return html.unescape(re.sub(r"<[^>]*>", "", text))
    return text


def text_problem(text: object, parse_mode: object, limit: int, *, required: bool) -> str | None:
    if text is None:
        return "message text is empty" if required else None
    if not isinstance(text, str):
        return "text must be a string"
    mode = parse_mode if isinstance(parse_mode, str) else None
    if mode and mode.upper() == "HTML":
        problem = html_problem(text)
        if problem:
            return problem
    shown = visible_text(text, mode)
    if required and not shown.strip():
        return "message text is empty"
    if utf16_length(shown) > limit:
        return "message is too long" if limit == MAX_TEXT else "message caption is too long"
    return None


def markup_problem(markup: object) -> str | None:
    if not isinstance(markup, dict):
        return None
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                return "inline keyboard button text is empty"
            if len(_BUTTON_LOOKS & set(button)) + 1 != len(button):
                return "can't parse inline keyboard button: exactly one action field is needed"
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                return "BUTTON_DATA_INVALID"
            url = button.get("url")
            if url is not None and not re.match(r"^(https?|tg)://", str(url)):
                return "inline keyboard button URL is invalid"
    return None


def poll_problem(params: dict[str, object]) -> str | None:
    question = params.get("question")
    if not isinstance(question, str) or not 1 <= len(question) <= MAX_POLL_QUESTION:
        return "poll question length must be 1-300"
    options = params.get("options")
    if not isinstance(options, list) or not 1 <= len(options) <= MAX_POLL_OPTIONS:
        return f"poll must have 1-{MAX_POLL_OPTIONS} options"
    for option in options:
        text = option.get("text") if isinstance(option, dict) else option
        if not isinstance(text, str) or not 1 <= len(text) <= MAX_POLL_OPTION:
            return "poll option length must be 1-100"
    if params.get("type") == "quiz":
        ids = params.get("correct_option_ids")
        if not isinstance(ids, list) or not ids or not all(
                isinstance(i, int) and 0 <= i < len(options) for i in ids):
            return "wrong correct option ID"
        explanation = params.get("explanation")
        if explanation is not None and len(str(explanation)) > MAX_POLL_EXPLANATION:
            return "poll explanation is too long"
    return None


def commands_problem(commands: list[dict[str, object]]) -> str | None:
    """Why Telegram would refuse setMyCommands' list, or None."""
    if len(commands) > MAX_COMMANDS:
        return f"too many commands: at most {MAX_COMMANDS}"
    for command in commands:
        if not _COMMAND.match(str(command["command"])):
            return "BOT_COMMAND_INVALID"
        if not 1 <= len(str(command["description"]).strip()) <= MAX_COMMAND_DESCRIPTION:
            return "command description must be 1-256 characters"
    return None


def _inline_result_problem(result: dict[str, object]) -> str | None:
    if result.get("type") == "article" and not result.get("title"):
        return "RESULT_TITLE_EMPTY"
    content = result.get("input_message_content")
    if isinstance(content, dict) and "message_text" in content:
        problem = text_problem(content["message_text"], content.get("parse_mode"), MAX_TEXT,
                               required=True)
        if problem:
            return problem
    return markup_problem(result.get("reply_markup"))


def inline_answer_problem(params: dict[str, Any]) -> str | None:
    """Why Telegram would refuse an answerInlineQuery, or None (its parameters' types are
    checked against the spec before)."""
    results = params["results"]
    if len(results) > MAX_INLINE_RESULTS:
        return "RESULTS_TOO_MUCH"
    seen: set[str] = set()
    for result in results:
        result_id = result["id"]
        if not 1 <= len(result_id.encode()) <= MAX_RESULT_ID:
            return "RESULT_ID_INVALID"
        if result_id in seen:
            return "RESULT_ID_DUPLICATE"
        seen.add(result_id)
        problem = _inline_result_problem(result)
        if problem:
            return problem
    offset = params.get("next_offset")
    if offset is not None and len(str(offset).encode()) > MAX_NEXT_OFFSET:
        return "NEXT_OFFSET_INVALID"
    if params.get("cache_time", 0) < 0:
        return "cache_time must not be negative"
    button = params.get("button")
    if isinstance(button, dict) and "start_parameter" in button \
            and not _START_PARAMETER.match(str(button["start_parameter"])):
        return "START_PARAM_INVALID"
    return None
