"""A broad scenario through the strict stand-in: every command in private chats, groups and a
forum topic, every button the bot offers (each pressed twice, as an impatient thumb does), quiz
polls answered, inline queries paged to their end, members leaving. Every call the bot makes is
checked against Bot API 10.3's published definitions and Telegram's refusals (the `bot` fixture
fails the test on any refused call); here the scenario also checks that it covered what it
claims, that a double tap never brings the apology, and that replies stay in their topic.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.fake_api import ApiCall
from handlers.commands import COMMANDS
from handlers.errors import APOLOGY
from handlers.rounds import RhythmJob
from tests.fake_clock import run_until, use_fake_clock
from tests.harness import BotHarness

USER = 501
GROUP_ID, FORUM_ID, TOPIC = -100901, -100902, 7
SHOWN = {"sendMessage", "sendPhoto", "sendPoll", "sendDocument"}
MAX_PRESSES = 400  # a crawl's presses
INLINE_QUERIES = ("rhit", "cehrs", "salary", "texas", "coding", "career", "exam", "ccs",
                  "epic", "medical records", "health information", "manager", "a", "x" * 60,
                  "нет", "<b>", "certification", "pay", "hospital", "remote")


def usages(private: bool) -> list[str]:
    """Each command as typed alone and, where it takes arguments, with its example."""
    chosen = [c for c in COMMANDS if (c.private if private else c.group)]
    return [f"/{c.name}" for c in chosen] + [c.usage for c in chosen if c.usage]


def kind(data: str) -> str:
    """A button's kind: its callback data up to the second colon ("prof:edit")."""
    return ":".join(data.split(":")[:2])


class Scenario:
    def __init__(self, bot: BotHarness) -> None:
        self.bot = bot
        self.api = bot.api
        self.user = bot.user(USER)
        self.kinds: set[str] = set()
        self.presses = 0

    def apologies(self, calls: list[ApiCall]) -> list[ApiCall]:
        return [c for c in calls if c.text == APOLOGY]

    async def double_tap(self, data: str, message: dict[str, Any],
                         user: dict[str, Any]) -> list[ApiCall]:
        """Press a button twice on the same message; the calls of both presses."""
        chat = message["chat"]
        calls = await self.bot.press(data, user=user, message=message, chat=chat)
        calls += await self.bot.press(data, user=user, message=message, chat=chat)
        assert not self.apologies(calls), (data, [c.method for c in calls])
        assert [c.method for c in calls].count("answerCallbackQuery") == 2, data
        self.kinds.add(kind(data))
        self.presses += 2
        return calls

    async def crawl(self, start: list[ApiCall], user: dict[str, Any],
                    skip: frozenset[str] = frozenset()) -> None:
        """Press every button reachable from the messages of `start`, each data once."""
        seen: set[str] = set()
        limit = self.presses + MAX_PRESSES
        todo = [(data, call.result) for call in start if isinstance(call.result, dict)
                for data in call.button_data()]
        while todo and self.presses < limit:
            data, message = todo.pop(0)
            if data in seen or kind(data) in skip:
                continue
            seen.add(data)
            for call in await self.double_tap(data, message, user):
                if isinstance(call.result, dict) and "message_id" in call.result:
                    todo += [(d, call.result) for d in call.button_data()]

    async def polls(self, calls: list[ApiCall], user: dict[str, Any]) -> None:
        for call in calls:
            if call.method == "sendPoll" and call.error is None:
                poll = call.result["poll"]
                await self.bot.feed(self.api.poll_answer_update(
                    user, poll["id"], poll.get("correct_option_ids", [0])[:1]))

    async def inline(self, query: str) -> int:
        """The query's pages, following next_offset until the bot sends none."""
        pages, offset = 0, ""
        while True:
            call = await self.bot.inline(query, user=self.user, offset=offset)
            pages += 1
            offset = call.params.get("next_offset", "")
            if not offset:
                return pages
            assert pages < 10, query


async def test_a_broad_scenario_stays_within_the_bot_api(bot: BotHarness) -> None:
    scenario, api = Scenario(bot), bot.api

    # Private chat: every command, then every button reachable from their replies.
    private: list[ApiCall] = []
    for text in usages(private=True):
        private += await bot.send(text, user=scenario.user)
    await scenario.polls(private, scenario.user)
    await scenario.crawl(private, scenario.user, skip=frozenset({"forget:yes"}))

    # A study group: the bot is added, an admin sets up the cohort, members join and answer.
    group = api.group_chat(GROUP_ID, "CEHRS study")
    admin, bea, eve = bot.user(601, "Ada"), bot.user(602, "Bea"), bot.user(603, "<Eve>")
    api.set_member_status(GROUP_ID, admin["id"], "administrator")
    await bot.feed(api.my_chat_member_update(admin, group, "left", "administrator"))
    grouped: list[ApiCall] = []
    for text in usages(private=False):
        grouped += await bot.send(text, user=admin, chat=group)
    for member in (bea, eve):
        grouped += await bot.send("/join", user=member, chat=group)
    await scenario.polls(grouped, bea)
    await scenario.crawl(grouped, bea)
    await bot.feed(api.chat_member_update(eve, group, eve, "member", "left"))

    # A forum: commands sent in a topic are answered in that topic, buttons there too.
    forum = api.forum_chat(FORUM_ID, topics=(TOPIC,))
    api.set_member_status(FORUM_ID, admin["id"], "administrator")
    await bot.feed(api.my_chat_member_update(admin, forum, "left", "administrator"))
    before = len(api.calls)
    in_topic: list[ApiCall] = []
    for text in usages(private=False):
        in_topic += await bot.send(text, user=admin, chat=forum, **api.in_topic(TOPIC))
    await scenario.crawl(in_topic, admin)
    shown_in_forum = [c for c in api.calls[before:]
                      if c.method in SHOWN and c.chat_id == FORUM_ID]
    assert shown_in_forum
    assert all(c.params.get("message_thread_id") == TOPIC for c in shown_in_forum), [
        (c.method, c.text[:40]) for c in shown_in_forum if "message_thread_id" not in c.params]

    # Both daily jobs (the private and the group question) fire; then the group becomes a
    # supergroup with a new id, and its cohort follows.
    await bot.send("/daily 08:00", user=scenario.user)
    await bot.send("/daily 18:00", user=admin, chat=group)
    assert bot.app.job_queue is not None
    jobs = bot.app.job_queue.jobs()
    assert len(jobs) >= 2
    before = len(api.calls)
    for job in jobs:
        if isinstance(job.data, RhythmJob):
            # A cohort's job posts what is due at its time: play the next day, so the group's
            # question comes whatever the hour the test runs at (a round closing may come first).
            use_fake_clock(bot, job.data.due)
            await run_until(bot, job.data.cohort_id, job.data.due + timedelta(days=1))
        else:
            await job.run(bot.app)
    assert {USER, GROUP_ID} <= {c.chat_id for c in api.calls[before:] if c.method == "sendPoll"}
    await bot.feed(api.update(message=api.message(admin, group,
                                                  migrate_to_chat_id=GROUP_ID - 1)))
    migrated = api.group_chat(GROUP_ID - 1, "CEHRS study")
    await scenario.polls(await bot.send("/quiz", user=bea, chat=migrated), bea)

    # Inline mode, every page of each query.
    pages = [await scenario.inline(query) for query in INLINE_QUERIES]

    # /forget's confirmation, pressed twice, is the last button: it deletes what came before.
    asked = await bot.send("/forget", user=scenario.user)
    await scenario.double_tap(next(d for d in asked[-1].button_data() if d.startswith(
        "forget:yes")), asked[-1].result, scenario.user)

    methods = {c.method for c in api.calls}
    assert api.outside_spec == [] and api.problems == []
    assert any(c.error and "not modified" in c.error for c in api.calls)  # taps were repeats
    assert {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPoll",
            "sendPhoto", "sendDocument", "answerCallbackQuery", "answerInlineQuery",
            "getChatMember"} <= methods, methods
    assert {"menu:profile", "prof:edit", "sal:st", "cert:show", "quiz:next",
            "forget:no", "forget:yes"} <= scenario.kinds, scenario.kinds
    assert scenario.presses >= 200 and max(pages) > 1
    assert len(api.calls) > 800, len(api.calls)


async def test_a_double_tap_on_next_question_asks_one_question(bot: BotHarness) -> None:
    calls = await bot.send("/quiz")
    poll = next(c for c in calls if c.method == "sendPoll")
    data = poll.button_data()[0]
    first = await bot.press(data, message=poll.result)
    second = await bot.press(data, message=poll.result)
    assert [c.method for c in first].count("sendPoll") == 1
    assert [c.method for c in second] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert second[-1].error is not None and "not modified" in second[-1].error
