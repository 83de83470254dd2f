"""Simulated users inside the stand-in's process: the probe, the closed loop and its samples.

Every update a user sends is pushed to the stand-in's getUpdates queue, and the time of the push
is its start; the bot's reply is the first call of a visible method (message, edit, photo,
poll...) addressed to one of that user's chats, seen through `FakeTelegram.listeners`. Each user
has a private chat and a group of its own, so the chat id tells whose reply it is; the answer to
an inline query is the user's by the query's id.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from bench.workload import Mix, Variant
from bot.fake_api.core import ApiCall, FakeTelegram, JsonDict

VISIBLE_METHODS = frozenset({
    "sendMessage", "editMessageText", "sendPhoto", "sendPoll", "editMessageCaption",
    "sendDocument", "editMessageReplyMarkup", "sendMediaGroup", "sendAnimation",
    "answerInlineQuery",
})
GROUP_ID_BASE = -1001000000000
PROBE_WAIT = 3.0
# The warming probe waits up to this long for a reply to each private free-text message (every
# bot answers those, the peers by echoing): the bot's first question waits for its free-text
# engine, built in the background from start-up on, and so do /ask and inline queries.
WARM_WAIT = 30.0
PROBE_SETTLE = 0.4
REPLY_TIMEOUT = 10.0


def _free_text(variant: Variant, bot_username: str) -> bool:
    """A private text message that is no command: a question, to the bot."""
    return (variant.step.chat == "private" and bool(variant.step.text)
            and not variant.content(bot_username).startswith("/"))


def correct_option(poll_call: ApiCall) -> int:
    """The right option of a quiz the bot sent (Bot API 9.6 sends a list of them)."""
    ids = poll_call.params.get("correct_option_ids")
    if isinstance(ids, list) and ids:
        return int(ids[0])
    return int(poll_call.params.get("correct_option_id", 0))


@dataclass
class SimUser:
    user: JsonDict
    private: JsonDict
    group: JsonDict


@dataclass
class Expectation:
    """What the probe saw for one variant: replies to its update, and to the quiz answer."""

    replies: int
    answer_replies: int = 0
    has_poll: bool = False


@dataclass
class _Waiter:
    wanted: int
    future: asyncio.Future[list[ApiCall]]
    calls: list[ApiCall] = field(default_factory=list)


@dataclass
class PhaseResult:
    """What one measured phase produced."""

    seconds: float
    updates: int
    latencies: dict[str, list[float]]
    missed: Counter[str]
    extra_replies: int
    cpu_seconds: float = 0.0
    requests: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"seconds": self.seconds, "updates": self.updates, "latencies": self.latencies,
                "missed": dict(self.missed), "extra_replies": self.extra_replies,
                "cpu_seconds": self.cpu_seconds, "requests": self.requests}


class Crowd:
    """The simulated users and the matching of the bot's calls to them."""

    def __init__(self, api: FakeTelegram, bot_username: str) -> None:
        self.api = api
        self.bot_username = bot_username
        self._owner: dict[int, int] = {}  # chat id -> user id
        self._inline_owner: dict[str, int] = {}  # inline query id -> user id
        self._waiters: dict[int, _Waiter] = {}
        self._seen: dict[int, list[ApiCall]] = defaultdict(list)  # recorded during the probe
        self.recording = False
        self.extra_replies = 0
        api.listeners.append(self._on_call)

    def make_user(self, user_id: int) -> SimUser:
        user = self.api.user(user_id, f"User{user_id}")
        group = self.api.group_chat(GROUP_ID_BASE - user_id, f"Study group {user_id}")
        return self.adopt(SimUser(user, self.api.private_chat(user), group))

    def adopt(self, sim: SimUser) -> SimUser:
        """Match replies in the user's private chat, and in its group, to this user."""
        self._owner[sim.private["id"]] = sim.user["id"]
        self._owner[sim.group["id"]] = sim.user["id"]
        return sim

    # ----- matching replies -------------------------------------------------------------------

    def _reply_owner(self, call: ApiCall) -> int | None:
        if call.method == "answerInlineQuery":
            return self._inline_owner.pop(str(call.params.get("inline_query_id")), None)
        return self._owner.get(call.chat_id) if call.chat_id is not None else None

    def _on_call(self, call: ApiCall) -> None:
        user_id = self._reply_owner(call) if call.method in VISIBLE_METHODS else None
        if user_id is None:
            return
        if self.recording:
            self._seen[user_id].append(call)
        waiter = self._waiters.get(user_id)
        if waiter is None or waiter.future.done():
            self.extra_replies += 0 if self.recording else 1
            return
        waiter.calls.append(call)
        if len(waiter.calls) >= waiter.wanted:
            waiter.future.set_result(waiter.calls)

    async def send(self, sim: SimUser, update: JsonDict, wanted: int) -> list[ApiCall] | None:
        """Push an update; wait for `wanted` replies (None on time-out). Returns at once for 0."""
        if wanted == 0:
            self.api.push(update)
            return []
        waiter = _Waiter(wanted, asyncio.get_running_loop().create_future())
        self._waiters[sim.user["id"]] = waiter
        self.api.push(update)
        try:
            return await asyncio.wait_for(waiter.future, REPLY_TIMEOUT)
        except TimeoutError:
            return None
        finally:
            self._waiters.pop(sim.user["id"], None)

    # ----- building updates -------------------------------------------------------------------

    def update_for(self, sim: SimUser, variant: Variant) -> JsonDict:
        content = variant.content(self.bot_username)
        chat = sim.group if variant.step.chat == "group" else sim.private
        if variant.step.press:
            return self.api.callback_update(sim.user, content, chat=chat)
        if variant.step.inline:
            update = self.api.inline_query_update(sim.user, content)
            self._inline_owner[update["inline_query"]["id"]] = sim.user["id"]
            return update
        return self.api.text_update(sim.user, content, chat)

    def answer_for(self, sim: SimUser, replies: list[ApiCall], rng: random.Random) -> \
            JsonDict | None:
        """A quiz answer to the poll among `replies` (right two times in three)."""
        for call in replies:
            if call.method == "sendPoll" and isinstance(call.result, dict):
                poll = call.result["poll"]
                correct = correct_option(call)
                option = correct if rng.random() < 2 / 3 else \
                    rng.randrange(len(poll["options"]))
                return self.api.poll_answer_update(sim.user, poll["id"], [option])
        return None

    # ----- the probe --------------------------------------------------------------------------

    async def _replied(self, user_ids: list[int]) -> None:
        """Until each of these users has a reply, or WARM_WAIT."""
        deadline = time.monotonic() + WARM_WAIT
        while not all(self._seen[u] for u in user_ids) and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    async def _settle(self, user_ids: list[int]) -> None:
        """Wait until replies stop coming: PROBE_SETTLE quiet after the last, or PROBE_WAIT."""
        start = time.monotonic()
        last_count, last_change = -1, start
        while time.monotonic() - start < PROBE_WAIT:
            count = sum(len(self._seen[u]) for u in user_ids)
            now = time.monotonic()
            if count != last_count:
                last_count, last_change = count, now
            answered = all(self._seen[u] for u in user_ids)
            if (answered or now - start > 1.0) and now - last_change >= PROBE_SETTLE:
                return
            await asyncio.sleep(0.02)

    async def probe(self, variants: list[Variant], first_user_id: int,
                    rng: random.Random, warm: bool = False) -> dict[str, Expectation]:
        """Send every variant once, from a user of its own, and count the replies it gets;
        `warm`: first wait (up to WARM_WAIT) for the replies to private free text."""
        sims = [self.make_user(first_user_id + i) for i in range(len(variants))]
        self.recording = True
        try:
            for sim, variant in zip(sims, variants, strict=True):
                self.api.push(self.update_for(sim, variant))
            if warm:
                await self._replied([s.user["id"] for s, v in zip(sims, variants, strict=True)
                                     if _free_text(v, self.bot_username)])
            await self._settle([s.user["id"] for s in sims])
            found: dict[str, Expectation] = {}
            answered: list[tuple[SimUser, Variant]] = []
            for sim, variant in zip(sims, variants, strict=True):
                seen = self._seen.pop(sim.user["id"], [])
                found[variant.key] = Expectation(replies=len(seen))
                if variant.step.answer_poll:
                    answer = self.answer_for(sim, seen, rng)
                    if answer is not None:
                        found[variant.key].has_poll = True
                        self.api.push(answer)
                        answered.append((sim, variant))
            if answered:
                await self._settle([s.user["id"] for s, _ in answered])
                for sim, variant in answered:
                    found[variant.key].answer_replies = len(self._seen.pop(sim.user["id"], []))
            return found
        finally:
            self.recording = False
            self._seen.clear()

    # ----- the closed loop --------------------------------------------------------------------

    async def _user_loop(self, sim: SimUser, mix: Mix, expected: dict[str, Expectation],
                         until: float, think: float, rng: random.Random,
                         result: PhaseResult, stop: asyncio.Event | None) -> None:
        while time.monotonic() < until and not (stop is not None and stop.is_set()):
            if think > 0:  # a pause first too, so that users do not all start at once
                await asyncio.sleep(rng.expovariate(1 / think))
            variant = mix.pick()
            expectation = expected[variant.key]
            pushed = time.monotonic()
            replies = await self.send(sim, self.update_for(sim, variant), expectation.replies)
            result.updates += 1
            if replies is None:
                result.missed[variant.step.name] += 1
                continue
            if expectation.replies:
                result.latencies[variant.step.name].append(replies[-1].at - pushed)
            answer = self.answer_for(sim, replies, rng) if expectation.has_poll else None
            if answer is not None:
                name = f"{variant.step.name} (the answer)"
                pushed = time.monotonic()
                answer_replies = await self.send(sim, answer, expectation.answer_replies)
                result.updates += 1
                if answer_replies is None:
                    result.missed[name] += 1
                elif expectation.answer_replies:
                    result.latencies[name].append(answer_replies[-1].at - pushed)

    async def run_phase(self, sims: list[SimUser], mix: Mix, expected: dict[str, Expectation],
                        seconds: float, think: float, rng: random.Random,
                        stop: asyncio.Event | None = None) -> PhaseResult:
        """Every user loops until `seconds` have passed (or `stop` is set), then finishes its
        current step."""
        result = PhaseResult(0.0, 0, defaultdict(list), Counter(), 0)
        self.extra_replies = 0
        started, cpu_started = time.monotonic(), time.process_time()
        requests_before = getattr(self.api, "requests", 0)
        until = started + seconds
        await asyncio.gather(*(
            self._user_loop(sim, mix, expected, until, think, random.Random(rng.random()), result,
                            stop)
            for sim in sims))
        result.seconds = time.monotonic() - started
        result.cpu_seconds = time.process_time() - cpu_started
        result.requests = getattr(self.api, "requests", 0) - requests_before
        result.extra_replies = self.extra_replies
        return result
