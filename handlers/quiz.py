"""/quiz, poll answers and /report: practice questions as Telegram quiz polls.

Every poll sent is stored with its question and correct option, so answers that arrive after
a restart still count. In a group, an answer counts for the cohort when its author has joined
the cohort (/join); anyone's answer still counts for their own /stats.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Poll, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from db import Database
from handlers.arguments import command_arguments
from handlers.cohort import group_cohort
from handlers.deps import services
from handlers.quiz_polls import send_quiz
from handlers.render import echo, edited, escape, is_private, reply, thread_of
from handlers.rounds import adopt_round, post_round
from knowledge.practice import (
    EXAMS,
    GROUP_QUIZ_COOLDOWN,
    Focus,
    asks_about_question,
    focus_from_text,
    group_quiz_wait,
    practice_exam,
)
from knowledge.quiz_bank import load_quiz_bank

log = logging.getLogger(__name__)

PRIVATE_OPEN_SECONDS = 300
MAX_REASON = 300
NEXT = "quiz:next:"


async def quiz_user(bot: Bot, db: Database, user_id: int,
                    focus: Focus | None = None) -> Message | None:
    """A question in the user's private chat, from their exam unless `focus` narrows it."""
    if focus is None:
        focus = Focus(practice_exam((await db.study.get(user_id)).exam_cert))
    return await send_quiz(bot, db, user_id, focus.pool(load_quiz_bank()),
                           await db.quiz.asked_to_user(user_id), cohort_id=None,
                           at=datetime.now(UTC), open_period=PRIVATE_OPEN_SECONDS,
                           markup=next_button(focus))


def next_button(focus: Focus) -> InlineKeyboardMarkup:
    """'Next question' under a private poll; it keeps the poll's exam or domain."""
    token = focus.domain.id if focus.domain else focus.exam
    return InlineKeyboardMarkup([[InlineKeyboardButton("Next question ▶️",
                                                       callback_data=f"{NEXT}{token}")]])


async def on_next_button(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    if not is_private(update):
        await query.answer("Send /quiz in the group for a new question.")
        return
    token = (query.data or "").removeprefix(NEXT)
    focus = focus_from_text(load_quiz_bank(), token, practice_exam(token)) if token else None
    if focus is None:
        await query.answer("This button is out of date — send /quiz.", show_alert=True)
        return
    await query.answer()
    try:
        if not await edited(query.edit_message_reply_markup(None)):
            return  # pressed twice: the first press asked the next question
    except BadRequest:
        pass  # the poll's message may be gone; ask anyway
    await quiz_user(context.bot, services(context).db, update.effective_user.id, focus)


def unknown_focus_text(typed: str) -> str:
    bank = load_quiz_bank()
    lines = [f"I have no questions on “{echo(typed)}”. You can narrow practice to:"]
    for exam in EXAMS:
        names = ", ".join(f"<code>{escape(d.id)}</code> ({escape(d.name)})"
                          for d in bank.domains_for(exam))
        lines.append(f"\n<b>{exam}</b> (<code>/quiz {exam.lower()}</code>): {names}")
    lines.append("\nOr send /quiz alone for a mix weighted like the exam.")
    return "\n".join(lines)


async def quiz_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_user is not None
    db = services(context).db
    typed = command_arguments(update.effective_message.text if update.effective_message
                              else None)
    if is_private(update):
        target = (await db.study.get(update.effective_user.id)).exam_cert
        cohort = None
    else:
        cohort = await group_cohort(db, update.effective_chat.id)
        target = cohort.exam_cert
    focus = focus_from_text(load_quiz_bank(), typed, practice_exam(target))
    if focus is None:
        await reply(update, unknown_focus_text(typed))
        return
    if cohort is None:
        sent = await quiz_user(context.bot, db, update.effective_user.id, focus)
    else:
        wait = group_quiz_wait(await db.quiz.last_sent_in_chat(cohort.chat_id),
                               services(context).clock(), GROUP_QUIZ_COOLDOWN)
        if wait:
            await reply(update, f"One question at a time here: the next one in {wait} s. "
                                "Meanwhile, have a go at the latest one.")
            return
        sent = await post_round(context.application, cohort, focus, thread_id=thread_of(update))
    if sent is None:
        topic = focus.domain.name if focus.domain else focus.exam
        await reply(update, f"I have no questions on {escape(topic)} yet. "
                            "Try <code>/quiz cehrs</code> for a mix of what I have.")


async def on_poll_answer(update: Update, context: CallbackContext) -> None:
    answer = update.poll_answer
    if answer is None or answer.user is None or not answer.option_ids:
        return  # an anonymous voter or a retracted vote: nothing to record
    db = services(context).db
    sent = await db.quiz.poll(answer.poll_id)
    if sent is None:
        adopted = await db.quiz.adopt_pending(answer.poll_id, answer.user.id)
        if adopted is not None:
            sent, sent_at = adopted
            await adopt_round(context.application, sent, sent_at)
    question = load_quiz_bank().by_id(sent.question_id) if sent else None
    if sent is None or question is None:
        log.info("poll_answer_ignored poll=%s", answer.poll_id)
        return
    cohort_id = sent.cohort_id
    if cohort_id is not None and not await db.cohorts.is_member(cohort_id, answer.user.id):
        cohort_id = None
    correct = answer.option_ids[0] == sent.correct_option
    await db.quiz.record_answer(answer.user.id, sent, question.domain, correct, cohort_id,
                                services(context).clock())


async def report_command(update: Update, context: CallbackContext) -> None:
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    reason = command_arguments(message.text).strip()
    quoted = message.reply_to_message
    sent = await services(context).db.quiz.poll(quoted.poll.id) \
        if quoted is not None and quoted.poll is not None else None
    if sent is None:
        await reply(update, "To report a question, reply to my quiz poll with "
                            "<code>/report</code> and what looks wrong, e.g. "
                            "<code>/report the answer key seems wrong</code>.")
        return
    if not reason:
        await reply(update, "Please add what looks wrong after /report, e.g. "
                            "<code>/report two options are both correct</code>.")
        return
    if len(reason) > MAX_REASON:
        await reply(update, f"Please keep the reason under {MAX_REASON} characters. "
                            "Nothing was saved.")
        return
    await services(context).db.quiz_flags.add(sent.question_id, update.effective_user.id, reason)
    log.info("quiz_flagged question=%s", sent.question_id)
    await reply(update, "Thank you — the question is flagged for review.")


class _AboutQuizPoll(filters.MessageFilter):
    """A text reply to one of the bot's quiz polls that asks about it ("why?")."""

    def filter(self, message: Message) -> bool:
        quoted = message.reply_to_message
        return (quoted is not None and quoted.poll is not None and quoted.poll.type == Poll.QUIZ
                and quoted.from_user is not None and quoted.from_user.id == message.get_bot().id
                and asks_about_question(message.text or ""))


async def on_question_about_poll(update: Update, context: CallbackContext) -> None:
    """The answer and the explanation of the poll replied to, once the asker may see them."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    quoted = message.reply_to_message
    assert quoted is not None and quoted.poll is not None
    db = services(context).db
    sent = await db.quiz.poll(quoted.poll.id)
    question = load_quiz_bank().by_id(sent.question_id) if sent else None
    if sent is None or question is None:
        await reply(update, "That poll is not one of my current questions, so I can't "
                            "explain it. /quiz gives a fresh one.")
        return
    if await db.rounds.is_open(sent.poll_id):
        await reply(update, "This question is still open — have a go first. I'll post the "
                            "answer and the explanation here when it closes.")
        return
    if is_private(update) and not await db.quiz.has_answered(update.effective_user.id,
                                                             sent.poll_id):
        await reply(update, "Pick an answer first: then Telegram shows the explanation, and I "
                            "can tell you more.")
        return
    await reply(update, f"✅ <b>Answer:</b> {escape(question.answer)}\n"
                        f"{escape(question.explanation)}\n<i>Source: {escape(question.source)}</i>")


async def validate_bank(app: Application) -> None:
    """Load (and so validate) the question bank at start-up: a broken bank stops the bot."""
    bank = load_quiz_bank()
    log.info("quiz_bank_loaded questions=%s domains=%s", len(bank.questions), len(bank.domains))


def register(app: Application) -> None:
    app.bot_data["services"].startup_hooks.append(validate_bank)
    app.add_handler(CommandHandler("quiz", quiz_command))
    app.add_handler(CommandHandler("report", report_command))
    app.add_handler(PollAnswerHandler(on_poll_answer))
    app.add_handler(CallbackQueryHandler(on_next_button, pattern=f"^{NEXT}"))
    # Before handlers.ask's free-text handlers (this module is registered earlier).
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
                                   & _AboutQuizPoll(), on_question_about_poll))
