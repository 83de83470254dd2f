"""Beyond the steady mix: a group quiz answered by 200 members within two seconds, while 50
other users chat with the bot.

The members /join the group's cohort first (answers count for members only), one of them sends
/quiz, then the 200 answers are pushed evenly over two seconds while 50 users go through the
usual mix with their usual pauses. Measured: the time from the first answer until all 200 are
in the database, and the chatting users' latency until then. Checked: every answer is stored
with the right verdict, and the /leaderboard sent afterwards shows the places they give.
"""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from typing import Any

from bench.users import Crowd, Expectation, PhaseResult, SimUser, correct_option
from bench.workload import Mix, Variant
from bot.fake_api.core import FakeTelegram
from db import Database
from knowledge.leaderboard import Score, rank

BURST_GROUP_ID = -1009000000000
BURST_FIRST_MEMBER = 800_000
BURST_MEMBERS = 200
BURST_WITHIN = 2.0
BURST_CHATTERS = 50
CHATTER_FIRST_ID = 700_000
STORE_TIMEOUT = 15.0
STORE_POLL = 0.01


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


async def _stored(db: Database, cohort_id: int) -> tuple[int, int]:
    """(answers, right answers) that counted for the cohort, read from the database."""
    scores = await db.cohorts.scores(cohort_id)
    return sum(s.answered for s in scores), sum(s.correct for s in scores)


async def _all_stored(db: Database, cohort_id: int, started: float) -> float | None:
    """Seconds from `started` until every answer is in the database; None if they never are."""
    while time.monotonic() - started < STORE_TIMEOUT:
        answers, _ = await _stored(db, cohort_id)
        if answers >= BURST_MEMBERS:
            return time.monotonic() - started
        await asyncio.sleep(STORE_POLL)
    return None


async def _push_answers(api: FakeTelegram, members: list[SimUser], poll_call: Any,
                        started: float) -> set[int]:
    """Every member answers, evenly over BURST_WITHIN seconds, two in three rightly; the ids of
    those who answered rightly."""
    poll_id = poll_call.result["poll"]["id"]
    correct = correct_option(poll_call)
    options = len(poll_call.params["options"])
    right: set[int] = set()
    for k, member in enumerate(members):
        option = correct if k % 3 else (correct + 1) % options
        if option == correct:
            right.add(member.user["id"])
        api.push(api.poll_answer_update(member.user, poll_id, [option]))
        await asyncio.sleep(max(0.0, started + BURST_WITHIN * (k + 1) / BURST_MEMBERS
                                - time.monotonic()))
    return right


async def quiz_burst(api: FakeTelegram, crowd: Crowd, expected: dict[str, Expectation],
                     variants: list[Variant], mix: Mix, sims: list[SimUser], think: float,
                     database: Path, rng: random.Random) -> dict[str, Any]:
    """The burst, with the first BURST_CHATTERS of `sims` (more made if needed) chatting."""
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
    chatters = sims[:BURST_CHATTERS] + [crowd.make_user(CHATTER_FIRST_ID + i)
                                        for i in range(BURST_CHATTERS - len(sims))]
    db = Database(database)
    await db.open()
    try:
        cohort = await db.cohorts.ensure(BURST_GROUP_ID)
        stop = asyncio.Event()
        chatting = asyncio.create_task(
            crowd.run_phase(chatters, mix, expected, STORE_TIMEOUT, think, rng, stop))
        started = time.monotonic()
        storing = asyncio.create_task(_all_stored(db, cohort.id, started))
        right = await _push_answers(api, members, poll_call, started)
        pushed_in = time.monotonic() - started
        stored_in = await storing
        stop.set()
        chat: PhaseResult = await chatting
        board_replies = await crowd.send(host, crowd.update_for(host, board),
                                         expected[board.key].replies)
        answers, right_answers = await _stored(db, cohort.id)
    finally:
        await db.close()
    shown = board_replies[-1].text if board_replies else ""
    board_ok = all(line in shown.split("All time", 1)[-1]
                   for line in expected_board(members, right))
    return {
        "ran": True, "members": BURST_MEMBERS, "within": BURST_WITHIN,
        "chatters": len(chatters), "pushed_in_seconds": pushed_in,
        "stored_in_seconds": stored_in, "chat": chat.as_dict(),
        "recorded": answers, "recorded_right": right_answers, "right": len(right),
        "leaderboard_ok": board_ok,
        "correct": board_ok and answers == BURST_MEMBERS and right_answers == len(right),
        "summary": f"{answers}/{BURST_MEMBERS} answers recorded ({right_answers}/{len(right)} "
                   f"right); the leaderboard sent right after "
                   f"{'shows' if board_ok else 'does NOT show'} the expected places",
    }
