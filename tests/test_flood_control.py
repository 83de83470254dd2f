"""Flood control: a 429 from the Bot API is waited out and the message still delivered."""

from __future__ import annotations

from pathlib import Path

from tests.harness import BotHarness


async def test_a_429_is_waited_out_and_the_message_still_delivered(tmp_path: Path) -> None:
    async with BotHarness(tmp_path, rate_limit=True) as bot:
        bot.api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        await bot.send("/help")
        refused, delivered = bot.api.calls_to("sendMessage")
        assert refused.error == "Too Many Requests: retry after 1"
        assert delivered.error is None and "What I can do" in delivered.text
        assert delivered.at - refused.at >= 1.0  # it waited as told before retrying
        assert not bot.api.problems
