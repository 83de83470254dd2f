"""The local chat plays a cohort alone: `/as Sam` switches members, `/reply` and `/mention`."""

from __future__ import annotations

import io
from pathlib import Path

from bot.local_chat import GROUP_CHAT_ID, LOCAL_USER_ID, LocalChat
from bot.local_members import FIRST_SIMULATED_ID
from tests.harness import BotHarness


async def test_a_newcomer_plays_a_cohort_with_simulated_members(bot: BotHarness,
                                                                tmp_path: Path) -> None:
    out = io.StringIO()
    chat = LocalChat(bot.app, bot.api, out, group=True, files_dir=tmp_path, echo_input=True)
    await chat.greet_group()
    await chat.handle("/join")
    await chat.handle("/as Sam")
    assert f"(you are now Sam, id {FIRST_SIMULATED_ID})" in out.getvalue()
    await chat.handle("/join")
    await chat.handle("/as")
    assert "(members: Alex, Sam)" in out.getvalue()
    cohort = await bot.db.cohorts.for_chat(GROUP_CHAT_ID)
    assert cohort is not None
    assert {m.user_id for m in await bot.db.cohorts.members(cohort.id)} == {
        LOCAL_USER_ID, FIRST_SIMULATED_ID}
    # Sam is not an administrator: settings are refused for Sam, allowed for Alex.
    await chat.handle("/cohort name=Sams")
    assert "Only the group's admins" in out.getvalue()
    await chat.handle("/quiz")
    await chat.handle("1")  # Sam votes
    await chat.handle("/reply why?")
    assert "still open" in out.getvalue()
    answers = await bot.db.user_data.export(FIRST_SIMULATED_ID)
    assert len(answers["quiz_answers"]) == 1
    # A mention in the group reaches the bot as a question.
    bot.api.clear()
    await chat.handle("/mention what is rhit")
    assert [c.chat_id for c in bot.api.calls_to("sendMessage")] == [GROUP_CHAT_ID]
    await chat.handle("/as Alex")
    await chat.handle("/cohort name=Alexs")
    assert (await bot.db.cohorts.for_chat(GROUP_CHAT_ID)).name == "Alexs"  # type: ignore[union-attr]
    await chat.handle("/as not a name")
    assert "(a member's name is one word" in out.getvalue()
