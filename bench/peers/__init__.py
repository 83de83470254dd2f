"""The peers the full bot is compared with: each library's idiomatic minimal echo bot.

- `ptb_echo`: python-telegram-bot, on httpx (its default) or on the project's aiohttp transport
  (`bot/aiohttp_request.py`), chosen by HTTP_CLIENT like the full bot;
- `aiogram_echo`: aiogram 3 with its default aiohttp session, in a virtual environment of its
  own (`aiogram_env`), since aiogram pins pydantic below the version the project uses.
"""
