"""/salary through the Bot API stand-in: national picture, personal estimate, what-ifs, chart."""

from __future__ import annotations

import asyncio
import io
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.fake_api import ApiCall
from bot.fake_api.validation import MAX_CAPTION, MAX_TEXT, html_problem, visible_text
from handlers.charts import ChartCache, ChartSpec, draw_chart, render_chart
from handlers.salary import CHARTS_KEY, estimate_text
from knowledge import load_knowledge
from knowledge.profile import Certification, Profile, Skill
from knowledge.salary import WhatIf, cached_estimate, estimate_salary, experience_pay
from tests.harness import BotHarness, last_text, replies
from tests.strategies import profiles

FULL_PROFILE = ("/profile years=3 state=TX education=associate certs=CEHRS employer=hospital "
                "skills=epic,coding goal=manager")
PNG = b"\x89PNG"


def _photos(calls: list) -> list:
    return [c for c in calls if c.method == "sendPhoto"]


def _shown(calls: list) -> ApiCall:
    """The last text message or edit (the chart photo follows an estimate)."""
    return [c for c in replies(calls) if c.method in {"sendMessage", "editMessageText"}][-1]


async def test_without_profile_the_national_picture_and_a_setup_button(bot: BotHarness) -> None:
    calls = await bot.send("/salary")
    text = replies(calls)[0]
    assert "$50,250 a year (May 2024; StartRight Careers, third-party)" in text.text
    assert "$35,000–$50,000 (0-2 years) | $30,000–$40,000" in text.text  # both guides
    assert "no official source" in text.text and "$42,000–$107,000" in text.text
    assert "11-9111" in text.text and "29-9021" in text.text
    assert text.button_data() == ["prof:edit:years:w", "menu:main"]
    photo = _photos(calls)[0]
    assert len(photo.text) <= MAX_CAPTION and "both guides" in photo.text
    assert any(upload.startswith(PNG) for upload in bot.api.uploads.values())
    assert set(bot.api.upload_names.values()) == {"salary-chart.png"}


async def test_personal_estimate_explains_every_factor(bot: BotHarness) -> None:
    await bot.send(FULL_PROFILE)
    calls = await bot.send("/salary")
    message = replies(calls)[0]
    estimate = estimate_salary(await bot.db.profiles.get(501))  # type: ignore[arg-type]
    text = message.text
    assert "Your salary estimate" in text
    assert f"${estimate.point:,} a year" in text
    assert f"between ${estimate.low:,} and ${estimate.high:,}" in text
    for title in ("Experience", "Location", "Employer", "Education", "Certifications", "Skills"):
        assert f"• {title} (" in text
    assert "above the national median (50th percentile)" in text
    assert "My assumption:" in text and "Sources:" in text
    data = message.button_data()
    assert "sal:me" in data and any(d.startswith("sal:st:") for d in data)
    assert _photos(calls), "the chart is sent with the estimate"


async def test_what_if_buttons_add_the_recommended_cert_and_two_years(bot: BotHarness) -> None:
    await bot.send(FULL_PROFILE)
    message = replies(await bot.send("/salary"))[0]
    buttons = {b["text"]: b["callback_data"] for b in message.buttons()}
    assert "➕ RHIT" in buttons and "⏩ +2 years" in buttons
    calls = await bot.press(buttons["➕ RHIT"], message=bot.message_of(message))
    edited = _shown(calls)
    assert edited.method == "editMessageText" and "What-if estimate" in edited.text
    assert "CEHRS, RHIT" in edited.text
    calls = await bot.press(buttons["⏩ +2 years"], message=bot.message_of(message))
    assert "5 years" in _shown(calls).text
    stored = await bot.db.profiles.get(501)
    assert stored is not None and stored.years == 3 and stored.certs == {"CEHRS"}


async def test_another_state_opens_a_picker_in_place(bot: BotHarness) -> None:
    await bot.send(FULL_PROFILE)
    message = bot.message_of(replies(await bot.send("/salary"))[0])
    state_button = next(d for d in replies(await bot.send("/salary"))[0].button_data()
                        if d.startswith("sal:st:"))
    picker = replies(await bot.press(state_button, message=message))[-1]
    assert picker.method == "editMessageText" and "Which state" in picker.text
    new_jersey = next(b["callback_data"] for b in picker.buttons() if b["text"] == "New Jersey")
    result = _shown(await bot.press(new_jersey, message=message))
    assert "Location (New Jersey)" in result.text
    assert (await bot.db.profiles.get(501)).state == "TX"  # type: ignore[union-attr]


async def test_typed_what_if_computes_without_saving(bot: BotHarness) -> None:
    await bot.send("/profile years=1 state=OH")
    text = replies(await bot.send("/salary years=9 state=NJ certs=RHIA"))[0].text
    assert "What-if estimate" in text and "9 years" in text and "New Jersey" in text
    assert await bot.db.profiles.get(501) == Profile(years=1, state="OH")


async def test_typed_what_if_without_profile_uses_only_the_typed_values(bot: BotHarness) -> None:
    text = replies(await bot.send("/salary years=0"))[0].text
    assert "What-if estimate" in text and "0 years" in text
    assert await bot.db.profiles.get(501) is None


async def test_bad_what_if_names_what_is_accepted_and_changes_nothing(bot: BotHarness) -> None:
    await bot.send("/profile years=2")
    text = last_text(await bot.send("/salary state=Atlantis"))
    assert "US state code or name" in text and "Atlantis" in text
    text = last_text(await bot.send("/salary <b>oops"))
    assert "key=value" in text and "&lt;b&gt;" in text
    assert "keys: years" in last_text(await bot.send("/salary bonus=5"))
    assert await bot.db.profiles.get(501) == Profile(years=2)


async def test_stale_or_forged_buttons_answer_politely(bot: BotHarness) -> None:
    await bot.send("/profile years=2")
    for data in ("sal:w:garbage", "sal:w:1.2.3", "sal:st:99.9.0.XX.0.0.-", "sal:zz",
                 "sal:w:1.7.0.-.-.0.-", "sal:w:-1.-.0.-.-.0.-"):
        calls = await bot.press(data)
        answers = [c for c in calls if c.method == "answerCallbackQuery"]
        assert answers and "/salary" in answers[0].params["text"], data
        assert not replies(calls)
    assert await bot.db.profiles.get(501) == Profile(years=2)


async def test_back_to_my_estimate(bot: BotHarness) -> None:
    await bot.send("/profile years=6")
    calls = await bot.press("sal:me")
    assert "Your salary estimate" in _shown(calls).text


async def test_group_gets_the_general_answer_and_a_private_button(bot: BotHarness) -> None:
    await bot.send("/profile years=7 state=NJ certs=RHIA")
    group = bot.api.group_chat(-100500)
    calls = await bot.send("/salary@ehr_coach_bot", chat=group)
    message = replies(calls)[0]
    assert message.chat_id == -100500
    assert "Your salary estimate" not in message.text and "New Jersey" not in message.text
    assert message.buttons()[-1]["url"] == "https://t.me/ehr_coach_bot?start=salary"
    assert _photos(calls)[0].chat_id == -100500


async def test_group_what_if_ignores_the_members_stored_profile(bot: BotHarness) -> None:
    await bot.send("/profile years=7 state=NJ certs=RHIA")
    group = bot.api.group_chat(-100500)
    text = replies(await bot.send("/salary@ehr_coach_bot years=2", chat=group))[0].text
    assert "What-if estimate" in text and "2 years" in text
    assert "New Jersey" not in text and "RHIA" not in text.split("How it adds up")[0]


async def test_what_if_buttons_are_refused_in_a_group(bot: BotHarness) -> None:
    group = bot.api.group_chat(-100500)
    calls = await bot.press("sal:w:3.-.0.-.-.0.-", chat=group)
    answers = [c for c in calls if c.method == "answerCallbackQuery"]
    assert answers and "private chat" in answers[0].params["text"] and not replies(calls)


async def test_deep_link_and_menu_open_the_estimate(bot: BotHarness) -> None:
    await bot.send("/profile years=4")
    assert "Your salary estimate" in replies(await bot.send("/start salary"))[0].text
    assert "💵 Salary" in [b["text"] for b in replies(await bot.send("/start"))[-1].buttons()]
    calls = await bot.press("menu:salary")
    assert "Your salary estimate" in replies(calls)[0].text


async def test_the_same_chart_is_rendered_once_and_uploaded_once(bot: BotHarness) -> None:
    first = _photos(await bot.send("/salary"))[0]
    second = _photos(await bot.send("/salary"))[0]
    cache = bot.app.bot_data[CHARTS_KEY]
    assert cache.renders == 1
    assert "photo" not in first.params  # uploaded as a file
    assert re.fullmatch(r"file-\d+", str(second.params["photo"]))
    await bot.send("/salary years=4")
    assert cache.renders == 2


# --- The reply text over many profiles --------------------------------------------------------

DOLLARS = re.compile(r"\$([\d,]+(?:\.\d+)?)")


def _sourced_amounts() -> set[float]:
    kb = load_knowledge()
    amounts = {f.value for f in kb.figures}
    amounts |= {v for b in kb.salary.stage_bands for v in (b.low, b.high, b.middle)}
    amounts |= {float(s.annual_mean) for s in (*kb.states.states, *kb.states.recent.states)}
    amounts.add(float(round(kb.state_reference_mean)))
    return amounts


@settings(max_examples=200, deadline=None)
@given(profiles, st.booleans())
def test_every_dollar_in_the_reply_is_sourced_or_computed_by_the_model(
        profile: Profile, what_if: bool) -> None:
    estimate = estimate_salary(profile)
    own = estimate_salary(Profile(years=1)) if what_if else None
    text = estimate_text(estimate, what_if=what_if, own=own)
    computed = {estimate.point, estimate.low, estimate.high, estimate.unbounded,
                *(abs(f.effect) for f in estimate.factors),
                *(abs(c.difference) for c in estimate.comparisons)}
    if own is not None:
        computed |= {own.point, abs(estimate.point - own.point)}
        computed |= {abs(amount) for _, amount in WhatIf(own, estimate).changes()}
    if profile.years is not None:
        computed.add(round(experience_pay(profile.years) / 10) * 10)
    allowed = _sourced_amounts() | {float(v) for v in computed}
    for amount in DOLLARS.findall(text):
        assert float(amount.replace(",", "")) in allowed, amount
    assert len(text) <= MAX_TEXT  # fits one message, so it edits in place
    assert html_problem(text) is None
    for factor in estimate.factors:
        assert factor.sources or factor.reasoning or factor.effect == 0


async def test_concurrent_requests_for_one_chart_share_one_rendering() -> None:
    cache = ChartCache(max_items=2)
    spec = ChartSpec.marking(51_234, 44_000, 58_990)
    first, second = await asyncio.gather(cache.png(spec), cache.png(spec))
    assert first == second and first.startswith(PNG) and cache.renders == 1
    assert spec == ChartSpec.marking(51_300, 44_100, 59_000)  # close estimates share a chart
    for point in (60_000, 70_000):
        await cache.png(ChartSpec.marking(point, point - 5_000, point + 5_000))
    await cache.png(spec)  # evicted by the two newer charts, so rendered again
    assert cache.renders == 4


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=np.uint8)


def test_an_estimate_marked_on_the_drawn_bands_looks_as_if_drawn_whole() -> None:
    for spec in (ChartSpec.marking(52_000, 44_000, 61_000), ChartSpec.marking(36_000, 31_000,
                                                                              41_000)):
        assert np.array_equal(_pixels(render_chart(spec)), _pixels(draw_chart(spec)))
    beyond = ChartSpec.marking(170_000, 150_000, 190_000)  # past the bands: a wider axis
    assert render_chart(beyond).startswith(PNG)
    assert _pixels(render_chart(beyond)).shape == _pixels(render_chart(ChartSpec())).shape


async def test_main_menu_salary_turns_the_menu_into_the_estimate(bot: BotHarness) -> None:
    await bot.send("/profile years=4")
    menu = replies(await bot.send("/start"))[-1]
    calls = await bot.press("menu:salary", message=bot.message_of(menu))
    shown = replies(calls)
    assert shown[0].method == "editMessageText" and "Your salary estimate" in shown[0].text
    assert shown[1].method == "sendPhoto"


# --- The compact view, what-ifs against the own estimate --------------------------------------

async def test_first_screen_is_short_and_the_breakdown_folds_into_an_expandable_quote(
        bot: BotHarness) -> None:
    await bot.send("/profile years=3 state=TX education=associate certs=CEHRS")
    text = _shown(await bot.send("/salary")).text
    first, breakdown = text.split("<blockquote expandable>")
    assert breakdown.endswith("</blockquote>") and "How it adds up" in breakdown
    assert "$49,140 a year" in first and "between $42,270 and $56,010" in first
    assert "below the national median" in first
    assert first.count("\n• ") == 4  # the position and the three factors that move it most
    assert "my assumption of +3% for CEHRS; no source gives a number" in first
    assert "Sources:" in breakdown and "My assumption:" in breakdown
    assert len(visible_text(first, "HTML")) < 900


async def test_a_what_if_shows_the_difference_from_the_own_estimate_and_a_redrawn_chart(
        bot: BotHarness) -> None:
    await bot.send("/profile years=3 state=TX education=associate certs=CEHRS")
    message = _shown(await bot.send("/salary"))
    data = {b["text"]: b["callback_data"] for b in message.buttons()}
    calls = await bot.press(data["⏩ +2 years"], message=bot.message_of(message))
    text = _shown(calls).text
    own, other = (estimate_salary(Profile(years=y, state="TX", education="associate",
                                          certs={"CEHRS"})) for y in (3, 5))
    difference = other.point - own.point
    (title, experience), (rest, others) = WhatIf(own, other).changes()
    assert (title, rest) == ("Experience", "the other factors on the new amount")
    assert experience + others == difference
    assert f"+${difference:,}</b> against your own estimate (${own.point:,}): Experience " \
           f"+${experience:,}, the other factors on the new amount +${others:,}" in text
    photo = _photos(calls)[0]
    assert f"+${difference:,} against your ${own.point:,}" in photo.text
    cache = bot.app.bot_data[CHARTS_KEY]
    renders, uploads = cache.renders, len(bot.api.uploads)
    computed = cached_estimate.cache_info()
    again = await bot.press(data["⏩ +2 years"], message=bot.message_of(message))
    assert cache.renders == renders and len(bot.api.uploads) == uploads  # from the caches
    now = cached_estimate.cache_info()
    assert now.misses == computed.misses and now.hits >= computed.hits + 2  # own and what-if
    assert re.fullmatch(r"file-\d+", str(_photos(again)[0].params["photo"]))


async def test_a_certification_the_user_cannot_take_yet_says_so(bot: BotHarness) -> None:
    await bot.send("/profile years=3 education=high_school certs=CEHRS goal=manager")
    message = _shown(await bot.send("/salary"))
    data = {b["text"]: b["callback_data"] for b in message.buttons()}
    assert "➕ RHIT (not eligible yet)" in data
    text = _shown(await bot.press(data["➕ RHIT (not eligible yet)"],
                                  message=bot.message_of(message))).text
    assert "not eligible for RHIT yet" in text and "associate degree or higher" in text


async def test_a_held_estimate_says_why_up_front(bot: BotHarness) -> None:
    await bot.send("/profile years=6 state=NJ education=bachelor certs=RHIA,CPHIMS "
                   "employer=hospital skills=epic,sql")
    first = _shown(await bot.send("/salary")).text.split("<blockquote")[0]
    assert "$80,000 a year" in first and "⚠️ The factors multiply to $96,410" in first
    assert "the top of the senior band" in first and "manager" in first


async def test_two_state_means_are_both_shown_with_the_one_used(bot: BotHarness) -> None:
    await bot.send("/profile years=3 state=WI")
    first = _shown(await bot.send("/salary")).text.split("<blockquote")[0]
    assert "⚖️ Sources disagree on Wisconsin" in first
    assert "×0.969" in first and "I use the May 2021 figure (×1.073)" in first


def test_the_longest_what_if_still_fits_one_message() -> None:
    everything = Profile(years=7, education="high_school", certs=frozenset(Certification),
                         state="WI", employer="hospital", skills=frozenset(Skill))
    text = estimate_text(estimate_salary(everything), what_if=True,
                         own=estimate_salary(Profile(years=1, education="high_school")))
    assert len(text) <= MAX_TEXT and html_problem(text) is None
    assert text.count("⚠️ You are not eligible for") == 2 and "Not open to you yet" in text
    assert "Eligibility rules not in my sources: CAHIMS, CHDA." in text
