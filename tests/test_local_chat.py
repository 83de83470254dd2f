"""The local terminal chat: `python -m bot --local` through a pipe, and LocalChat in-process."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from telegram import Update
from telegram.ext import (
    CallbackContext,
    CommandHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.local_chat import FILES_DIR, GROUP_CHAT_ID, LOCAL_DATABASE, LOCAL_USER_ID, LocalChat
from knowledge.profile import Profile
from tests.harness import BotHarness
from tests.http_bot import run_bot_cli, saved_profile


def _chat(lines: list[str], tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the local chat as a user would, typing `lines` then closing stdin (Ctrl-D)."""
    return run_bot_cli(tmp_path, "--local", *options, input="\n".join(lines) + "\n",
                       DATABASE_PATH=str(tmp_path / "local.sqlite3"),
                       # production's PostgreSQL (nothing listens there): never used either
                       DATABASE_URL="postgresql://coach:pw@127.0.0.1:1/production")


def _saved_profile(tmp_path: Path) -> tuple[object, ...] | None:
    """The profile in the local chat's own database (run_bot_cli runs in `tmp_path`)."""
    return saved_profile(tmp_path / FILES_DIR / LOCAL_DATABASE, LOCAL_USER_ID)


def test_private_chat_through_a_pipe_saves_the_profile(tmp_path: Path) -> None:
    result = _chat(["/start", "1", "/profile years=3 state=TX", "/help"], tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Hi Alex! I'm *EHR Career Coach*." in out
    assert "[1] 👤 My profile" in out
    # Pressing 1 opened the profile card with its edit buttons.
    assert "*Your profile*" in out and "[8] 🧭 Guided setup" in out
    assert "• Years of experience: 3 years" in out and "• State: Texas (TX)" in out
    assert "/profile — Your profile" in out
    assert "<b>" not in out and "&amp;" not in out
    assert out.rstrip().endswith("Bye.")
    assert _saved_profile(tmp_path) == (3, "TX")
    assert not (tmp_path / "local.sqlite3").exists()  # DATABASE_PATH is production's: untouched
    assert "Traceback" not in result.stderr


def test_quit_stops_reading(tmp_path: Path) -> None:
    result = _chat(["/quit", "/profile years=9"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "you: /profile" not in result.stdout and "Bye." in result.stdout
    assert _saved_profile(tmp_path) is None


def test_group_keeps_profiles_private_and_follows_the_link(tmp_path: Path) -> None:
    result = _chat(["/profile years=4", "1", "/switch", "/help"], tmp_path, "--group")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "an administrator of the group" in out
    assert re.search(r"bot in the group \(message \d+\):\n     Profiles are private", out)
    assert "(the link opens your private chat with the bot: /start profile)" in out
    assert "*Your profile*" in out
    assert "(now in the group 'Local study group')" in out
    assert "In groups I answer commands" in out
    assert _saved_profile(tmp_path) is None


def test_group_needs_local(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path, "--group")
    assert result.returncode == 2 and "--group only works together with --local" in result.stderr


async def _chart(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None
    await update.effective_chat.send_photo(b"\x89PNG fake chart", filename="chart.png",
                                           caption="Pay in <b>TX</b> &amp; more")


async def _quiz(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None
    await update.effective_chat.send_poll("Which exam?", ["RHIT", "CEHRS", "CCA"],
                                          is_anonymous=False)


def _local_chat(bot: BotHarness, tmp_path: Path, *, group: bool = False) -> tuple[LocalChat,
                                                                                  io.StringIO]:
    out = io.StringIO()
    return LocalChat(bot.app, bot.api, out, group=group, files_dir=tmp_path / "files",
                     echo_input=True), out


async def test_photos_are_saved_and_their_path_shown(bot: BotHarness, tmp_path: Path) -> None:
    bot.app.add_handler(CommandHandler("chart", _chart))
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("/chart")
    saved = tmp_path / "files" / "001-chart.png"
    assert saved.read_bytes() == b"\x89PNG fake chart"
    assert f"bot sent a photo (saved to {saved}):\n     Pay in *TX* & more" in out.getvalue()


async def test_typing_a_number_answers_the_poll(bot: BotHarness, tmp_path: Path) -> None:
    answers: list[tuple[int, tuple[int, ...]]] = []

    async def record(update: Update, context: CallbackContext) -> None:
        assert update.poll_answer is not None and update.poll_answer.user is not None
        answers.append((update.poll_answer.user.id, tuple(update.poll_answer.option_ids)))

    # A group of its own: the bot's quiz feature also handles /quiz and poll answers.
    bot.app.add_handler(CommandHandler("samplepoll", _quiz), group=-1)
    bot.app.add_handler(PollAnswerHandler(record), group=-1)
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("/samplepoll")
    await chat.handle("2")
    assert answers == [(LOCAL_USER_ID, (1,))]
    assert "     [3] CCA" in out.getvalue() and "(you voted: CEHRS)" in out.getvalue()


async def test_buttons_of_an_edited_message_press_on_that_message(bot: BotHarness,
                                                                  tmp_path: Path) -> None:
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("/profile")
    await chat.handle("2")  # ✏️ Education: the card is edited into the education choices
    edits = bot.api.calls_to("editMessageText")
    assert edits and f"(edited message {edits[-1].params['message_id']}):" in out.getvalue()
    labels = [choice.label for choice in chat.buttons]
    await chat.handle(str(labels.index("Bachelor's degree") + 1))
    assert await bot.db.profiles.get(LOCAL_USER_ID) == Profile(education="bachelor")


async def test_a_backslash_sends_a_number_as_text(bot: BotHarness, tmp_path: Path) -> None:
    texts: list[str] = []

    async def record(update: Update, context: CallbackContext) -> None:
        assert update.message is not None and update.message.text is not None
        texts.append(update.message.text)

    bot.app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, record), group=1)
    chat, _ = _local_chat(bot, tmp_path)
    await chat.handle("/start")
    bot.api.clear()
    await chat.handle("\\1")
    await chat.handle("12")  # no button 12: sent as text
    assert texts == ["1", "12"]
    assert not bot.api.calls_to("answerCallbackQuery")


async def test_group_mode_makes_the_local_user_an_administrator(bot: BotHarness,
                                                               tmp_path: Path) -> None:
    chat, _ = _local_chat(bot, tmp_path, group=True)
    member = await bot.app.bot.get_chat_member(GROUP_CHAT_ID, LOCAL_USER_ID)
    assert member.status == "administrator" and chat.chat["type"] == "supergroup"


async def test_inline_mode_lists_cards_and_posts_the_chosen_one(bot: BotHarness,
                                                                tmp_path: Path) -> None:
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("@EHR_coach_bot rhti")
    assert "     [1] RHIT - Registered Health Information Technician — " in out.getvalue()
    bot.api.clear()
    await chat.handle("1")
    shown = out.getvalue()
    assert "you, via @ehr_coach_bot:\n     *RHIT - Registered" in shown and "$229" in shown
    assert not bot.api.calls_to("sendMessage")  # a posted card is not a question
    assert [choice.kind for choice in chat.buttons] == ["url"]
    await chat.handle("1")  # its button opens the private chat's /certify
    assert "(the link opens your private chat with the bot: /start certify)" in out.getvalue()
    await chat.handle("@ehr_coach_bot pizza")
    assert out.getvalue().endswith("(inline mode: no card matches that)\n")


async def test_a_number_presses_the_latest_buttons_even_after_a_photo(bot: BotHarness,
                                                                    tmp_path: Path) -> None:
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("/profile years=3 state=TX")
    await chat.handle("/salary")  # the estimate with what-if buttons, then the chart photo
    assert "sent a photo" in out.getvalue()
    labels = [choice.label for choice in chat.buttons]
    assert "⏩ +2 years" in labels
    await chat.handle(str(labels.index("⏩ +2 years") + 1))
    assert "What-if estimate" in out.getvalue() and "5 years" in out.getvalue()


async def test_a_quiz_vote_shows_the_result_and_the_explanation(bot: BotHarness,
                                                               tmp_path: Path) -> None:
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("/quiz")
    poll = bot.api.calls_to("sendPoll")[-1]
    correct = int(poll.params["correct_option_ids"][0])
    await chat.handle(str(correct + 1))
    shown = out.getvalue()
    assert "— ✅ right)" in shown and f"💡 {poll.params['explanation']}" in shown
    assert any(choice.label.startswith("Next question") for choice in chat.buttons)
    await chat.handle(str([c.label for c in chat.buttons].index("Next question ▶️") + 1))
    wrong = bot.api.calls_to("sendPoll")[-1]
    assert wrong is not poll
    answer = int(wrong.params["correct_option_ids"][0])
    await chat.handle(str((answer + 1) % len(wrong.params["options"]) + 1))
    assert "— ❌ the answer is " in out.getvalue()


async def test_reply_n_answers_message_n(bot: BotHarness, tmp_path: Path) -> None:
    replied: list[int] = []

    async def record(update: Update, context: CallbackContext) -> None:
        message = update.message
        assert message is not None and message.reply_to_message is not None
        replied.append(message.reply_to_message.message_id)

    bot.app.add_handler(MessageHandler(filters.REPLY, record), group=-1)
    chat, out = _local_chat(bot, tmp_path)
    await chat.handle("/start")
    number = bot.api.calls_to("sendMessage")[-1].result["message_id"]
    assert f"bot (message {number}):" in out.getvalue()
    await chat.handle(f"/reply {number} what does RHIT cost?")
    assert replied == [number]
    await chat.handle("/reply 999 hello")
    await chat.handle("/reply 5")
    assert "(there is no message 999 in this chat)" in out.getvalue()
    assert "(/reply N text replies to message N" in out.getvalue() and replied == [number]
