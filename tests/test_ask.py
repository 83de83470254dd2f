"""Free-text questions through the real handlers: private text, /ask, mentions, replies, /admin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.fake_api.core import BOT_USER
from handlers.ask import ENGINE_KEY
from knowledge.profile import Profile
from knowledge.qa import build_engine
from knowledge.qa.corpus import knowledge_engine
from knowledge.quiz_bank import load_quiz_bank
from knowledge.salary import estimate_salary
from tests.harness import BotHarness, last_text, replies
from tests.qa_fixture import fixture_engine, fixture_entries

OPERATOR = 900
GROUP_ID = -100777


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    async with BotHarness(tmp_path, operator_ids=[OPERATOR]) as harness:
        harness.app.bot_data[ENGINE_KEY] = fixture_engine()
        yield harness
        assert not harness.api.problems, [(c.method, c.error) for c in harness.api.problems]


async def test_private_text_is_answered_with_source_buttons_and_command(bot: BotHarness) -> None:
    shown = replies(await bot.send("cehrs exam requirements??"))[-1]
    assert "Awarded by the NHA" in shown.text and "Source:" in shown.text
    assert "/certify CEHRS" in shown.text
    assert shown.button_data()[:2] == ["ask:t:cert_rhit", "ask:t:steps"]


async def test_topic_button_edits_in_place_and_stale_ids_are_answered(bot: BotHarness) -> None:
    shown = replies(await bot.send("cehrs eligibility"))[-1]
    calls = await bot.press("ask:t:cert_rhit", message=bot.message_of(shown))
    edit = replies(calls)[-1]
    assert edit.method == "editMessageText" and "RHIT" in edit.text and "$229" in edit.text
    calls = await bot.press("ask:t:no_such_topic", message=bot.message_of(shown))
    alert = next(c for c in calls if c.method == "answerCallbackQuery")
    assert "no longer available" in alert.params["text"]
    assert not replies(calls)


async def test_off_topic_is_declined_without_figures_and_not_counted(bot: BotHarness) -> None:
    text = last_text(await bot.send("what's the weather in Paris?"))
    assert "outside what I know" in text and "CEHRS" in text and "$" not in text
    assert await bot.db.user_data.rows("unanswered_questions") == []


async def test_unknown_question_is_counted_without_who_asked(bot: BotHarness) -> None:
    for _ in range(2):
        text = last_text(await bot.send("Best pizza near the HOSPITAL in Texas?"))
        assert "don't know" in text and "$" not in text
    rows = await bot.db.user_data.rows("unanswered_questions")
    assert [(row["question"], row["count"]) for row in rows] == [
        ("best pizza near the hospital in texas", 2)]
    assert set(rows[0]) == {"question", "count", "last_seen"}  # every column: no user id


async def test_ask_command_and_empty_ask(bot: BotHarness) -> None:
    assert "Ask me something" in last_text(await bot.send("/ask"))
    assert "$50,250" in last_text(await bot.send("/ask specilist salary"))


async def test_group_ask_mention_and_reply_are_answered(bot: BotHarness) -> None:
    group = bot.api.group_chat(GROUP_ID)
    calls = await bot.send("/ask@ehr_coach_bot rhit fee", chat=group)
    assert "$229" in last_text(calls) and replies(calls)[-1].chat_id == GROUP_ID

    text = "@ehr_coach_bot how much in texas"
    mention = [{"type": "mention", "offset": 0, "length": len("@ehr_coach_bot")}]
    assert "$41,950" in last_text(await bot.send(text, chat=group, entities=mention))

    # Offsets count UTF-16 units: the emoji takes two.
    named = [{"type": "text_mention", "offset": 3, "length": 5, "user": BOT_USER}]
    assert "Awarded by AHIMA" in last_text(
        await bot.send("👋 Coach, rhit eligibility?", chat=group, entities=named))

    ours = replies(calls)[-1].result
    calls = await bot.send("and the cehrs exam?", chat=group, reply_to_message=ours)
    assert "NHA" in last_text(calls)


async def test_group_messages_not_addressed_to_the_bot_are_ignored(bot: BotHarness) -> None:
    group = bot.api.group_chat(GROUP_ID)
    other = {**bot.user(777, "Sam"), "username": "sam"}
    assert await bot.send("how much does an RHIT earn?", chat=group) == []
    mention = [{"type": "mention", "offset": 0, "length": 4}]
    assert await bot.send("@sam rhit fee?", chat=group, entities=mention) == []
    message = bot.api.message(other, group, "hi")
    assert await bot.send("cehrs?", chat=group, reply_to_message=message) == []


async def test_group_answers_offer_commands_through_the_private_chat(bot: BotHarness) -> None:
    # /start profile is a registered deep link, so an entry whose command is "profile" gets one.
    group = bot.api.group_chat(GROUP_ID)
    entries = [replace(entry, command="profile") if entry.id == "remote" else entry
               for entry in fixture_entries()]
    bot.app.bot_data[ENGINE_KEY] = build_engine(entries)
    shown = replies(await bot.send("/ask can i work from home", chat=group))[-1]
    assert shown.buttons()[-1]["url"] == "https://t.me/ehr_coach_bot?start=profile"
    shown = replies(await bot.send("can i work from home"))[-1]
    assert shown.button_data()[-1] == "ask:go:profile"
    opened = await bot.press("ask:go:profile", message=bot.message_of(shown))
    assert "Your profile" in last_text(opened)


async def test_hostile_question_is_escaped(bot: BotHarness) -> None:
    text = last_text(await bot.send("<b>cehrs</b> & <script>"))
    assert "<script>" not in text


async def test_profile_dialogue_keeps_its_typed_answers(bot: BotHarness) -> None:
    await bot.press("prof:edit:state")
    calls = await bot.send("Texas")
    assert len(replies(calls)) == 1 and "Your profile" in last_text(calls)
    assert (await bot.db.profiles.get(501)).state == "TX"
    assert "$41,950" in last_text(await bot.send("pay in texas"))


async def test_admin_shows_unanswered_and_flagged_to_operators_only(bot: BotHarness) -> None:
    await bot.send("best pizza near the hospital in texas")
    question = load_quiz_bank().questions[0]
    await bot.db.quiz_flags.add(question.id, 777, "the <key> looks wrong")
    refusal = last_text(await bot.send("/admin"))
    assert "not available" in refusal and "pizza" not in refusal and "key" not in refusal
    operator = bot.user(OPERATOR, "Op")
    text = last_text(await bot.send("/admin", user=operator))
    assert "1 · best pizza near the hospital in texas" in text
    assert f"1 · <code>{question.id}</code>" in text and "the &lt;key&gt; looks wrong" in text
    group = bot.api.group_chat(GROUP_ID)
    assert "pizza" not in last_text(await bot.send("/admin", user=operator, chat=group))


async def test_admin_with_nothing_counted_says_so(bot: BotHarness) -> None:
    text = last_text(await bot.send("/admin", user=bot.user(OPERATOR, "Op")))
    assert "No unanswered questions" in text and "No quiz question has been flagged" in text


async def test_personal_pay_question_uses_the_stored_profile(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=3 state=TX certs=CEHRS")
    shown = replies(await bot.send("what would I earn with RHIT?"))[-1]
    stored = Profile(years=3, state="TX", certs=frozenset({"CEHRS"}))
    with_rhit = stored.with_changes(certs=frozenset({"CEHRS", "RHIT"}))
    assert f"${estimate_salary(with_rhit).point:,}" in shown.text and "CEHRS, RHIT" in shown.text
    assert f"${estimate_salary(stored).point:,}" in shown.text  # the profile as it is
    assert "/salary certs=CEHRS,RHIT" in shown.text
    assert await bot.db.profiles.get(501) == stored  # a what-if never saves
    # The full breakdown is /salary's own what-if, edited in place.
    breakdown = shown.buttons()[0]
    assert breakdown["text"] == "📊 Full breakdown"
    calls = await bot.press(breakdown["callback_data"], message=bot.message_of(shown))
    edit = next(c for c in replies(calls) if c.method == "editMessageText")
    assert "What-if estimate" in edit.text and "How it adds up" in edit.text


async def test_command_buttons_run_each_features_deep_link(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    expected = {"salary": "median", "certify": "CEHRS", "career": "ladder"}
    for question, command in (("national median salary", "salary"),
                              ("cehrs exam requirements", "certify"),
                              ("career ladder", "career")):
        shown = replies(await bot.send(question))[-1]
        assert f"ask:go:{command}" in shown.button_data()
        calls = await bot.press(f"ask:go:{command}", message=bot.message_of(shown))
        shown_texts = " ".join(call.text for call in replies(calls)).lower()
        assert expected[command].lower() in shown_texts
    alert = await bot.press("ask:go:nonsense")
    assert "out of date" in next(c for c in alert if c.method == "answerCallbackQuery"
                                 ).params["text"]


async def test_personal_pay_question_without_a_profile_or_in_a_group(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("how much will i make"))
    assert "$50,250" in text and "set up /profile" in text
    await bot.send("/profile years=3 state=TX")
    group = bot.api.group_chat(GROUP_ID)
    text = last_text(await bot.send("/ask how much will i make", chat=group))
    assert "Your estimate" not in text and "private chat" in text


# ----- issue 12: follow-ups, personal what-ifs, small talk, federal figures, several parts ------

async def test_a_followup_is_read_with_the_askers_last_question(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    assert "$50,250" in last_text(await bot.send("how much do ehr specialists make"))
    assert "$41,340" in last_text(await bot.send("and in florida?"))  # Florida's mean
    assert "$41,950" in last_text(await bot.send("what about texas"))  # read as "pay in texas"
    # Another member of the chat has no previous question: the same words alone.
    other = bot.user(502, "Sam")
    assert "$41,950" in last_text(await bot.send("what about texas", user=other))
    # Nothing of it is stored: only the unanswered-question counter has a table of its own.
    assert await bot.db.user_data.rows("unanswered_questions") == []


async def test_the_previous_question_is_forgotten_after_a_few_minutes(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("tell me about the cca")
    assert "2 hours" in last_text(await bot.send("how long is it"))
    import handlers.ask as ask
    later = ask.time.monotonic() + ask.RECENT_SECONDS + 1
    monkeypatch.setattr(ask.time, "monotonic", lambda: later)
    assert "2 hours" not in last_text(await bot.send("how long is it"))


async def test_a_personal_what_if_in_free_text_uses_the_profile(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=3 state=TX certs=CEHRS")
    text = last_text(await bot.send("what would RHIT add for me?"))
    assert "Your estimate" in text and "RHIT" in text and "against your profile" in text
    text = last_text(await bot.send("and with an rhia?"))
    assert "Your estimate" in text and "RHIA" in text


async def test_small_talk_in_private_gets_a_brief_kind_reply(bot: BotHarness) -> None:
    for text in ("hi", "thanks!", "lol", "👍", "42"):
        shown = last_text(await bot.send(text))
        assert "Ask me anything" in shown and "don't know" not in shown and "$" not in shown
    assert await bot.db.user_data.rows("unanswered_questions") == []


async def test_small_talk_replying_to_the_bot_in_a_group_gets_no_answer(bot: BotHarness) -> None:
    group = bot.api.group_chat(GROUP_ID)
    ours = bot.api.message(BOT_USER, group, "RHIT fee: $229 for members.")
    assert replies(await bot.send("thanks!", chat=group, reply_to_message=ours)) == []
    assert replies(await bot.send("lol", chat=group, reply_to_message=ours)) == []
    calls = await bot.send("and the cehrs exam?", chat=group, reply_to_message=ours)
    assert "CEHRS" in last_text(calls)


async def test_federal_pay_shows_the_gs_table_and_the_articles_claim(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("what does the VA pay?"))
    first = text.split("\n\n")[1]
    assert first.startswith("$42,000–$107,000 a year at the Department of Veterans Affairs")
    assert "that article's claim" in text and "GS-5 $34,454–$44,786" in text


async def test_a_fact_the_sources_lack_gets_an_honest_unknown(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    shown = replies(await bot.send("how much is the cehrs exam fee"))[-1]
    assert "don't know" in shown.text and "CEHRS exam fee was not found" in shown.text
    assert "$" not in shown.text and "ask:go:certify" in shown.button_data()


async def test_a_question_of_two_parts_gets_both_answers(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("what is the rhit and how much does the cca cost"))
    assert "Registered Health Information Technician" in text and "$199" in text


# ----- issue 12 (branch context): personal questions beyond the plain estimate -------------------

async def test_personal_questions_answer_from_the_stored_profile(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=1 state=TX certs=RHIT,CPC")
    text = last_text(await bot.send("whats my next step career wise"))
    assert "Your next step" in text and "Health information specialist" in text
    text = last_text(await bot.send("how many CEUs do I owe each cycle with both my credentials"))
    assert "RHIT" in text and "20 continuing-education" in text and "36 continuing" in text
    text = last_text(await bot.send("what would a federal job pay someone like me"))
    assert "Your estimate" in text and "GS-5" in text
    text = last_text(await bot.send("would moving to california help my pay much"))
    assert "Your estimate" in text and "$51,880" in text  # California's sourced mean
    text = last_text(await bot.send("does that make me a CPC-A"))
    assert "CPC-A" in text and "2 years" in text and "1 year" in text


async def test_a_personal_kind_without_a_profile_gets_the_general_answer(
        bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("how many ceus do i need to keep my certs"))
    assert "Renewal of your credentials" not in text and "continuing" in text


async def test_a_personal_kind_without_a_profile_gets_the_general_card(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("whats my next step career wise"))
    assert "The career ladder" in text and "set up /profile" in text
    # The CPC's apprentice rule needs no profile.
    text = last_text(await bot.send("does that make me a CPC-A"))
    assert "CPC-A" in text and "Your estimate" not in text


# ----- issue 12, round 7 (branch context7): more personal kinds, follow-ups by rung -------------

async def test_renewal_leads_with_the_number_and_a_bodys_total(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=4 certs=RHIT,CCS")
    text = last_text(await bot.send("how many ceus do i need each cycle"))
    assert text.startswith("<b>30 continuing-education units every 2 years</b>")
    assert "AHIMA</b>: 30 for your CCS and RHIT together" in text


async def test_a_personal_kind_does_not_take_a_card_about_an_unnamed_credential(
        bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("how many ceus do i need each cycle"))
    assert "Keeping a certification" in text and "CHDA - renewal" not in text


async def test_the_path_to_a_named_stage_with_the_profiles_place(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("what do i need to become a manager"))
    assert text.startswith("<b>Health information manager</b>") and "leadership" in text
    await bot.send("/profile years=6 certs=RHIT")
    text = last_text(await bot.send("what do i need to work on to become a manager"))
    assert "you are at stage 3 of 5" in text and "RHIA" in text


async def test_the_next_rung_from_a_stage_the_asker_names(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=10 certs=RHIA")
    text = last_text(await bot.send("im a him manager, whats the next rung for me"))
    assert "stage 4 of 5: Health information manager" in text
    assert "Director of health information management" in text


async def test_the_profile_states_figures_and_a_citys_statewide_card(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=3 state=GA")
    text = last_text(await bot.send("what do people in my state make"))
    assert text.startswith("<b>Pay in Georgia</b>") and "$39,080" in text
    assert "Your estimate" in text
    text = last_text(await bot.send("im near atlanta what do i make"))
    assert text.startswith("<b>Your estimate") and "statewide" in text
    text = last_text(await bot.send("estimate for me"))
    assert text.startswith("<b>Your estimate")


async def test_a_rung_followup_in_the_chat(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("what does a senior specialist make")
    text = last_text(await bot.send("what's above that"))
    assert text.startswith("<b>Health information manager</b>")


async def test_my_states_pay_without_a_profile_gets_the_by_state_card(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("what do people in my state make"))
    assert text.startswith("<b>Pay by state</b>") and "set up /profile" in text


# ----- branch context8: fillers, the next credential, the top's pay, the pay "here" ------------

async def test_a_followup_opening_with_a_filler_in_the_chat(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("what do ehr specialists make in ohio")
    assert "$46,140" in last_text(await bot.send("k, indiana next"))  # Indiana's May 2021 mean
    await bot.send("how much is the ccs exam")
    assert "$399" in last_text(await bot.send("and if i skip the membership?"))


async def test_the_next_credential_from_the_question_and_the_profile(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send("got my cehrs, what credential do i chase now"))
    assert text.startswith("<b>Next credential for you: RHIT</b> (after your CEHRS)")
    assert "RHIT - Registered Health Information Technician" in text and "Source:" in text
    # In a group too: the answer comes from what the question says is held.
    group = bot.api.group_chat(GROUP_ID)
    text = last_text(await bot.send("/ask just got my rhit, whats next cert wise", chat=group))
    assert text.startswith("<b>Next credential for you: RHIA</b>")
    await bot.send("/profile years=4 education=bachelor certs=RHIT")
    text = last_text(await bot.send("what's the logical next cert for me"))
    assert text.startswith("<b>Next credential for you: RHIA</b> (after your RHIT)")


async def test_the_top_jobs_pay_and_the_path_to_management(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    await bot.send("/profile years=4 state=TX")
    text = last_text(await bot.send("long term what could i make if i reach the top job"))
    assert text.startswith("<b>Director of health information management</b>")
    assert "$100,000" in text and "By your profile you are at stage" in text
    text = last_text(await bot.send("what's my path to management from here"))
    assert "Health information manager" in text and "RHIA" in text and "$80,000" in text
    assert last_text(await bot.send("gimme my number")).startswith("<b>Your estimate")


async def test_the_pay_here_in_the_state_the_asker_lives_in(bot: BotHarness) -> None:
    bot.app.bot_data[ENGINE_KEY] = knowledge_engine()
    text = last_text(await bot.send(
        "I live in LA (california not louisiana) - average records specialist salary here"))
    assert text.startswith("<b>Pay in California</b>") and "$51,880" in text
    assert "$37,430" not in text  # not Louisiana's
    await bot.send("/profile years=2 state=OH")
    text = last_text(await bot.send("i live in ohio, whats the avg pay for ehr specialists here"))
    assert text.startswith("<b>Pay in Ohio</b>") and "$46,340" in text and "Your estimate" in text
