"""/steps: how to become an EHR specialist, step by step, with education options and skills."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackContext, CallbackQueryHandler, CommandHandler

from handlers.cite import sources_line, text_html
from handlers.render import edit_or_reply, escape, reply
from handlers.start import MENU_BUTTON, add_menu_button
from knowledge import load_knowledge

NAVIGATION = InlineKeyboardMarkup([[
    InlineKeyboardButton("🎓 Certifications", callback_data="cert:list"),
    InlineKeyboardButton("🪜 Career path", callback_data="menu:career"),
], [MENU_BUTTON]])


def steps_text() -> str:
    kb = load_knowledge()
    career = kb.career
    lines = ["<b>How to become an EHR specialist</b>", ""]
    lines += [f"{n}. <b>{escape(step.title)}</b> — {text_html(step.text, kb)}"
              for n, step in enumerate(career.steps, start=1)]
    lines += ["", "<b>Education options</b>"]
    lines += [f"• <b>{escape(e.title)}</b> — {text_html(e.text, kb)}" for e in career.education]
    lines += ["", "<b>Skills employers look for</b>",
              "• Technical: " + escape(", ".join(career.skills.technical)),
              "• With people: " + escape(", ".join(career.skills.people)),
              "• Habits: " + escape(", ".join(career.skills.habits)),
              "", f"<b>Where they work:</b> {text_html(career.work_settings.text, kb)}",
              f"<b>Outlook:</b> {text_html(career.outlook.text, kb)}",
              "", "<b>EHR systems worth knowing:</b> "
              + escape(", ".join(system.name for system in career.ehr_systems))]
    sources = [*career.steps_sources, *(s for e in career.education for s in e.sources),
               *career.skills_sources, *career.work_settings.sources, *career.outlook.sources,
               *career.ehr_systems_sources]
    lines += ["", sources_line(sources, kb)]
    return "\n".join(lines)


async def steps_command(update: Update, context: CallbackContext) -> None:
    await reply(update, steps_text(), NAVIGATION)


async def menu_steps(update: Update, context: CallbackContext) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit_or_reply(update, steps_text(), NAVIGATION)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("steps", steps_command))
    app.add_handler(CallbackQueryHandler(menu_steps, pattern=r"^menu:steps$"))
    add_menu_button("🧭 How to start", "menu:steps")
