"""Sending one quiz poll and remembering which question it carries."""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from datetime import datetime

from telegram import Bot, InlineKeyboardMarkup, Message, Poll

from db import Database
from db.quiz import SentPoll
from knowledge.practice import domain_weights, pick_question, shuffle_options
from knowledge.quiz_bank import QuizQuestion, load_quiz_bank

log = logging.getLogger(__name__)

_rng = random.Random()


async def send_quiz(bot: Bot, db: Database, chat_id: int, pool: Sequence[QuizQuestion],
                    asked: Mapping[str, int], *, cohort_id: int | None, at: datetime,
                    open_period: int | None = None,
                    markup: InlineKeyboardMarkup | None = None,
                    thread_id: int | None = None) -> Message | None:
    """Post one quiz poll (options shuffled) and remember which question it carries.

    None when the pool has no questions (a domain the bank does not cover yet). Without an
    `open_period` the poll stays open until the bot stops it (a cohort's round).
    """
    if not pool:
        log.info("quiz_pool_empty chat=%s", chat_id)
        return None
    bank = load_quiz_bank()
    question = pick_question(pool, asked, domain_weights(bank), _rng)
    shuffled = shuffle_options(question.options, question.correct, _rng)
    # Recorded before the poll leaves: a crash before its id is stored cannot orphan answers.
    pending = await db.quiz.record_pending(question.id, chat_id, shuffled.correct, cohort_id,
                                           private=cohort_id is None)
    message = await bot.send_poll(
        chat_id, question.question, list(shuffled.options), type=Poll.QUIZ,
        is_anonymous=False, correct_option_ids=[shuffled.correct],
        explanation=question.explanation, open_period=open_period, reply_markup=markup,
        message_thread_id=thread_id,
    )
    assert message.poll is not None
    await db.quiz.record_poll(SentPoll(message.poll.id, question.id, chat_id,
                                       message.message_id, shuffled.correct, cohort_id),
                              private=cohort_id is None, at=at, pending_id=pending)
    log.info("quiz_sent chat=%s question=%s", chat_id, question.id)
    return message
