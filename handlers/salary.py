"""/salary: the national picture, a personal estimate with what-if buttons, and the chart.

What-if buttons carry the profile they apply to (`sal:w:<packed profile>`), so they never need
stored state and never save anything; an old or forged button gets a polite answer.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
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
from handlers.render import edit_or_reply, escape, is_private, reply, rows, thread_of
from handlers.start import add_menu_button, register_deep_link
from knowledge import Knowledge, load_knowledge
from knowledge.certify import recommend
from knowledge.profile import (
    FIELD_KEYS,
    MAX_YEARS,
    STATES,
    Profile,
    ProfileValueError,
    display_value,
    parse_changes,
)
from knowledge.salary import Basis, Estimate, Factor, estimate_salary
from knowledge.text import format_money, format_money_range, format_signed_money

CHARTS_KEY = "salary_charts"
WHAT_IF_STATES = ("CA", "NJ", "NY", "MA", "WA", "IL", "TX", "FL", "PA", "OH", "GA", "NC")
CHART_FILENAME = "salary-chart.png"
CHART_CAPTION = "Pay bands per career stage from both guides"
STALE = "This button is out of date — send /salary again."


def _factor_line(factor: Factor) -> str:
    line = (f"• {escape(factor.title)} ({escape(factor.value)}): "
            f"<b>{format_signed_money(factor.effect)}</b> — {escape(factor.detail)}")
    if factor.basis is Basis.ASSUMPTION:
        line += f" <i>My assumption:</i> {escape(factor.reasoning)}"
    return line


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


def estimate_text(estimate: Estimate, *, what_if: bool, kb: Knowledge | None = None) -> str:
    """The personal (or what-if) estimate, explained factor by factor."""
    knowledge = kb or load_knowledge()
    heading = "What-if estimate <i>(not saved)</i>" if what_if else "Your salary estimate"
    base = estimate.base
    lines = [
        f"<b>{heading}</b>",
        f"<i>Based on:</i> {profile_summary(estimate.profile)}",
        "",
        f"💵 <b>{format_money(estimate.point)} a year</b>, likely between "
        f"{format_money(estimate.low)} and {format_money(estimate.high)}",
        "",
        "<b>Against national figures</b>",
        *_position_lines(estimate, knowledge),
        "",
        "<b>How it adds up</b>",
        f"Start: {figure_html(base, knowledge)} — {escape(base.label.lower())}",
        *(_factor_line(f) for f in estimate.factors),
        f"= <b>{format_money(estimate.point)}</b>",
        "",
        f"<i>Range:</i> {escape(estimate.range_note)}",
        f"<i>Also assumed:</i> {escape(estimate.base_assumption)}",
        sources_line(estimate.sources, knowledge),
    ]
    return "\n".join(lines)


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
    buttons = []
    advice = recommend(profile)
    if advice is not None:
        code = advice.certification.code
        with_cert = profile.with_changes(certs=profile.certs | {code})
        buttons.append(InlineKeyboardButton(f"➕ {code.value}",
                                            callback_data=what_if_data(with_cert)))
    if (profile.years or 0) < MAX_YEARS:
        older = profile.with_changes(years=min(MAX_YEARS, (profile.years or 0) + 2))
        buttons.append(InlineKeyboardButton("⏩ +2 years", callback_data=what_if_data(older)))
    buttons.append(InlineKeyboardButton("🗺 Another state",
                                        callback_data=f"sal:st:{profile_codec.encode(profile)}"))
    return InlineKeyboardMarkup([buttons, [InlineKeyboardButton("↩️ My estimate",
                                                                callback_data="sal:me")]])


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


async def send_chart(update: Update, context: CallbackContext, spec: ChartSpec) -> None:
    """The chart as a photo (short caption; the explanation is in the text message)."""
    chat = update.effective_chat
    assert chat is not None
    cache = charts(context)
    photo = await cache.photo(spec)
    message = await chat.send_photo(
        photo=InputFile(photo, filename=CHART_FILENAME) if isinstance(photo, bytes) else photo,
        caption=CHART_CAPTION, message_thread_id=thread_of(update))
    if message.photo:
        cache.remember(spec, message.photo[-1].file_id)


async def show_national(update: Update, context: CallbackContext) -> None:
    """The national picture and the chart; from a menu button, the menu turns into it."""
    if is_private(update):
        markup = InlineKeyboardMarkup([[SETUP_BUTTON]])
        text = national_text() + "\n\nSet up a profile and I'll estimate <b>your</b> pay."
    else:
        markup = _personal_button(update, context)
        text = national_text() + "\n\nYour personal estimate is in our private chat."
    await edit_or_reply(update, text, markup)
    await send_chart(update, context, ChartSpec())


async def _estimate_view(update: Update, context: CallbackContext, profile: Profile,
                         *, what_if: bool) -> Estimate:
    """The estimate's text with the what-if buttons (in a group, the private-chat button);
    from a button, its message turns into it."""
    estimate = estimate_salary(profile)
    markup = what_if_keyboard(profile) if is_private(update) else _personal_button(update,
                                                                                    context)
    await edit_or_reply(update, estimate_text(estimate, what_if=what_if), markup)
    return estimate


async def show_estimate(update: Update, context: CallbackContext, profile: Profile,
                        *, what_if: bool) -> None:
    """The estimate and its chart; from a menu button, the menu turns into it."""
    estimate = await _estimate_view(update, context, profile, what_if=what_if)
    await send_chart(update, context, ChartSpec.marking(estimate.point, estimate.low,
                                                        estimate.high))


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
        profile = await private_profile(update, context)
        if profile is None:
            await edit_or_reply(update, national_text(), InlineKeyboardMarkup([[SETUP_BUTTON]]))
            return
        await _estimate_view(update, context, profile, what_if=False)
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
    await _estimate_view(update, context, profile, what_if=True)


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
