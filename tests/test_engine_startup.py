"""The free-text engine is built in a worker thread from start-up on (handlers/ask.py): start-up
and commands never wait for it; a question or an inline search sent before it is ready waits
for that same build and gets the answer it would have got anyway."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest
from pydantic import ValidationError

import handlers.ask
from knowledge.qa import Engine
from knowledge.qa.corpus import check_engine_data, knowledge_engine, knowledge_engine_soon
from tests.harness import BotHarness, last_text

QUESTION = "how much does an RHIT earn?"


def finish_in_a_thread(build: Future[Engine]) -> None:
    threading.Thread(target=lambda: build.set_result(knowledge_engine())).start()


async def test_a_question_before_the_build_ends_waits_for_it_and_commands_do_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with BotHarness(tmp_path / "ready") as bot:
        expected = last_text(await bot.send(QUESTION))  # the real build: the same answer
    pending: Future[Engine] = Future()  # a build that has not finished: the test finishes it
    monkeypatch.setattr(handlers.ask, "knowledge_engine_soon", lambda: pending)
    async with BotHarness(tmp_path / "early") as bot:
        question = asyncio.create_task(bot.send(QUESTION))
        inline = asyncio.create_task(bot.inline("rhit"))
        assert "/salary" in last_text(await bot.send("/help"))  # a command does not wait
        await asyncio.sleep(0.05)
        assert not question.done() and not inline.done()
        finish_in_a_thread(pending)
        assert last_text(await question) == expected
        assert (await inline).params["results"][0]["id"] == "certification:RHIT"
        assert not bot.api.problems


def test_the_engine_is_built_once_whoever_asks_first() -> None:
    assert knowledge_engine_soon().result(timeout=60) is knowledge_engine()
    assert knowledge_engine_soon() is knowledge_engine_soon()


def test_a_broken_free_text_data_file_is_found_before_the_build(tmp_path: Path) -> None:
    """The engine builds in the background; its data files are still checked at start-up."""
    broken = tmp_path / "synonyms.yaml"
    broken.write_text("synonyms: {pay: [salary]}\nintents: {no_such_intent: [x]}\n", "utf-8")
    check_engine_data()  # the shipped files are valid
    with pytest.raises(ValidationError):
        check_engine_data(synonyms_file=broken)
