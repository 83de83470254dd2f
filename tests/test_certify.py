"""/certify through the Bot API stand-in: list, detail, compare, personal advice, groups."""

from __future__ import annotations

from tests.harness import BotHarness, last_text, replies


async def test_list_without_profile_offers_setup(bot: BotHarness) -> None:
    message = replies(await bot.send("/certify"))[0]
    for code in ("CEHRS", "RHIT", "RHIA", "CCA", "CCS", "CPC", "CHDA", "CAHIMS", "CPHIMS"):
        assert f"<b>{code}</b>" in message.text
        assert f"cert:show:{code}" in message.button_data()
    assert "Next for you" not in message.text
    assert "prof:edit:years:w" in message.button_data()


async def test_list_with_profile_shows_eligibility_and_the_next_certification(
        bot: BotHarness) -> None:
    await bot.send("/profile years=3 education=associate certs=CEHRS goal=manager")
    text = replies(await bot.send("/certify"))[0].text
    assert "🏅 you hold it" in text and "⏳ not yet" in text and "❔ rules unknown" in text
    assert "Next for you: RHIT" in text and "CAHIIM" in text


async def test_detail_shows_sourced_facts_and_unknowns(bot: BotHarness) -> None:
    rhit = last_text(await bot.send("/certify rhit"))
    assert "RHIT — Registered Health Information Technician" in rhit
    assert "$229 AHIMA members" in rhit and "$299 non-members" in rhit
    assert "150 items" in rhit and "20 continuing-education units" in rhit
    assert "open-exam-prep.com" in rhit  # the source is linked
    cehrs = last_text(await bot.send("/certify CEHRS"))
    assert "<b>Fee:</b> <i>unknown" in cehrs
    chda = last_text(await bot.send("/certify CHDA"))
    assert chda.count("unknown — not found in my sources") == 3  # eligibility, exam, fee


async def test_detail_with_profile_adds_personal_status(bot: BotHarness) -> None:
    await bot.send("/profile education=bachelor years=6")
    assert "<b>You:</b> ✅ you can take it" in last_text(await bot.send("/certify CPHIMS"))


async def test_compare_two(bot: BotHarness) -> None:
    text = last_text(await bot.send("/certify compare CEHRS vs RHIT"))
    assert text.startswith("<b>CEHRS vs RHIT</b>")
    for row in ("Eligibility", "Exam", "Fee", "Renewal"):
        assert f"<b>{row}</b>" in text
    assert "• CEHRS: <i>unknown" in text and "Sources:" in text


async def test_bad_codes_name_the_accepted_ones(bot: BotHarness) -> None:
    text = last_text(await bot.send("/certify <script>"))
    assert "&lt;script&gt;" in text and "CEHRS, RHIT, RHIA" in text
    assert "two different" in last_text(await bot.send("/certify compare CEHRS"))
    assert "two different" in last_text(await bot.send("/certify compare RHIT RHIT"))
    assert "One code at a time" in last_text(await bot.send("/certify RHIT CCA"))


async def test_buttons_edit_the_menu_in_place(bot: BotHarness) -> None:
    menu = replies(await bot.send("/certify"))[0]
    message = bot.message_of(menu)
    detail = replies(await bot.press("cert:show:CCA", message=message))[-1]
    assert detail.method == "editMessageText" and "Certified Coding Associate" in detail.text
    assert detail.button_data() == ["cert:list", "menu:main"]
    compared = replies(await bot.press("cert:cmp:CEHRS:RHIT", message=message))[-1]
    assert compared.method == "editMessageText" and "CEHRS vs RHIT" in compared.text
    back = replies(await bot.press("cert:list", message=message))[-1]
    assert back.method == "editMessageText" and "<b>Certifications</b>" in back.text


async def test_stale_or_forged_buttons_change_nothing(bot: BotHarness) -> None:
    for data in ("cert:show:NOPE", "cert:show", "cert:cmp:RHIT", "cert:bogus", "cert:list:RHIT"):
        calls = await bot.press(data)
        answers = [c for c in calls if c.method == "answerCallbackQuery"]
        assert answers and "/certify" in answers[0].params["text"], data
        assert not replies(calls)


async def test_group_answer_is_general_with_a_private_button(bot: BotHarness) -> None:
    await bot.send("/profile years=3 education=associate certs=CEHRS goal=manager")
    group = bot.api.group_chat(-100700)
    message = replies(await bot.send("/certify@ehr_coach_bot", chat=group))[0]
    assert "Next for you" not in message.text and "you hold it" not in message.text
    assert message.buttons()[-1]["url"] == "https://t.me/ehr_coach_bot?start=certify"
    detail = replies(await bot.send("/certify@ehr_coach_bot CEHRS", chat=group))[0]
    assert "<b>You:</b>" not in detail.text
    # A tap on the group's menu opens the presser's private chat; the group's message stays.
    calls = await bot.press("cert:show:RHIA", chat=group, message=bot.message_of(message))
    assert not replies(calls)
    assert [c.params.get("url") for c in calls] == ["https://t.me/ehr_coach_bot?start=certify"]


async def test_deep_link_and_menu(bot: BotHarness) -> None:
    await bot.send("/profile education=high_school goal=coder")
    assert "Next for you: CCA" in last_text(await bot.send("/start certify"))
    calls = await bot.press("menu:certify")
    assert "Next for you: CCA" in last_text(calls)
