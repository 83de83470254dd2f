"""Scenarios beyond the steady mix: a group quiz answered by 200 members within one second."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.users import Crowd, Expectation
from bench.workload import Variant
from bot.fake_api.core import FakeTelegram

BURST_HOST_ID = 800_000
BURST_MEMBERS = 200
BURST_WITHIN = 1.0
BURST_SETTLE = 5.0


def _first(variants: list[Variant], expected: dict[str, Expectation], *, poll: bool,
           name_part: str = "") -> Variant | None:
    for variant in variants:
        found = expected[variant.key]
        if variant.step.chat == "group" and name_part in variant.step.name \
                and (found.has_poll if poll else found.replies > 0):
            return variant
    return None


async def quiz_burst(api: FakeTelegram, crowd: Crowd, expected: dict[str, Expectation],
                     variants: list[Variant]) -> dict[str, Any]:
    """A group quiz, BURST_MEMBERS answers within BURST_WITHIN seconds, then the leaderboard."""
    quiz = _first(variants, expected, poll=True)
    board = _first(variants, expected, poll=False, name_part="leaderboard")
    if quiz is None or board is None:
        return {"ran": False,
                "why": "this build has no group quiz poll or no /leaderboard reply"}
    host = crowd.make_user(BURST_HOST_ID)
    replies = await crowd.send(host, crowd.update_for(host, quiz), expected[quiz.key].replies)
    poll_call = next((c for c in replies or [] if c.method == "sendPoll"), None)
    if poll_call is None:
        return {"ran": False, "why": "the group /quiz sent no poll this time"}
    poll_id = poll_call.result["poll"]["id"]
    correct = int(poll_call.params.get("correct_option_id", 0))
    options = len(poll_call.params["options"])
    right: list[int] = []
    started = time.monotonic()
    last_update_id = 0
    for k in range(BURST_MEMBERS):
        member = api.user(BURST_HOST_ID + 1 + k, f"Member{k}")
        option = correct if k % 3 else (correct + 1) % options
        if option == correct:
            right.append(member["id"])
        update = api.poll_answer_update(member, poll_id, [option])
        last_update_id = update["update_id"]
        api.push(update)
        await asyncio.sleep(max(0.0, started + BURST_WITHIN * (k + 1) / BURST_MEMBERS
                                - time.monotonic()))
    pushed_in = time.monotonic() - started
    deadline = time.monotonic() + BURST_SETTLE
    while getattr(api, "delivered_update_id", last_update_id) < last_update_id \
            and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    board_replies = await crowd.send(host, crowd.update_for(host, board),
                                     expected[board.key].replies)
    text = board_replies[-1].text if board_replies else ""
    return {"ran": True, "members": BURST_MEMBERS, "pushed_in_seconds": pushed_in,
            "right": len(right), "poll_id": poll_id, "leaderboard": text,
            "leaderboard_seconds": time.monotonic() - started}
