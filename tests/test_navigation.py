"""Navigation without dead ends, end to end: every menu page has a way back to the menu, the
profile leads to the estimate, a private quiz answer leads to the next question, /career leads
to the next certification and the side paths, /help names the group features; and advice that
uses the whole profile (held certifications, education, years, goal) with a matching reason."""

from __future__ import annotations

import pytest

from handlers.commands import COMMANDS
from tests.harness import BotHarness, last_text, replies
from tests.test_quiz import answer, poll_of

MENU_PAGES = ("menu:profile", "menu:salary", "menu:certify", "menu:career", "menu:steps")


@pytest.mark.parametrize("page", MENU_PAGES)
@pytest.mark.parametrize("with_profile", [False, True])
async def test_every_menu_page_leads_back_to_the_menu(bot: BotHarness, page: str,
                                                      with_profile: bool) -> None:
    if with_profile:
        await bot.send("/profile years=3 state=TX")
    menu = replies(await bot.send("/start"))[-1]
    assert page in menu.button_data()
    shown = [c for c in replies(await bot.press(page, message=bot.message_of(menu)))
             if c.method in {"sendMessage", "editMessageText"}][-1]
    assert "menu:main" in shown.button_data(), (page, shown.button_data())
    back = replies(await bot.press("menu:main", message=bot.message_of(shown)))[-1]
    assert back.method == "editMessageText" and "EHR Career Coach" in back.text
    assert back.button_data() == menu.button_data()


@pytest.mark.parametrize("command", ["/profile", "/salary", "/certify", "/certify RHIT",
                                     "/career", "/steps"])
async def test_pages_opened_by_command_have_a_way_back_too(bot: BotHarness, command: str) -> None:
    await bot.send("/profile years=3")
    shown = [c for c in replies(await bot.send(command)) if c.method == "sendMessage"][-1]
    assert "menu:main" in shown.button_data(), command


async def test_after_the_guided_setup_a_see_my_estimate_button(bot: BotHarness) -> None:
    calls = await bot.press("prof:edit:years:w")
    message = bot.message_of(replies(calls)[-1])
    await bot.press("prof:set:years:3:w", message=message)
    for key in ("education", "certs", "state", "employer", "skills"):
        calls = await bot.press(f"prof:done:{key}:w", message=message)
    done = replies(await bot.press("prof:done:goal:w", message=message))[-1]
    assert "Profile saved ✅" in done.text and "sal:me" in done.button_data()
    calls = await bot.press("sal:me", message=bot.message_of(done))
    assert "Your salary estimate" in next(c.text for c in replies(calls)
                                          if c.method == "editMessageText")
    assert any(c.method == "sendPhoto" for c in calls)


async def test_the_profile_offers_the_estimate_once_something_is_set(bot: BotHarness) -> None:
    assert "sal:me" not in replies(await bot.send("/profile"))[-1].button_data()
    assert "sal:me" in replies(await bot.send("/profile years=2"))[-1].button_data()
    assert "sal:me" in replies(await bot.send("/profile"))[-1].button_data()


async def test_a_private_quiz_answer_is_followed_by_a_next_question(bot: BotHarness) -> None:
    poll = poll_of(await bot.send("/quiz"))
    next_data = [d for d in poll.button_data() if d.startswith("quiz:next:")]
    assert next_data, poll.button_data()
    await answer(bot, poll, right=True)
    following = poll_of(await bot.press(next_data[0], message=bot.message_of(poll)))
    assert following.params["question"] != poll.params["question"]


async def test_career_buttons_lead_to_the_next_certification_and_the_side_paths(
        bot: BotHarness) -> None:
    await bot.send("/profile years=3 education=associate certs=CEHRS state=TX")
    message = replies(await bot.send("/career"))[-1]
    assert "Next certification for you: RHIT" in message.text
    buttons = {b["text"]: b["callback_data"] for b in message.buttons()}
    assert buttons["🎓 Next for you: RHIT"] == "cert:show:RHIT"
    detail = last_text(await bot.press("cert:show:RHIT", message=bot.message_of(message)))
    assert "Registered Health Information Technician" in detail
    side = replies(await bot.press(buttons["↪️ EHR trainer"], message=bot.message_of(message)))[-1]
    assert side.method == "editMessageText" and "<b>EHR trainer</b>" in side.text
    assert "CEHRS" in side.text and "/profile goal=trainer" in side.text
    assert side.button_data() == ["menu:career", "menu:main"]
    back = replies(await bot.press("menu:career", message=bot.message_of(side)))[-1]
    assert "you are here" in back.text


async def test_a_stale_side_path_button_is_answered(bot: BotHarness) -> None:
    calls = await bot.press("car:side:astronaut")
    answers = [c for c in calls if c.method == "answerCallbackQuery"]
    assert "/career" in answers[0].params["text"] and not replies(calls)


async def test_help_lists_the_group_features_in_private(bot: BotHarness) -> None:
    text = last_text(await bot.send("/help"))
    assert "<b>In a group</b>" in text
    for command in COMMANDS:
        if command.group and not command.private:
            assert f"/{command.name} — " in text
    assert "cohort" in text and "/leaderboard" in text


# --- Advice that uses the whole profile ------------------------------------------------------

async def test_a_cehrs_holder_is_not_told_to_earn_cehrs(bot: BotHarness) -> None:
    await bot.send("/profile years=3 education=associate certs=CEHRS state=TX")
    career = last_text(await bot.send("/career"))
    assert "CEHRS or RHIT" not in career
    assert "Next certification for you: RHIT</b> — RHIT is the recognised technician" in career
    certify = last_text(await bot.send("/certify"))
    assert "Next for you: RHIT" in certify


async def test_a_students_advice_gives_the_reason_for_what_it_recommends(
        bot: BotHarness) -> None:
    await bot.send("/profile years=0 education=high_school state=FL")
    text = last_text(await bot.send("/certify"))
    assert "Next for you: CCA" in text
    assert "Next on the main EHR path is CEHRS" in text and "not open to you yet" in text
    assert "Open to you now: CCA." in text and "coding" in text.split("Open to you now: CCA.")[1]
    career = last_text(await bot.send("/career"))
    assert "certificate or associate program" in career  # the education step a student lacks


async def test_the_goal_shapes_the_advice(bot: BotHarness) -> None:
    await bot.send("/profile years=6 education=bachelor certs=RHIT goal=manager")
    text = last_text(await bot.send("/career"))
    assert "Next certification for you: RHIA</b> — Health information managers" in text
    assert "bachelor's degree" not in text.split("Side paths")[0]  # already has one
    await bot.send("/profile goal=director education=bachelor certs=RHIT,RHIA")
    text = last_text(await bot.send("/career"))
    assert "master's degree" in text and "Next certification for you: CPHIMS" in text
