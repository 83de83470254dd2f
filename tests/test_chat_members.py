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


async def test_the_bot_restricted_out_of_the_group_archives_its_cohort(bot: BotHarness) -> None:
    # Restricted and no longer a member: out of the group, as for members (handlers.members).
    group, people = await setup_cohort(bot)
    update = bot.api.my_chat_member_update(people["admin"], group, "member", "restricted")
    update["my_chat_member"]["new_chat_member"]["is_member"] = False
    await bot.feed(update)
    assert await bot.db.cohorts.for_chat(GROUP_ID) is None
    # Restricted but still in it: the cohort goes on.
    group2 = bot.api.group_chat(GROUP_ID - 1, "Other")
    await bot.feed(bot.api.my_chat_member_update(people["admin"], group2, "left", "member"))
    await bot.feed(bot.api.my_chat_member_update(people["admin"], group2, "member",
                                                 "restricted"))
    assert await bot.db.cohorts.for_chat(GROUP_ID - 1) is not None
