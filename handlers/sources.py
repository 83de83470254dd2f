"""/sources: every source the bot's figures and claims come from, with its date and kind."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackContext, CommandHandler

from handlers.cite import source_entry
from handlers.render import reply
from knowledge import load_knowledge

SECTIONS = (("official", "Official (BLS, OPM, AHIMA, AAPC, HIMSS, NHA)"),
            ("third-party", "Third-party pages reproducing or describing official data"),
            ("industry-guide", "Industry guides (articles, not data)"))


def sources_text() -> str:
    kb = load_knowledge()
    lines = ["<b>Where my figures come from</b>",
             "Every figure I show names one of these sources and its period. Where a figure "
             "could not be found, I say it is unknown instead of guessing."]
    for kind, title in SECTIONS:
        lines += ["", f"<b>{title}</b>"]
        lines += [source_entry(s) for s in kb.sources if s.kind == kind]
    return "\n".join(lines)


async def sources_command(update: Update, context: CallbackContext) -> None:
    await reply(update, sources_text())


def register(app: Application) -> None:
    app.add_handler(CommandHandler("sources", sources_command))
