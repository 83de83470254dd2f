"""/admin for the operators named in the settings: the questions the bot could not answer."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackContext, CommandHandler

from handlers.deps import services
from handlers.render import escape, is_private, reply

TOP_UNANSWERED = 15
REFUSAL = "Sorry, that command is not available to you. /help lists what I can do."


async def admin_command(update: Update, context: CallbackContext) -> None:
    user = update.effective_user
    if user is None or user.id not in services(context).operator_ids:
        await reply(update, REFUSAL)
        return
    if not is_private(update):
        await reply(update, "Operator tools are shown in a private chat only.")
        return
    top = await services(context).db.unanswered.top(TOP_UNANSWERED)
    if not top:
        await reply(update, "<b>Operator</b>\n\nNo unanswered questions have been counted yet.")
        return
    lines = ["<b>Operator — most asked questions I could not answer</b>",
             "<i>count · question · last asked (no askers are stored)</i>", ""]
    lines += [f"{row.count} · {escape(row.question)} · {row.last_seen.isoformat()}"
              for row in top]
    await reply(update, "\n".join(lines))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("admin", admin_command))
