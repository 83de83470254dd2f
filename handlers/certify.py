"""/certify: the certifications, one in detail, two compared; personal eligibility and the
next certification in a private chat with a profile. A fact missing from the sources is shown
as unknown."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackContext, CallbackQueryHandler, CommandHandler

from handlers.arguments import command_arguments
from handlers.cite import link, sources_line
from handlers.personal import for_chat, private_profile
from handlers.profile import SETUP_BUTTON
from handlers.render import echo, edit_or_reply, escape, is_private, reply, rows
from handlers.start import MENU_BUTTON, add_menu_button, register_deep_link
from knowledge import load_knowledge
from knowledge.cards import cert_sources
from knowledge.certify import Eligibility, Status, check, recommend
from knowledge.models import CertificationInfo, Claim
from knowledge.profile import Certification, Profile, closest
from knowledge.text import format_money

STATUS_MARKS = {Status.HELD: "🏅 you hold it", Status.ELIGIBLE: "✅ you can take it",
                Status.LIKELY: "🟡 probably yes", Status.NOT_YET: "⏳ not yet",
                Status.UNKNOWN: "❔ rules unknown"}
UNKNOWN = "<i>unknown — not found in my sources</i>"
CODES = ", ".join(c.value for c in Certification)
STALE = "This button is out of date — send /certify again."
USAGE = ("<code>/certify</code> lists them, <code>/certify RHIT</code> shows one, "
         "<code>/certify compare CEHRS RHIT</code> compares two.")


def _claim(claim: Claim | None) -> str:
    if claim is None:
        return UNKNOWN
    return f"{escape(claim.text)} ({link(load_knowledge().source(claim.source))})"


def _fees(cert: CertificationInfo) -> str:
    if not cert.fees:
        return UNKNOWN
    kb = load_knowledge()
    parts = []
    for fee in cert.fees:
        note = f"; {escape(fee.note[:1].lower() + fee.note[1:].rstrip('.'))}" if fee.note else ""
        parts.append(f"{format_money(fee.amount)} {escape(fee.label)} "
                     f"({link(kb.source(fee.source))}{note})")
    return "; ".join(parts)


def _status(eligibility: Eligibility) -> str:
    return f"{STATUS_MARKS[eligibility.status]} — {escape(eligibility.reason)}"


def detail_text(cert: CertificationInfo, profile: Profile | None) -> str:
    kb = load_knowledge()
    lines = [
        f"<b>{cert.code.value} — {escape(cert.name)}</b>",
        f"Awarded by {escape(cert.body_name)} ({link(kb.source(cert.body_source), cert.body)})",
        escape(cert.summary),
        "",
        f"<b>Eligibility:</b> {_claim(cert.eligibility)}",
        f"<b>Exam:</b> {_claim(cert.exam)}",
        f"<b>Fee:</b> {_fees(cert)}",
        f"<b>Renewal:</b> {_claim(cert.renewal)}",
    ]
    lines += [f"<b>Also:</b> {_claim(note)}" for note in cert.notes]
    if profile is not None:
        lines += ["", f"<b>You:</b> {_status(check(cert, profile))}"]
    return "\n".join(lines)


def list_text(profile: Profile | None, private: bool) -> str:
    kb = load_knowledge()
    lines = ["<b>Certifications</b>"]
    for cert in kb.certifications:
        line = (f"• <b>{cert.code.value}</b> — {escape(cert.name)} ({escape(cert.body)}, "
                f"{cert.level})")
        if profile is not None:
            line += f"\n   {STATUS_MARKS[check(cert, profile).status]}"
        lines.append(line)
    if profile is not None:
        advice = recommend(profile)
        if advice is None:
            lines += ["", "You hold every certification I know. Impressive!"]
        else:
            lines += ["", f"<b>Next for you: {advice.certification.code.value}</b> "
                          f"(goal: {escape(advice.goal)})",
                      escape(advice.why),
                      f"Eligibility: {_status(advice.eligibility)}"]
    elif private:
        lines += ["", "Set up your profile and I'll show which ones you can take now and "
                      "which to aim for next."]
    lines += ["", "Tap a code for details. " + USAGE]
    return "\n".join(lines)


def compare_text(first: CertificationInfo, second: CertificationInfo,
                 profile: Profile | None) -> str:
    lines = [f"<b>{first.code.value} vs {second.code.value}</b>"]
    rows = (
        ("Name", lambda c: escape(c.name)),
        ("Body", lambda c: escape(c.body_name)),
        ("Level", lambda c: c.level),
        ("Eligibility", lambda c: _claim(c.eligibility)),
        ("Exam", lambda c: _claim(c.exam)),
        ("Fee", _fees),
        ("Renewal", lambda c: _claim(c.renewal)),
    )
    for title, show in rows:
        lines += ["", f"<b>{title}</b>"]
        lines += [f"• {c.code.value}: {show(c)}" for c in (first, second)]
    if profile is not None:
        lines += ["", "<b>You</b>"]
        lines += [f"• {c.code.value}: {_status(check(c, profile))}" for c in (first, second)]
    return "\n".join(lines)


def list_keyboard(private_profile_missing: bool) -> InlineKeyboardMarkup:
    buttons = [InlineKeyboardButton(c.value, callback_data=f"cert:show:{c.value}")
               for c in Certification]
    keyboard = rows(buttons, 3)
    keyboard.append([InlineKeyboardButton("⚖️ CEHRS vs RHIT",
                                          callback_data="cert:cmp:CEHRS:RHIT")])
    keyboard.append([SETUP_BUTTON, MENU_BUTTON] if private_profile_missing else [MENU_BUTTON])
    return InlineKeyboardMarkup(keyboard)


BACK = InlineKeyboardMarkup([[InlineKeyboardButton("↩️ All certifications",
                                                   callback_data="cert:list"), MENU_BUTTON]])


def _markup(update: Update, context: CallbackContext,
            markup: InlineKeyboardMarkup) -> InlineKeyboardMarkup | None:
    return for_chat(update, context, markup, "🎓 My eligibility (private)", "certify")


def _parse_codes(words: list[str]) -> tuple[list[Certification], list[str]]:
    known, unknown = [], []
    for word in words:
        token = word.strip(",;").upper()
        if token in {"", "VS", "AND", "WITH"}:
            continue
        if token in Certification.__members__:
            known.append(Certification(token))
        else:
            unknown.append(word)
    return known, unknown


async def certify_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_message is not None
    words = command_arguments(update.effective_message.text).split()
    profile = await private_profile(update, context)
    kb = load_knowledge()
    comparing = bool(words) and words[0].lower() == "compare"
    codes, unknown = _parse_codes(words[1:] if comparing else words)
    if unknown:
        near = closest(unknown[0].strip(",;"), [c.value for c in Certification])
        guess = f" Did you mean <b>{near}</b>?" if near else ""
        markup = InlineKeyboardMarkup([[InlineKeyboardButton(
            f"🎓 {near}", callback_data=f"cert:show:{near}")]]) if near else None
        await reply(update, f"I don't know “{echo(unknown[0])}”.{guess} Codes I know: "
                            f"{CODES}.\n" + USAGE, markup)
        return
    if comparing:
        if len(codes) != 2 or codes[0] == codes[1]:
            await reply(update, "To compare, name two different certifications, e.g. "
                                "<code>/certify compare CEHRS RHIT</code>. "
                                f"Codes I know: {CODES}.")
            return
        first, second = (kb.certification(c) for c in codes)
        text = compare_text(first, second, profile) + "\n\n" + sources_line(
            [*cert_sources(first), *cert_sources(second)])
        await reply(update, text, _markup(update, context, BACK))
        return
    if len(codes) > 1:
        await reply(update, "One code at a time, or compare two: " + USAGE)
        return
    if codes:
        await reply(update, detail_text(kb.certification(codes[0]), profile),
                    _markup(update, context, BACK))
        return
    missing = is_private(update) and profile is None
    await reply(update, list_text(profile, is_private(update)),
                _markup(update, context, list_keyboard(missing)))


async def on_button(update: Update, context: CallbackContext) -> None:
    """`cert:list`, `cert:show:CODE`, `cert:cmp:A:B` — edit the menu in place."""
    query = update.callback_query
    assert query is not None
    parts = (query.data or "").split(":")
    codes, unknown = _parse_codes(parts[2:])
    action = parts[1] if len(parts) > 1 else ""
    valid = not unknown and ((action == "list" and not codes)
                             or (action == "show" and len(codes) == 1)
                             or (action == "cmp" and len(codes) == 2))
    if not valid:
        await query.answer(STALE, show_alert=True)
        return
    await query.answer()
    profile = await private_profile(update, context)
    kb = load_knowledge()
    if action == "list":
        missing = is_private(update) and profile is None
        await edit_or_reply(update, list_text(profile, is_private(update)),
                            _markup(update, context, list_keyboard(missing)))
    elif action == "show":
        await edit_or_reply(update, detail_text(kb.certification(codes[0]), profile),
                            _markup(update, context, BACK))
    else:
        first, second = (kb.certification(c) for c in codes)
        await edit_or_reply(update, compare_text(first, second, profile),
                            _markup(update, context, BACK))


async def open_certify_link(update: Update, context: CallbackContext, _: str) -> None:
    profile = await private_profile(update, context)
    await reply(update, list_text(profile, True), list_keyboard(profile is None))


async def menu_certify(update: Update, context: CallbackContext) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    profile = await private_profile(update, context)
    missing = is_private(update) and profile is None
    await edit_or_reply(update, list_text(profile, is_private(update)),
                        _markup(update, context, list_keyboard(missing)))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("certify", certify_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^cert:"))
    app.add_handler(CallbackQueryHandler(menu_certify, pattern=r"^menu:certify$"))
    register_deep_link("certify", open_certify_link)
    add_menu_button("🎓 Certifications", "menu:certify")
