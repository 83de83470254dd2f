"""Members who leave a study group leave its cohort (chat_member updates)."""

from __future__ import annotations

from bot.app import ALLOWED_UPDATES
from tests.harness import BotHarness
from tests.test_cohort import GROUP_ID, setup_cohort


async def _member_ids(bot: BotHarness) -> set[int]:
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None
    return {score.user_id for score in await bot.db.cohorts.scores(cohort.id)}


async def test_a_member_who_leaves_or_is_removed_leaves_the_cohort(bot: BotHarness) -> None:
    assert "chat_member" in ALLOWED_UPDATES
    group, people = await setup_cohort(bot)
    assert await _member_ids(bot) == {601, 602, 603}
    calls = await bot.feed(bot.api.chat_member_update(people["bea"], group, people["bea"],
                                                      "member", "left"))
    assert calls == []  # nothing is said in the group
    await bot.feed(bot.api.chat_member_update(people["admin"], group, people["eve"],
                                              "member", "kicked"))
    assert await _member_ids(bot) == {601}


async def test_other_member_changes_keep_the_cohort_as_it_is(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    for old, new in (("member", "administrator"), ("left", "member"), ("kicked", "left")):
        await bot.feed(bot.api.chat_member_update(people["admin"], group, people["bea"], old, new))
    await bot.feed(bot.api.chat_member_update(people["admin"], group, people["zed"],
                                              "member", "left"))  # never joined the cohort
    assert await _member_ids(bot) == {601, 602, 603}
