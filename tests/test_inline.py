"""Inline mode through the real Application: `@bot rhit` in any chat offers cards to share."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.fake_api import FakeTelegram, validation
from bot.fake_api.core import BOT_USER
from handlers.inline import CACHE_SECONDS, MAX_DESCRIPTION, PAGE, card_html, preview, result_id
from knowledge import load_knowledge
from knowledge.cards import Card, cards
from tests.harness import BotHarness, last_text
from tests.http_bot import polling_bot, wait_for

BOT = BOT_USER["username"]


def results(call: Any) -> list[dict[str, Any]]:
    return call.params["results"]


def message(result: dict[str, Any]) -> str:
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    return content["message_text"]


async def test_rhit_offers_the_rhit_card_first_with_sources_and_the_command(
        bot: BotHarness) -> None:
    call = await bot.inline("rhit")
    assert call.error is None
    first = results(call)[0]
    assert first["id"] == "certification:RHIT"
    assert first["title"].startswith("RHIT")
    text = message(first)
    assert "$229" in text and "Sources:" in text and "AHIMA" in text
    assert "2026 (page date)" in text  # each source named with its date
    assert f"<code>/certify RHIT</code> with @{BOT}" in text
    assert first["reply_markup"]["inline_keyboard"][0][0]["url"] == \
        f"https://t.me/{BOT}?start=certify"
    assert call.params["cache_time"] == CACHE_SECONDS
    assert call.params["is_personal"] is False
    related = [r["id"] for r in results(call)[1:]]
    assert "topic:cehrs_vs_rhit" in related and any(i.startswith("stage:") for i in related)


@pytest.mark.parametrize(("query", "first"), [("rhti", "certification:RHIT"),
                                              ("cehr", "certification:CEHRS"),
                                              ("Texas", "state:TX")])
async def test_typos_and_names_still_find_the_card(bot: BotHarness, query: str,
                                                   first: str) -> None:
    assert results(await bot.inline(query))[0]["id"] == first


async def test_an_empty_query_offers_the_certifications_and_career_stages(
        bot: BotHarness) -> None:
    found = [r["id"] for r in results(await bot.inline(""))]
    kinds = [i.split(":")[0] for i in found]
    assert "certification:RHIT" in found and "stage:entry" in found
    assert set(kinds) == {"certification", "stage"}


async def test_a_salary_band_card_shows_each_figure_with_its_source(bot: BotHarness) -> None:
    found = results(await bot.inline("entry level pay"))
    band = next(r for r in found if r["id"] == "stage:entry")
    text = message(band)
    assert "$35,000-$50,000" in text and "$30,000-$40,000" in text
    assert "How to Become an Electronic Health Records Specialist" in text
    assert "Certified EHR Specialist Salary" in text


@pytest.mark.parametrize("query", ["<b>", "</i><script>alert(1)</script>", "&amp; &bogus;",
                                   "r" * 256, "🙂" * 256, "rhit " * 51, "\u202e\u0000rhit"])
async def test_odd_and_hostile_queries_get_a_valid_answer(bot: BotHarness, query: str) -> None:
    call = await bot.inline(query)
    assert call.error is None  # the stand-in refuses what Telegram would
    known = {card.id for card in cards()}
    assert {result["id"] for result in results(call)} <= known


async def test_nothing_related_gives_an_empty_answer(bot: BotHarness) -> None:
    call = await bot.inline("weather in paris")
    assert results(call) == [] and not call.params.get("next_offset")


async def test_a_stored_profile_changes_nothing_in_the_results(bot: BotHarness) -> None:
    member, stranger = bot.user(601, "Kim"), bot.user(602, "Lee")
    await bot.send("/profile years=7 state=CA certs=RHIT employer=hospital", user=member)
    assert await bot.db.profiles.get(601) is not None
    for query in ["rhit", "", "salary", "california"]:
        mine = await bot.inline(query, user=member)
        theirs = await bot.inline(query, user=stranger)
        assert results(mine) == results(theirs)
        assert "Kim" not in str(results(mine))


async def test_many_results_come_in_pages_with_an_offset(bot: BotHarness) -> None:
    first = await bot.inline("pay")
    assert len(results(first)) == PAGE
    offset = first.params["next_offset"]
    second = await bot.inline("pay", offset=offset)
    assert results(second)
    assert not {r["id"] for r in results(first)} & {r["id"] for r in results(second)}
    for stale in ["-1", "abc", "99999", "²", "1" * 80]:
        assert results(await bot.inline("pay", offset=stale)) == []


async def test_the_stand_in_refuses_what_telegram_would(bot: BotHarness) -> None:
    update = bot.api.inline_query_update(bot.user(), "rhit")
    query_id = update["inline_query"]["id"]
    article = {"type": "article", "id": "a", "title": "T",
               "input_message_content": {"message_text": "<b>x</b>", "parse_mode": "HTML"}}
    bad = [
        {"inline_query_id": "999", "results": []},
        {"inline_query_id": query_id, "results": [article] * 2},
        {"inline_query_id": query_id, "results": [{**article, "id": "x" * 65}]},
        {"inline_query_id": query_id, "results": [{**article, "id": str(i)} for i in range(51)]},
        {"inline_query_id": query_id, "results": [{**article, "input_message_content": {
            "message_text": "<b>x", "parse_mode": "HTML"}}]},
        {"inline_query_id": query_id, "results": [{**article, "input_message_content": {
            "message_text": "x" * 4097}}]},
        {"inline_query_id": query_id, "results": [], "next_offset": "9" * 65},
    ]
    for params in bad:
        status, _ = await bot.api.handle("answerInlineQuery", params)
        assert status == 400, params
    assert (await bot.api.handle("answerInlineQuery",
                                 {"inline_query_id": query_id, "results": [article]}))[0] == 200
    # Answered once: a second answer to the same query is refused.
    assert (await bot.api.handle("answerInlineQuery",
                                 {"inline_query_id": query_id, "results": []}))[0] == 400
    bot.api.problems.clear()


def test_every_card_fits_an_inline_message() -> None:
    kb = load_knowledge()
    for card in cards():
        text = card_html(card, BOT, kb)
        assert validation.text_problem(text, "HTML", validation.MAX_TEXT, required=True) is None
        assert 1 <= len(result_id(card).encode()) <= 64


def test_a_long_card_id_becomes_a_short_stable_result_id() -> None:
    card = Card("figure:" + "x" * 80, "figure", "T", "text", (), (), "/salary")
    assert len(result_id(card).encode()) <= 64
    other = replace(card, id="figure:" + "y" * 80)
    assert result_id(card) == result_id(card) != result_id(other)


async def test_help_mentions_inline_mode_with_the_bot_username(bot: BotHarness) -> None:
    for chat in (None, bot.api.group_chat(-100555)):
        text = last_text(await bot.send("/help", chat=chat))
        assert f"<code>@{BOT} rhit</code>" in text


async def test_inline_mode_over_http_long_polling(tmp_path: Path) -> None:
    api = FakeTelegram()
    async with polling_bot(api, tmp_path / "inline.sqlite3"):
        api.push(api.inline_query_update(api.user(78, "Sam"), "rhti"))
        await wait_for(lambda: api.calls_to("answerInlineQuery"))
    call = api.calls_to("answerInlineQuery")[0]
    assert call.error is None and results(call)[0]["id"] == "certification:RHIT"
    assert not api.problems


def test_a_preview_never_cuts_a_figure_from_its_source() -> None:
    text = "Annual mean $41,950 (May 2018; Becker's, third-party). Older figures (2011) differ."
    assert preview(text, 70) == "Annual mean $41,950 (May 2018; Becker's, third-party).…"
    assert preview("about $24.07 an hour (2024; BLS) " * 9, 60) == \
        "about $24.07 an hour (2024; BLS)…"
    assert preview("no stop at all " * 20, 40) == ("no stop at all " * 20)[:39] + "…"
    for card in cards():
        shown = preview(card.text)
        assert len(shown) <= MAX_DESCRIPTION
        assert shown.count("(") == shown.count(")"), card.id


async def test_a_posted_card_is_not_taken_for_a_question(bot: BotHarness) -> None:
    """The chosen card arrives as a message "via @bot" that mentions the bot: no answer to it,
    in a group (privacy mode lets mentions through) or in the private chat."""
    posted = message(results(await bot.inline("rhit"))[0])
    text = validation.visible_text(posted, "HTML")
    handle = f"@{BOT}"
    mention = {"type": "mention", "offset": validation.utf16_length(text[:text.index(handle)]),
               "length": len(handle)}
    for chat in (bot.api.group_chat(-100556), None):
        calls = await bot.send(text, chat=chat, via_bot=BOT_USER, entities=[mention])
        assert calls == []
    assert len(await bot.send(f"{handle} what does an RHIT earn?", chat=bot.api.group_chat(
        -100556), entities=[{**mention, "offset": 0}])) == 1  # a real mention still is
