"""Chat members as Telegram sends them: every field each status requires, so updates and
getChatMember answers need no hand-added fields (python-telegram-bot rejects a member without
them, and so would a strict client)."""

from __future__ import annotations

import time
from typing import Any

JsonDict = dict[str, Any]

_ADMIN_RIGHTS = ("can_manage_chat", "can_change_info", "can_delete_messages",
                 "can_invite_users", "can_restrict_members", "can_pin_messages",
                 "can_manage_video_chats", "can_post_stories", "can_edit_stories",
                 "can_delete_stories")
_MEMBER_RIGHTS = ("can_send_messages", "can_send_audios", "can_send_documents",
                  "can_send_photos", "can_send_videos", "can_send_video_notes",
                  "can_send_voice_notes", "can_send_polls", "can_send_other_messages",
                  "can_add_web_page_previews", "can_change_info", "can_invite_users",
                  "can_pin_messages", "can_manage_topics", "can_edit_tag",
                  "can_react_to_messages")


def chat_member(user: JsonDict, status: str) -> JsonDict:
    """The ChatMember object for `user` with `status` (creator, administrator, member,
    restricted, left or kicked), with the fields Telegram always sends for it."""
    member: JsonDict = {"status": status, "user": user}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(can_be_edited=False, is_anonymous=False, can_promote_members=False,
                      **dict.fromkeys(_ADMIN_RIGHTS, True))
    elif status == "restricted":
        member.update(is_member=True, until_date=0, **dict.fromkeys(_MEMBER_RIGHTS, False))
    elif status == "kicked":
        member["until_date"] = 0
    elif status not in {"member", "left"}:
        raise ValueError(f"not a chat member status: {status!r}")
    return member


def chat_member_updated(actor: JsonDict, chat: JsonDict, user: JsonDict, old: str,
                        new: str) -> JsonDict:
    """A ChatMemberUpdated: `actor` changed `user`'s status in `chat` from `old` to `new`."""
    return {"chat": chat, "from": actor, "date": int(time.time()),
            "old_chat_member": chat_member(user, old), "new_chat_member": chat_member(user, new)}
