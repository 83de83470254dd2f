"""The benchmark: the full bot and its peers (bench/peers/), each over HTTP against the Bot API
stand-in."""
