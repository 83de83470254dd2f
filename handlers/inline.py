"""Inline mode: typing `@botname rhit` in any chat offers knowledge cards to share there.

The results are the same for everyone and never use a profile: whatever is picked is posted in
a chat the bot may not be in, for people who are not the one who typed.
"""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import InlineQueryResultLimit, ParseMode
from telegram.ext import Application, CallbackContext, InlineQueryHandler

from handlers.ask import command_button, knowledge_ready
from handlers.cite import source_entry
from handlers.render import cut, escape
from knowledge import Knowledge, load_knowledge
from knowledge.card_search import search_cards
from knowledge.cards import Card
from knowledge.numbers import is_ascii_number

log = logging.getLogger(__name__)

PAGE = 20  # Telegram takes at most 50 results a page
# Pages beyond this many results are not offered: a search that vague needs more words.
MAX_TOTAL = 100
CACHE_SECONDS = 300
MAX_TITLE = 80
MAX_DESCRIPTION = 200


def result_id(card: Card) -> str:
    """The card's id, or a digest of it when longer than Telegram's 64 bytes."""
    if len(card.id.encode()) <= InlineQueryResultLimit.MAX_ID_LENGTH:
        return card.id
    return hashlib.sha256(card.id.encode()).hexdigest()[:32]


def card_html(card: Card, bot_username: str, kb: Knowledge) -> str:
    """The message a chosen card posts: its text, its sources with their dates, the command."""
    lines = [f"<b>{escape(card.title)}</b>", "", escape(card.text)]
    if card.sources:
        lines += ["", "<i>Sources:</i>",
                  *(source_entry(kb.source(s)) for s in dict.fromkeys(card.sources))]
    lines += ["", f"More: <code>{escape(card.command)}</code> with @{escape(bot_username)}"]
    return "\n".join(lines)


def preview(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """The start of a card's text for the list of results, cut where every parenthesis is
    closed, so that no figure loses its period and source ("$41,950 (May 2018; …)")."""
    if len(text) <= limit:
        return text
    depth, safe = 0, 0
    for index, char in enumerate(text[:limit - 1]):
        depth = depth + 1 if char == "(" else max(depth - (char == ")"), 0)
        ends_clause = char in ".;" and text[index + 1:index + 2].isspace()  # not "$24.07"
        if depth == 0 and (char == ")" or ends_clause):
            safe = index + 1
    return text[:safe] + "…" if safe else cut(text, limit)


@lru_cache(maxsize=512)
def card_result(card: Card, bot_username: str) -> InlineQueryResultArticle:
    """The card as a result (built once: the same for every query and every user)."""
    kb = load_knowledge()
    button = command_button(card.command.removeprefix("/"), False, bot_username)
    return InlineQueryResultArticle(
        id=result_id(card),
        title=cut(card.title, MAX_TITLE),
        description=preview(card.text),
        input_message_content=InputTextMessageContent(card_html(card, bot_username, kb),
                                                      parse_mode=ParseMode.HTML),
        reply_markup=InlineKeyboardMarkup([[button]]) if button else None,
    )


def page_start(offset: str) -> int | None:
    """Where the requested page starts: 0 for the first; None for an offset we never sent."""
    if not offset:
        return 0
    if is_ascii_number(offset) and int(offset) < MAX_TOTAL:
        return int(offset)
    return None


async def on_inline_query(update: Update, context: CallbackContext) -> None:
    query = update.inline_query
    assert query is not None
    start = page_start(query.offset)
    # search_cards uses the knowledge's engine: wait for its build here, not blocked on its lock
    await knowledge_ready()
    found = [] if start is None else search_cards(query.query, min(start + PAGE + 1, MAX_TOTAL))
    begin = start or 0
    page = found[begin:begin + PAGE]
    more = len(found) > begin + PAGE
    results = [card_result(card, context.bot.username) for card in page]
    log.info("inline query answered results=%d offset=%d", len(results), begin)
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False,
                       next_offset=str(begin + PAGE) if more else None)


def register(app: Application) -> None:
    app.add_handler(InlineQueryHandler(on_inline_query))
