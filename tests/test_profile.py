"""The profile: text form, guided dialogue with buttons, validation, groups."""

from __future__ import annotations

from knowledge.profile import Certification, Education, Employer, Profile
from tests.harness import BotHarness, last_text, replies


async def test_text_form_saves_every_field_and_confirms(bot: BotHarness) -> None:
    calls = await bot.send(
        "/profile years=3 state=texas education=associate certs=CEHRS,rhit employer=hospital "
        "skills=epic,coding goal=manager"
    )
    text = last_text(calls)
    assert "Saved" in text and "Texas (TX)" in text and "3 years" in text
    stored = await bot.db.profiles.get(501)
    assert stored == Profile(
        years=3, state="TX", education=Education.ASSOCIATE,
        certs=frozenset({Certification.CEHRS, Certification.RHIT}), employer=Employer.HOSPITAL,
        skills=frozenset({"epic", "coding"}), goal="manager",
    )


async def test_invalid_value_rejects_the_whole_command(bot: BotHarness) -> None:
    await bot.send("/profile years=2 state=OH")
    text = last_text(await bot.send("/profile years=4 state=Narnia"))
    assert "Nothing was changed" in text and "US state code or name" in text
    assert await bot.db.profiles.get(501) == Profile(years=2, state="OH")


async def test_unknown_key_and_bad_syntax_name_what_is_accepted(bot: BotHarness) -> None:
    assert "keys: years, education" in last_text(await bot.send("/profile salary=100"))
    text = last_text(await bot.send("/profile hello there"))
    assert "key=value" in text and "Nothing was changed" in text
    assert "quote is not closed" in last_text(await bot.send('/profile state="New York'))
    assert await bot.db.profiles.get(501) is None


async def test_hostile_value_is_escaped_and_cut(bot: BotHarness) -> None:
    calls = await bot.send("/profile education=<b>" + "x" * 500)
    text = last_text(calls)
    assert "&lt;b&gt;" in text and len(text) < 1000


async def test_quoted_state_name(bot: BotHarness) -> None:
    await bot.send('/profile state="new york" years=0')
    assert await bot.db.profiles.get(501) == Profile(state="NY", years=0)


async def test_profile_without_arguments_shows_edit_buttons(bot: BotHarness) -> None:
    calls = await bot.send("/profile")
    shown = replies(calls)[-1]
    assert "Nothing is set yet" in shown.text
    assert "prof:edit:years:w" in shown.button_data()
    assert "prof:edit:state" in shown.button_data()


async def test_guided_dialogue_walks_every_field(bot: BotHarness) -> None:
    menu = replies(await bot.send("/profile"))[-1]
    message = bot.message_of(menu)
    step = replies(await bot.press("prof:edit:years:w", message=message))[-1]
    assert step.method == "editMessageText" and "Step 1 of 7" in step.text
    step = replies(await bot.send("4"))[-1]
    assert "Step 2 of 7" in step.text
    message = bot.message_of(step)
    step = replies(await bot.press("prof:set:education:bachelor:w", message=message))[-1]
    assert "Step 3 of 7" in step.text
    step = replies(await bot.press("prof:tog:certs:RHIT:w", message=message))[-1]
    assert "✅ RHIT" in [b["text"] for b in step.buttons()]
    step = replies(await bot.press("prof:done:certs:w", message=message))[-1]
    assert "Step 4 of 7" in step.text
    step = replies(await bot.send("Ohio"))[-1]
    assert "Step 5 of 7" in step.text
    message = bot.message_of(step)
    await bot.press("prof:set:employer:government:w", message=message)
    await bot.press("prof:done:skills:w", message=message)
    done = replies(await bot.press("prof:set:goal:analyst:w", message=message))[-1]
    assert "Profile saved" in done.text
    assert await bot.db.profiles.get(501) == Profile(
        years=4, state="OH", education="bachelor", certs=frozenset({"RHIT"}),
        employer="government", goal="analyst")


async def test_typed_value_that_is_invalid_asks_again(bot: BotHarness) -> None:
    await bot.press("prof:edit:years")
    text = last_text(await bot.send("lots"))
    assert "whole number from 0 to 50" in text
    await bot.send("7")
    assert (await bot.db.profiles.get(501)) == Profile(years=7)


async def test_cancel_leaves_the_dialogue(bot: BotHarness) -> None:
    await bot.press("prof:edit:state")
    assert "Left the editor" in last_text(await bot.send("/cancel"))
    assert "nothing to cancel" in last_text(await bot.send("/cancel"))
    assert await bot.db.profiles.get(501) is None


async def test_stale_or_forged_buttons_change_nothing(bot: BotHarness) -> None:
    for data in ("prof:set:education:phd", "prof:set:nope:1", "prof:bogus", "prof:tog:certs"):
        calls = await bot.press(data)
        answers = [c for c in calls if c.method == "answerCallbackQuery"]
        assert answers and "/profile" in answers[0].params["text"]
    assert await bot.db.profiles.get(501) is None


async def test_profile_in_a_group_only_offers_the_private_chat(bot: BotHarness) -> None:
    group = bot.api.group_chat(-100123)
    calls = await bot.send("/profile@ehr_coach_bot years=9", chat=group)
    shown = replies(calls)[-1]
    assert shown.chat_id == -100123
    assert shown.buttons()[0]["url"] == "https://t.me/ehr_coach_bot?start=profile"
    assert await bot.db.profiles.get(501) is None


async def test_a_stored_profile_never_shows_in_a_group(bot: BotHarness) -> None:
    await bot.send("/profile years=7 state=OH")
    group = bot.api.group_chat(-100123)
    menu = replies(await bot.send("/start", chat=group))[-1]
    assert "Ohio" not in menu.text and not [b for b in menu.buttons() if "callback_data" in b]
    # A menu button on an older group message opens the presser's private chat instead.
    pressed = await bot.press("menu:profile", message={**bot.message_of(menu), "reply_markup": {
        "inline_keyboard": [[{"text": "👤 My profile", "callback_data": "menu:profile"}]]}})
    assert [c.params.get("url") for c in pressed] == ["https://t.me/ehr_coach_bot?start=profile"]
    for calls in (await bot.send("/start@ehr_coach_bot profile", chat=group),
                  await bot.send("/profile", chat=group)):
        shown = replies(calls)[-1]
        assert "Ohio" not in shown.text and "7 years" not in shown.text
        assert shown.buttons()[0]["url"] == "https://t.me/ehr_coach_bot?start=profile"


async def test_deep_link_opens_the_profile(bot: BotHarness) -> None:
    await bot.send("/profile years=1")
    assert "1 year" in last_text(await bot.send("/start profile"))
