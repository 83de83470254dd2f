"""A member who leaves a study group, or is removed from it, leaves the group's cohort.

Telegram sends these `chat_member` updates only to a bot that administers the group and asks
for them (bot.app.ALLOWED_UPDATES); without them a departed member stays listed until /leave.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, ChatMemberRestricted, Update
from telegram.ext import Application, CallbackContext, ChatMemberHandler

from handlers.deps import services

log = logging.getLogger(__name__)


def is_present(member: ChatMember) -> bool:
    """In the chat: an owner, administrator or member, or restricted but still a member."""
    if isinstance(member, ChatMemberRestricted):
        return member.is_member
    return member.status in {ChatMember.OWNER, ChatMember.ADMINISTRATOR, ChatMember.MEMBER}


async def on_chat_member(update: Update, context: CallbackContext) -> None:
    change = update.chat_member
    if change is None or is_present(change.new_chat_member) \
            or not is_present(change.old_chat_member):
        return
    db = services(context).db
    cohort = await db.cohorts.for_chat(change.chat.id)
    if cohort is not None and await db.cohorts.leave(cohort.id, change.new_chat_member.user.id):
        log.info("member_left cohort=%s", cohort.id)


def register(app: Application) -> None:
    app.add_handler(ChatMemberHandler(on_chat_member, ChatMemberHandler.CHAT_MEMBER))
