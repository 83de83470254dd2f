"""How the local chat shows Bot API calls: pure functions from a call to terminal lines."""

from __future__ import annotations

from pathlib import Path

from bot.fake_api import ApiCall
from bot.local_render import Choice, choices, deep_link_payload, render_call, terminal_text


def _keyboard(*rows: list[dict[str, str]]) -> dict[str, object]:
    return {"inline_keyboard": list(rows)}


def test_html_becomes_markers_and_entities_are_unescaped() -> None:
    text = ("<b>Pay</b> for <i>RHIT</i> &amp; <code>/profile</code>: "
            "&lt;b&gt; is literal, <s>old</s> <tg-spoiler>new</tg-spoiler>")
    assert terminal_text(text) == ("*Pay* for _RHIT_ & `/profile`: <b> is literal, "
                                   "~old~ ||new||")


def test_links_show_their_address_once() -> None:
    assert terminal_text('<a href="https://www.bls.gov/ooh/">BLS</a>') == \
        "BLS (https://www.bls.gov/ooh/)"
    assert terminal_text('<a href="https://bls.gov">https://bls.gov</a>') == "https://bls.gov"


def test_text_without_html_parse_mode_is_shown_as_sent() -> None:
    assert terminal_text("<b>kept</b> &amp;", None) == "<b>kept</b> &amp;"


def test_message_with_keyboard_numbers_buttons_across_rows() -> None:
    call = ApiCall("sendMessage", {
        "chat_id": 100, "text": "Pick <b>one</b>\nor two", "parse_mode": "HTML",
        "reply_markup": _keyboard(
            [{"text": "Profile", "callback_data": "menu:profile"},
             {"text": "Pay", "callback_data": "menu:pay"}],
            [{"text": "Open", "url": "https://t.me/ehr_coach_bot?start=profile"}]),
    })
    assert render_call(call) == [
        "bot:",
        "     Pick *one*",
        "     or two",
        "     [1] Profile   [2] Pay",
        "     [3] Open → https://t.me/ehr_coach_bot?start=profile",
    ]
    assert choices(call) == [
        Choice("callback", "Profile", "menu:profile"),
        Choice("callback", "Pay", "menu:pay"),
        Choice("url", "Open", "https://t.me/ehr_coach_bot?start=profile"),
    ]


def test_edit_in_a_group_names_the_message_and_the_group() -> None:
    call = ApiCall("editMessageText", {"chat_id": -100123, "message_id": 7, "text": "Done"})
    assert render_call(call) == ["bot in the group (edited message 7):", "     Done"]


def test_poll_options_are_numbered_choices() -> None:
    call = ApiCall("sendPoll", {"chat_id": 100, "question": "Which exam?", "type": "quiz",
                                "options": [{"text": "RHIT"}, {"text": "CEHRS"}]})
    assert render_call(call) == ["bot started a quiz:", "     Which exam?",
                                 "     [1] RHIT", "     [2] CEHRS"]
    assert [c.value for c in choices(call)] == ["0", "1"]


def test_photo_shows_where_it_was_saved() -> None:
    call = ApiCall("sendPhoto", {"chat_id": 100, "caption": "Pay in <b>TX</b>",
                                 "parse_mode": "HTML"})
    saved = Path("local-chat/001-chart.png")
    assert render_call(call, saved) == [f"bot sent a photo (saved to {saved}):",
                                        "     Pay in *TX*"]
    by_id = ApiCall("sendPhoto", {"chat_id": 100, "photo": "file-3"})
    assert render_call(by_id) == ["bot sent a photo (not saved: sent by file id or URL):"]


def test_refused_calls_and_notices_are_visible() -> None:
    refused = ApiCall("sendMessage", {"chat_id": 100, "text": "x" * 5000},
                      error="Bad Request: message is too long")
    assert render_call(refused) == [
        "(Telegram would refuse this sendMessage: Bad Request: message is too long)"]
    assert choices(refused) == []
    notice = ApiCall("answerCallbackQuery", {"callback_query_id": "1", "text": "Saved"})
    assert render_call(notice) == ["(notice: Saved)"]
    assert render_call(ApiCall("answerCallbackQuery", {"callback_query_id": "2"})) == []


def test_calls_a_user_never_sees_render_nothing() -> None:
    assert render_call(ApiCall("setMyCommands", {"commands": []})) == []
    assert render_call(ApiCall("getMe", {})) == []


def test_deep_link_payload_only_for_this_bot() -> None:
    assert deep_link_payload("https://t.me/ehr_coach_bot?start=join_ab12", "ehr_coach_bot") \
        == "join_ab12"
    assert deep_link_payload("https://t.me/other_bot?start=x", "ehr_coach_bot") is None
    assert deep_link_payload("https://www.bls.gov/", "ehr_coach_bot") is None


def test_a_quote_is_shown_with_a_bar_on_every_line() -> None:
    text = "Short\n<blockquote expandable><b>Breakdown</b>\nline two</blockquote>\nafter"
    assert terminal_text(text) == "Short\n┃ *Breakdown*\n┃ line two\nafter"
