"""/salary: the national picture, a personal estimate with what-if buttons, and the chart.

What-if buttons carry the profile they apply to (`sal:w:<packed profile>`), so they never need
stored state and never save anything; an old or forged button gets a polite answer.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import MessageLimit
from telegram.ext import Application, CallbackContext, CallbackQueryHandler, CommandHandler

from handlers import profile_codec
from handlers.arguments import (
    ArgumentError,
    command_arguments,
    parse_pairs,
    profile_fields_problem,
)
from handlers.charts import ChartCache, ChartSpec
from handlers.cite import figure_html, guide_columns, link, sources_line, stage_bands
from handlers.personal import for_chat, private_profile
from handlers.profile import SETUP_BUTTON
from handlers.render import cut, edit_or_reply, escape, is_private, reply, rows, thread_of
from handlers.start import MENU_BUTTON, add_menu_button, register_deep_link
from knowledge import Knowledge, load_knowledge
from knowledge.certify import Status, check, recommend
from knowledge.profile import (
    FIELD_KEYS,
    MAX_YEARS,
    STATES,
    Profile,
    ProfileValueError,
    display_value,
    parse_changes,
)
from knowledge.salary import HOLD_FIELD, Basis, Estimate, Factor, WhatIf, cached_estimate
from knowledge.text import format_money, format_money_range, format_signed_money, source_label

CHARTS_KEY = "salary_charts"
WHAT_IF_STATES = ("CA", "NJ", "NY", "MA", "WA", "IL", "TX", "FL", "PA", "OH", "GA", "NC")
CHART_FILENAME = "salary-chart.png"
CHART_CAPTION = "Pay bands per career stage from both guides"
MAX_VALUE = 24
MAX_DETAILED = 2  # certifications a what-if explains in full when the user cannot take them
STALE = "This button is out of date — send /salary again."


def _factor_line(factor: Factor, fullness: int = 2, *, shown: bool = False) -> str:
    """A factor of the full breakdown: its effect, how it was found (2, 1) or just where it comes
    from (0; at -1 not even that when the first screen `shown` it), and its reasoning (2)."""
    line = f"• {_title(factor)}: <b>{format_signed_money(factor.effect)}</b>"
    if fullness < 0 and shown:
        return line + " (see above)"
    line += f" — {escape(factor.detail if fullness > 0 or not factor.note else factor.note)}"
    if factor.reasoning and fullness == 2:
        label = "My assumption:" if factor.basis is Basis.ASSUMPTION else "My reading:"
        line += f" <i>{label}</i> {escape(factor.reasoning)}"
    return line


def _headline(factor: Factor) -> str:
    """A factor of the first screen: its effect and, up front, whether it is data or assumed."""
    return (f"• {_title(factor)}: <b>{format_signed_money(factor.effect)}</b> — "
            f"{escape(factor.note)}")


def _unset_line(estimate: Estimate) -> list[str]:
    """The fields the profile leaves out, in one line (each counts as no change)."""
    unset = [f.title.lower() for f in estimate.factors
             if f.basis is Basis.NOT_SET and not f.sources]
    return [f"• Not set, so no change: {escape(', '.join(unset))} (/profile)"] if unset else []


def _title(factor: Factor) -> str:
    """'Certifications (CEHRS, RHIT)'; a long list is cut (the 'Based on' line has it all)."""
    return f"{escape(factor.title)} ({escape(cut(factor.value, MAX_VALUE))})"


def _position_lines(estimate: Estimate, kb: Knowledge) -> list[str]:
    lines = []
    for comparison in estimate.comparisons:
        diff = comparison.difference
        where = ("right at" if diff == 0 else
                 f"{format_money(abs(diff))} {'above' if diff > 0 else 'below'}")
        lines.append(f"• {where} {escape(comparison.what)}: "
                     f"{figure_html(comparison.figure, kb)}")
    low, high = estimate.national_range
    inside = ("inside" if low.value <= estimate.point <= high.value
              else "below" if estimate.point < low.value else "above")
    lines.append(f"• {inside} {escape(estimate.national_range_what)}: "
                 f"{format_money_range(low.value, high.value)} "
                 f"({escape(low.period)}; {link(kb.source(low.source))})")
    return lines


def profile_summary(profile: Profile) -> str:
    shown = [display_value(key, profile) for key in FIELD_KEYS if key != "goal"]
    return " · ".join(escape(v) for v in shown if v != "not set") or "nothing set yet"


def _comparison_lines(comparison: WhatIf) -> list[str]:
    """The what-if against the user's own estimate, and which factors make the difference."""
    changes = ", ".join(f"{escape(title)} {format_signed_money(amount)}"
                        for title, amount in comparison.changes())
    return [f"↕️ <b>{format_signed_money(comparison.difference)}</b> against your own estimate "
            f"({format_money(comparison.own.point)})" + (f": {changes}" if changes else "")]


def _eligibility_lines(own: Profile | None, profile: Profile, kb: Knowledge) -> list[str]:
    """A what-if that adds a certification the user cannot take yet says so (the first ones
    with what they need, the rest by name)."""
    added = sorted(profile.certs - (own.certs if own else frozenset()))
    checks = [check(kb.certification(code), own or Profile()) for code in added]
    not_yet = [e for e in checks if e.status is Status.NOT_YET]
    lines = [f"⚠️ You are not eligible for {e.code.value} yet: {escape(e.reason)} The figure "
             "shows what it would add once you hold it." for e in not_yet[:MAX_DETAILED]]
    if not_yet[MAX_DETAILED:]:
        lines.append("⚠️ Not open to you yet either: " + ", ".join(
            e.code.value for e in not_yet[MAX_DETAILED:]) + " (/certify says what each needs).")
    unknown = [e.code.value for e in checks if e.status is Status.UNKNOWN]
    if unknown:
        lines.append(f"❔ Eligibility rules not in my sources: {', '.join(unknown)}.")
    return lines


def estimate_text(estimate: Estimate, *, what_if: bool, kb: Knowledge | None = None,
                  own: Estimate | None = None) -> str:
    """The estimate's short first screen (figure, range, position, top three factors, what is
    assumed) with the full breakdown folded into an expandable quote; a what-if compares with
    the user's own estimate (`own`) when there is one."""
    knowledge = kb or load_knowledge()
    heading = "What-if estimate <i>(not saved)</i>" if what_if else "Your salary estimate"
    base = estimate.base
    lines = [
        f"<b>{heading}</b>",
        f"<i>Based on:</i> {profile_summary(estimate.profile)}",
        "",
        f"💵 <b>{format_money(estimate.point)} a year</b>, likely between "
        f"{format_money(estimate.low)} and {format_money(estimate.high)}",
    ]
    if what_if and own is not None:
        lines += _comparison_lines(WhatIf(own, estimate))
        lines += _eligibility_lines(own.profile, estimate.profile, knowledge)
    lines += _position_lines(estimate, knowledge)[:1]
    top = estimate.top_factors()
    if top:
        lines += ["", "<b>What moves it most</b>", *(_headline(f) for f in top)]
    hold = next((f for f in estimate.factors if f.field == HOLD_FIELD), None)
    if hold is not None:
        lines += ["", f"⚠️ {escape(hold.detail)}"]
    lines += [f"⚖️ {escape(f.alternative)}" for f in estimate.factors if f.alternative]
    lines += ["", "<b>Full breakdown</b> (tap to open)"]
    for fullness in (2, 1, 0, -1):  # shorter when the message would be too long
        sources = (sources_line(estimate.sources, knowledge) if fullness >= 0 else
                   "<i>Sources:</i> " + "; ".join(escape(source_label(knowledge.source(s)))
                                                  for s in estimate.sources))
        breakdown = [
            "<b>How it adds up</b>",
            f"Start: {figure_html(base, knowledge)} — {escape(base.label.lower())}",
            *(_factor_line(f, fullness, shown=f in top) for f in estimate.factors
              if f.basis is not Basis.NOT_SET or f.sources),
            *_unset_line(estimate),
            f"= <b>{format_money(estimate.point)}</b>",
            "",
            *_position_lines(estimate, knowledge)[1:],
            f"<i>Range:</i> {escape(estimate.range_note)}",
            f"<i>Also assumed:</i> {escape(estimate.base_assumption)}",
            sources,
        ]
        text = "\n".join([*lines, f"<blockquote expandable>{chr(10).join(breakdown)}"
                                   "</blockquote>"])
        if len(text) <= MessageLimit.MAX_TEXT_LENGTH:
            break
    return text


def national_text(kb: Knowledge | None = None) -> str:
    """The national picture: figures with periods, both guides' bands, agency claims."""
    knowledge = kb or load_knowledge()
    fig = knowledge.figure
    agencies = knowledge.salary.agency_ranges
    lines = [
        "<b>What EHR and medical records specialists earn</b>",
        f"• National median: {figure_html(fig('mrs_median_2024'), knowledge)}",
        f"• Per hour: {figure_html(fig('mrs_median_hourly_2024'), knowledge)}",
        f"• The year before: {figure_html(fig('mrs_median_2023'), knowledge)}",
        f"• May 2021: {figure_html(fig('mrs_median_2021'), knowledge)}",
        f"• A range from {format_money(fig('mrs_range_low_2023').value)} to "
        f"{format_money(fig('mrs_range_high_2023').value)} "
        f"({escape(fig('mrs_range_low_2023').period)}; "
        f"{link(knowledge.source('americandreamjobs_2023'))}) — the page does not say which "
        "percentiles these are.",
        "<i>No official BLS page for the newest year could be checked; these figures are "
        "reproduced by other sites.</i>",
        "",
        "<b>By career stage — the two guides disagree, so here are both</b>",
    ]
    lines += [f"• {escape(stage.title)}: {stage_bands(stage.id, knowledge)}"
              for stage in knowledge.stages]
    lines.append(guide_columns(knowledge))
    lines += ["", "<b>Federal agencies — one article's claim</b>"]
    lines += [f"• {escape(r.agency)}: {format_money_range(r.low, r.high)}"
              for r in agencies.ranges]
    lines.append(f"<i>{escape(agencies.caveat)}</i> "
                 f"({link(knowledge.source(agencies.ranges[0].source))})")
    lines += [
        "",
        "<b>Related jobs</b>",
        f"• Health information technologists (29-9021): "
        f"{figure_html(fig('hit_median_2022'), knowledge)}",
        f"• Medical and health services managers (11-9111): "
        f"{figure_html(fig('mhsm_median_2023'), knowledge)}",
        "",
        "<b>What moves pay:</b> " + ", ".join(
            escape(f.title.lower()) for f in knowledge.salary.pay_factors) + ".",
    ]
    return "\n".join(lines)


def what_if_keyboard(profile: Profile) -> InlineKeyboardMarkup:
    """What-ifs from the estimate shown: the recommended certification (saying when it cannot be
    taken yet), two more years, another state; then back to the own estimate or the menu."""
    certs = []
    advice = recommend(profile)
    if advice is not None:
        for step in filter(None, (advice.eligibility, advice.waiting)):
            ready = step.status is not Status.NOT_YET
            with_cert = profile.with_changes(certs=profile.certs | {step.code})
            certs.append(InlineKeyboardButton(
                f"➕ {step.code.value}" + ("" if ready else " (not eligible yet)"),
                callback_data=what_if_data(with_cert)))
    buttons = []
    if (profile.years or 0) < MAX_YEARS:
        older = profile.with_changes(years=min(MAX_YEARS, (profile.years or 0) + 2))
        buttons.append(InlineKeyboardButton("⏩ +2 years", callback_data=what_if_data(older)))
    buttons.append(InlineKeyboardButton("🗺 Another state",
                                        callback_data=f"sal:st:{profile_codec.encode(profile)}"))
    back = [InlineKeyboardButton("↩️ My estimate", callback_data="sal:me"), MENU_BUTTON]
    return InlineKeyboardMarkup([row for row in (certs, buttons, back) if row])


def what_if_data(profile: Profile) -> str:
    """The callback data of a what-if button: /salary's estimate for `profile`, not saved."""
    return f"sal:w:{profile_codec.encode(profile)}"


def states_keyboard(profile: Profile) -> InlineKeyboardMarkup:
    buttons = [InlineKeyboardButton(STATES[code], callback_data=what_if_data(
        profile.with_changes(state=code))) for code in WHAT_IF_STATES if code != profile.state]
    return InlineKeyboardMarkup([*rows(buttons, 3), [InlineKeyboardButton(
        "↩️ Back", callback_data=what_if_data(profile))]])


def _personal_button(update: Update, context: CallbackContext) -> InlineKeyboardMarkup | None:
    return for_chat(update, context, None, "💵 My personal estimate", "salary")


def charts(context: CallbackContext) -> ChartCache:
    return context.application.bot_data[CHARTS_KEY]


async def send_chart(update: Update, context: CallbackContext, spec: ChartSpec,
                     caption: str = CHART_CAPTION) -> None:
    """The chart as a photo (short caption; the explanation is in the text message)."""
    chat = update.effective_chat
    assert chat is not None
    cache = charts(context)
    photo = await cache.photo(spec)
    message = await chat.send_photo(
        photo=InputFile(photo, filename=CHART_FILENAME) if isinstance(photo, bytes) else photo,
        caption=caption, message_thread_id=thread_of(update))
    if message.photo:
        cache.remember(spec, message.photo[-1].file_id)


async def show_national(update: Update, context: CallbackContext) -> None:
    """The national picture and the chart; from a menu button, the menu turns into it."""
    if is_private(update):
        markup = InlineKeyboardMarkup([[SETUP_BUTTON], [MENU_BUTTON]])
        text = national_text() + "\n\nSet up a profile and I'll estimate <b>your</b> pay."
    else:
        markup = _personal_button(update, context)
        text = national_text() + "\n\nYour personal estimate is in our private chat."
    await edit_or_reply(update, text, markup)
    await send_chart(update, context, ChartSpec())


def _chart_caption(estimate: Estimate, own: Estimate | None) -> str:
    if own is None:
        return CHART_CAPTION
    return (f"What-if {format_money(estimate.point)}: "
            f"{format_signed_money(estimate.point - own.point)} against your "
            f"{format_money(own.point)} (dashed line)")


async def show_estimate(update: Update, context: CallbackContext, profile: Profile,
                        *, what_if: bool) -> None:
    """The estimate's text with the what-if buttons (in a group, the private-chat button), then
    its chart; from a button, its message turns into it. A what-if in a private chat is
    compared with the user's own estimate. Estimates and charts come from their caches."""
    stored = await private_profile(update, context) if what_if else None
    own = cached_estimate(stored) if stored is not None else None
    estimate = cached_estimate(profile)
    markup = what_if_keyboard(profile) if is_private(update) else _personal_button(update,
                                                                                    context)
    await edit_or_reply(update, estimate_text(estimate, what_if=what_if, own=own), markup)
    await send_chart(update, context,
                     ChartSpec.marking(estimate.point, estimate.low, estimate.high,
                                       own.point if own is not None else None),
                     _chart_caption(estimate, own))


async def salary_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_user is not None and update.effective_message is not None
    arguments = command_arguments(update.effective_message.text)
    if arguments:
        await _what_if_command(update, context, arguments)
        return
    await open_estimate(update, context, "")


async def _what_if_command(update: Update, context: CallbackContext, arguments: str) -> None:
    assert update.effective_user is not None
    try:
        changes = parse_changes(parse_pairs(arguments))
    except (ArgumentError, ProfileValueError) as error:
        await reply(update, profile_fields_problem(error, "/salary years=5 state=TX certs=RHIT"))
        return
    # In a group only the typed values count: a member's stored profile never shows there.
    base = await private_profile(update, context)
    await show_estimate(update, context, (base or Profile()).with_changes(**changes),
                        what_if=True)


async def open_estimate(update: Update, context: CallbackContext, _: str) -> None:
    """The personal estimate, or the national picture when there is no profile yet (always in
    a group: private_profile never reads one there)."""
    assert update.effective_user is not None
    profile = await private_profile(update, context)
    if profile is None:
        await show_national(update, context)
        return
    await show_estimate(update, context, profile, what_if=False)


async def on_button(update: Update, context: CallbackContext) -> None:
    """`sal:w:<profile>` (a what-if), `sal:st:<profile>` (pick a state), `sal:me`."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    if not is_private(update):
        await query.answer("Personal estimates live in our private chat.", show_alert=True)
        return
    parts = (query.data or "").split(":", 2)
    action = parts[1] if len(parts) > 1 else ""
    code = parts[2] if len(parts) > 2 else ""
    if action == "me":
        await query.answer()
        await open_estimate(update, context, "")
        return
    profile = profile_codec.decode(code) if action in {"w", "st"} else None
    if profile is None:
        await query.answer(STALE, show_alert=True)
        return
    await query.answer()
    if action == "st":
        await edit_or_reply(update, "Which state should the what-if use?",
                            states_keyboard(profile))
        return
    await show_estimate(update, context, profile, what_if=True)


async def menu_salary(update: Update, context: CallbackContext) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await open_estimate(update, context, "")


def register(app: Application) -> None:
    load_knowledge()  # a broken data file stops the bot here, with the file, entry and field
    app.bot_data.setdefault(CHARTS_KEY, ChartCache())
    app.add_handler(CommandHandler("salary", salary_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^sal:"))
    app.add_handler(CallbackQueryHandler(menu_salary, pattern=r"^menu:salary$"))
    register_deep_link("salary", open_estimate)
    add_menu_button("💵 Salary", "menu:salary")
