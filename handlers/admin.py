"""/admin for the operators named in the settings: what to improve in the knowledge and quiz.

Shows the most asked questions the bot could not answer (no askers are stored) and the quiz
questions members flagged with /report. Anyone else gets a polite refusal that reveals nothing.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackContext, CommandHandler

from handlers.deps import services
from handlers.render import echo, escape, is_private, reply
from knowledge.quiz_bank import load_quiz_bank

TOP_UNANSWERED = 15
TOP_FLAGGED = 10
REFUSAL = "Sorry, that command is not available to you. /help lists what I can do."


async def _unanswered_lines(context: CallbackContext) -> list[str]:
    top = await services(context).db.unanswered.top(TOP_UNANSWERED)
    if not top:
        return ["No unanswered questions have been counted yet."]
    lines = ["<i>count · question · last asked</i>"]
    lines += [f"{row.count} · {escape(row.question)} · {row.last_seen.isoformat()}"
              for row in top]
    return lines


async def _flagged_lines(context: CallbackContext) -> list[str]:
    flagged = await services(context).db.quiz_flags.top(TOP_FLAGGED)
    if not flagged:
        return ["No quiz question has been flagged."]
    bank = load_quiz_bank()
    lines = ["<i>flags · question · latest reason</i>"]
    for row in flagged:
        question = bank.by_id(row.question_id)
        shown = echo(question.question) if question else "(no longer in the bank)"
        lines.append(f"{row.flags} · <code>{escape(row.question_id)}</code> {shown} · "
                     f"“{echo(row.latest_reason)}”")
    return lines


async def admin_command(update: Update, context: CallbackContext) -> None:
    user = update.effective_user
    if user is None or user.id not in services(context).operator_ids:
        await reply(update, REFUSAL)
        return
    if not is_private(update):
        await reply(update, "Operator tools are shown in a private chat only.")
        return
    lines = ["<b>Operator</b>", "", "<b>Most asked questions I could not answer</b>",
             *await _unanswered_lines(context), "", "<b>Flagged quiz questions</b>",
             *await _flagged_lines(context)]
    await reply(update, "\n".join(lines))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("admin", admin_command))
