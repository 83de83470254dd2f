"""The benchmark: the real bot and a bare echo bot, over HTTP, against the Bot API stand-in."""
