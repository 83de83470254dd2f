"""/career (alias /path): the ladder with both guides' pay bands per stage, "you are here" from
the profile in a private chat, the next step, and the side paths."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackContext, CallbackQueryHandler, CommandHandler

from handlers.cite import figure_html, guide_columns, sources_line, stage_bands, text_html
from handlers.personal import for_chat, private_profile
from handlers.profile import SETUP_BUTTON
from handlers.render import edit_or_reply, escape, is_private, reply, rows
from handlers.start import MENU_BUTTON, add_menu_button, register_deep_link
from knowledge import load_knowledge
from knowledge.career import Placement, place
from knowledge.models import SidePath
from knowledge.profile import Profile

SIDE = "car:side:"


def _advice_lines(placement: Placement) -> list[str]:
    """The next certification for this profile (held ones skipped, its own reason) and the
    next step in education, when the stage or goal asks for one."""
    lines = []
    advice = placement.advice
    if advice is not None:
        lines.append(f"🎓 <b>Next certification for you: {advice.certification.code.value}</b>"
                     f" — {escape(advice.why)}")
    if placement.education:
        lines.append(f"📚 {escape(placement.education)}")
    return lines


def next_step_lines(placement: Placement) -> list[str]:
    """The next-step lines of a placement (/career's, and /ask's answer to "my next step")."""
    if placement.stage is None:
        return [*(escape(note) for note in placement.notes), *_advice_lines(placement)]
    lines = [f"<b>Your next step</b> (you are at stage {placement.stage.order})",
             escape(placement.stage.next_step)]
    if placement.next_stage is not None and placement.years_to_next:
        lines.append(f"By experience, the next stage ({escape(placement.next_stage.title)}) "
                     f"starts in about {placement.years_to_next} more year"
                     f"{'' if placement.years_to_next == 1 else 's'}.")
    lines += [escape(note) for note in placement.notes]
    lines += _advice_lines(placement)
    if placement.side_path is not None:
        lines.append(f"Your goal points to a side path: <b>{escape(placement.side_path.title)}"
                     f"</b> — {text_html(placement.side_path.text)}")
    return lines


def career_text(profile: Profile | None) -> str:
    kb = load_knowledge()
    placement = place(profile) if profile is not None else None
    here = placement.stage.id if placement is not None and placement.stage else None
    lines = ["<b>The career ladder</b>"]
    for stage in kb.stages:
        marker = "  📍 <b>you are here</b>" if stage.id == here else ""
        lines += ["", f"{stage.order}. <b>{escape(stage.title)}</b>{marker}",
                  f"   {escape(stage.summary)}",
                  f"   Pay: {stage_bands(stage.id, kb)}"]
        if stage.related_figure:
            figure = kb.figure(stage.related_figure)
            lines.append(f"   {escape(figure.label)}: {figure_html(figure, kb)}")
    lines += ["", guide_columns(kb) + " — the guides disagree, so both are shown."]
    if placement is not None:
        lines += ["", *next_step_lines(placement)]
    lines += ["", "<b>Side paths</b>"]
    lines += [f"• <b>{escape(p.title)}</b> — {text_html(p.text, kb)}" for p in kb.career.side_paths]
    sources = [s for stage in kb.stages for s in stage.sources]
    sources += [s for p in kb.career.side_paths for s in p.sources]
    lines += ["", sources_line(sources, kb)]
    return "\n".join(lines)


def career_keyboard(profile: Profile | None, private: bool) -> InlineKeyboardMarkup:
    """The next certification (with a profile), the side paths, and back to the menu."""
    kb = load_knowledge()
    keyboard = []
    advice = place(profile, kb).advice if profile is not None else None
    if advice is not None:
        code = advice.certification.code.value
        keyboard.append([InlineKeyboardButton(f"🎓 Next for you: {code}",
                                              callback_data=f"cert:show:{code}")])
    keyboard += rows([InlineKeyboardButton(f"↪️ {p.title}", callback_data=f"{SIDE}{p.id}")
                      for p in kb.career.side_paths], 2)
    keyboard.append([SETUP_BUTTON, MENU_BUTTON] if private and profile is None
                    else [MENU_BUTTON])
    return InlineKeyboardMarkup(keyboard)


def side_path_text(path: SidePath, profile: Profile | None) -> str:
    """One side path: what it is, the credentials on its goal's path, and its sources."""
    kb = load_knowledge()
    lines = [f"<b>{escape(path.title)}</b>", text_html(path.text, kb)]
    plans = {r.goal: r for r in kb.certifications_file.recommendations}
    if path.goal is not None:
        lines += ["", "<b>Credentials on this path</b>"]
        lines += [f"• <b>{step.code.value}</b> — {escape(step.why)}"
                  for step in plans[path.goal].path]
        if profile is not None and profile.goal != path.goal:
            lines.append(f"\nTo get advice for this path: <code>/profile goal="
                         f"{path.goal.value}</code>")
    lines += ["", sources_line(path.sources, kb)]
    return "\n".join(lines)


def _markup(update: Update, context: CallbackContext,
            profile: Profile | None) -> InlineKeyboardMarkup | None:
    return for_chat(update, context, career_keyboard(profile, is_private(update)),
                    "📍 Where am I? (private)", "career")


async def on_side_path(update: Update, context: CallbackContext) -> None:
    """`car:side:<id>`: the career message turns into the side path, with a way back."""
    query = update.callback_query
    assert query is not None
    wanted = (query.data or "").removeprefix(SIDE)
    path = next((p for p in load_knowledge().career.side_paths if p.id == wanted), None)
    if path is None:
        await query.answer("This button is out of date — send /career again.", show_alert=True)
        return
    await query.answer()
    back = InlineKeyboardMarkup([[InlineKeyboardButton("↩️ Career path",
                                                       callback_data="menu:career"),
                                  MENU_BUTTON]])
    await edit_or_reply(update, side_path_text(path, await private_profile(update, context)),
                        back)


async def career_command(update: Update, context: CallbackContext) -> None:
    profile = await private_profile(update, context)
    await reply(update, career_text(profile), _markup(update, context, profile))


async def open_career_link(update: Update, context: CallbackContext, _: str) -> None:
    await career_command(update, context)


async def menu_career(update: Update, context: CallbackContext) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    profile = await private_profile(update, context)
    await edit_or_reply(update, career_text(profile), _markup(update, context, profile))


def register(app: Application) -> None:
    app.add_handler(CommandHandler(["career", "path"], career_command))
    app.add_handler(CallbackQueryHandler(menu_career, pattern=r"^menu:career$"))
    app.add_handler(CallbackQueryHandler(on_side_path, pattern=rf"^{SIDE}"))
    register_deep_link("career", open_career_link)
    add_menu_button("🪜 Career path", "menu:career")
