"""A bot's own start-up cost, in a fresh interpreter: importing it and building its bot object.

`python -m bench.startup MODULE` prints {"import": seconds, "build": seconds} as JSON: for
`bot`, `bot.app` and `build_application()`; for a peer, its module and its `build()`. For the
bot also "engine": the seconds after the build until the free-text engine, which it builds in a
worker thread meanwhile (handlers/ask.py), is ready: how long a first question could wait.
"""

from __future__ import annotations

import importlib
import json
import sys
import time


def main(module: str) -> None:
    started = time.perf_counter()
    if module == "bot":
        app_module = importlib.import_module("bot.app")
        settings_module = importlib.import_module("bot.settings")
        imported = time.perf_counter()
        app_module.build_application(settings_module.Settings(_env_file=None))
    else:
        peer = importlib.import_module(module)
        imported = time.perf_counter()
        peer.build()
    built = time.perf_counter()
    figures = {"import": imported - started, "build": built - imported}
    if module == "bot":
        importlib.import_module("knowledge.qa.corpus").knowledge_engine_soon().result()
        figures["engine"] = time.perf_counter() - built
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1])
