"""The stand-in's chat members: full objects for every status, as python-telegram-bot reads them."""

from __future__ import annotations

import pytest
from telegram import (
    ChatMember,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
    ChatMemberRestricted,
    Update,
)

from bot.fake_api import FakeTelegram
from bot.fake_api.members import chat_member

KINDS = {"creator": ChatMemberOwner, "administrator": ChatMemberAdministrator,
         "member": ChatMemberMember, "restricted": ChatMemberRestricted,
         "left": ChatMemberLeft, "kicked": ChatMemberBanned}


@pytest.mark.parametrize("status", sorted(KINDS))
def test_every_status_is_a_complete_member(status: str) -> None:
    user = {"id": 5, "is_bot": False, "first_name": "Sam"}
    member = ChatMember.de_json(chat_member(user, status), None)
    assert isinstance(member, KINDS[status]) and member.user.first_name == "Sam"


def test_chat_member_updates_need_no_added_fields_and_move_the_status() -> None:
    api = FakeTelegram()
    group = api.group_chat(-100, "Group")
    admin, sam = api.user(1, "Ada"), api.user(2, "Sam")
    update = Update.de_json(api.chat_member_update(admin, group, sam, "member", "administrator"),
                            None)
    assert update.chat_member is not None
    assert isinstance(update.chat_member.new_chat_member, ChatMemberAdministrator)
    assert api.chat_members[(-100, 2)] == "administrator"
    kicked = Update.de_json(api.my_chat_member_update(admin, group, "member", "kicked"), None)
    assert isinstance(kicked.my_chat_member.new_chat_member, ChatMemberBanned)  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="not a chat member status"):
        chat_member(sam, "owner")
