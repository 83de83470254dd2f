"""The bot's own start-up cost, in a fresh interpreter: importing it and building the Application.

`python -m bench.startup bot|echo` prints {"import": seconds, "build": seconds} as JSON.
"""

from __future__ import annotations

import importlib
import json
import sys
import time


def main(kind: str) -> None:
    started = time.perf_counter()
    if kind == "bot":
        app_module = importlib.import_module("bot.app")
        settings_module = importlib.import_module("bot.settings")
        imported = time.perf_counter()
        app_module.build_application(settings_module.Settings(_env_file=None))
    else:
        echo_module = importlib.import_module("bench.echo_bot")
        imported = time.perf_counter()
        echo_module.build_echo_application()
    built = time.perf_counter()
    print(json.dumps({"import": imported - started, "build": built - imported}))


if __name__ == "__main__":
    main(sys.argv[1])
