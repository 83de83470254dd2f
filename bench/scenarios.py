"""Beyond the steady mix: a group quiz answered by 200 members within one second.

The members /join the group's cohort first (answers count for members only), one of them sends
/quiz, the 200 answers are pushed evenly over one second, and as soon as the bot has fetched
the last of them /leaderboard is sent. Checked: every answer is in the database with the right
verdict, and the leaderboard shows the places those answers give.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from bench.users import Crowd, Expectation, SimUser, correct_option
from bench.workload import Variant
from bot.fake_api.core import FakeTelegram
from db import Database
from knowledge.leaderboard import Score, rank

BURST_GROUP_ID = -1009000000000
BURST_FIRST_MEMBER = 800_000
BURST_MEMBERS = 200
BURST_WITHIN = 1.0
DELIVERY_TIMEOUT = 10.0


def _first(variants: list[Variant], expected: dict[str, Expectation], *,
           name_part: str) -> Variant | None:
    return next((v for v in variants if v.step.chat == "group" and name_part in v.step.name
                 and expected[v.key].replies > 0), None)


def _member(api: FakeTelegram, k: int, group: dict[str, Any]) -> SimUser:
    user = api.user(BURST_FIRST_MEMBER + k, f"Member{k:03d}")
    return SimUser(user, api.private_chat(user), group)


def expected_board(members: list[SimUser], right: set[int]) -> list[str]:
    """The all-time lines /leaderboard should show after the burst."""
    scores = [Score(m.user["id"], m.user["first_name"], 1, int(m.user["id"] in right), False)
              for m in members]
    return [f"{p.rank}. {p.name} — {p.correct} correct of {p.answered}" for p in rank(scores)]


async def recorded(database: Path, chat_id: int) -> tuple[int, int]:
    """(answers, right answers) that counted for the group's cohort, read from the database."""
    db = Database(database)
    await db.open()
    try:
        cohort = await db.cohorts.ensure(chat_id)
        scores = await db.cohorts.scores(cohort.id)
        return sum(s.answered for s in scores), sum(s.correct for s in scores)
    finally:
        await db.close()


async def quiz_burst(api: FakeTelegram, crowd: Crowd, expected: dict[str, Expectation],
                     variants: list[Variant], database: Path) -> dict[str, Any]:
    quiz = next((v for v in variants if v.step.chat == "group" and expected[v.key].has_poll),
                None)
    join = _first(variants, expected, name_part="/join")
    board = _first(variants, expected, name_part="leaderboard")
    if quiz is None or join is None or board is None:
        return {"ran": False, "why": "this build has no group /quiz poll, /join or /leaderboard"}
    group = api.group_chat(BURST_GROUP_ID, "Burst cohort")
    members = [_member(api, k, group) for k in range(BURST_MEMBERS)]
    for member in members:  # one by one: replies in the shared group go to the last sender
        crowd.adopt(member)
        if await crowd.send(member, crowd.update_for(member, join),
                            expected[join.key].replies) is None:
            return {"ran": False, "why": "a member got no answer to /join"}
    host = crowd.adopt(members[0])
    replies = await crowd.send(host, crowd.update_for(host, quiz), expected[quiz.key].replies)
    poll_call = next((c for c in replies or [] if c.method == "sendPoll"), None)
    if poll_call is None:
        return {"ran": False, "why": "the group /quiz sent no poll"}
    poll_id = poll_call.result["poll"]["id"]
    correct = correct_option(poll_call)
    options = len(poll_call.params["options"])
    right: set[int] = set()
    started = time.monotonic()
    last_update_id = 0
    for k, member in enumerate(members):
        option = correct if k % 3 else (correct + 1) % options
        if option == correct:
            right.add(member.user["id"])
        update = api.poll_answer_update(member.user, poll_id, [option])
        last_update_id = update["update_id"]
        api.push(update)
        await asyncio.sleep(max(0.0, started + BURST_WITHIN * (k + 1) / BURST_MEMBERS
                                - time.monotonic()))
    pushed_in = time.monotonic() - started
    deadline = time.monotonic() + DELIVERY_TIMEOUT
    while getattr(api, "delivered_update_id", last_update_id) < last_update_id \
            and time.monotonic() < deadline:
        await asyncio.sleep(0.005)
    board_replies = await crowd.send(host, crowd.update_for(host, board),
                                     expected[board.key].replies)
    shown = board_replies[-1].text if board_replies else ""
    all_time = shown.split("All time", 1)[-1]
    wanted = expected_board(members, right)
    board_ok = all(line in all_time for line in wanted)
    answers, right_answers = await recorded(database, BURST_GROUP_ID)
    deadline = time.monotonic() + DELIVERY_TIMEOUT
    while answers < BURST_MEMBERS and time.monotonic() < deadline:  # still being written?
        await asyncio.sleep(0.1)
        answers, right_answers = await recorded(database, BURST_GROUP_ID)
    return {
        "ran": True, "members": BURST_MEMBERS, "pushed_in_seconds": pushed_in,
        "recorded": answers, "recorded_right": right_answers, "right": len(right),
        "leaderboard_ok": board_ok,
        "correct": board_ok and answers == BURST_MEMBERS and right_answers == len(right),
        "summary": f"{answers}/{BURST_MEMBERS} answers recorded ({right_answers}/{len(right)} "
                   f"right); the leaderboard sent right after "
                   f"{'shows' if board_ok else 'does NOT show'} the expected places",
    }
