"""Fault injection for the HTTP stand-in: the network and Telegram failing, on purpose.

`Faults` decides, call by call, whether the HTTP server answers normally or fails the call the
way the real service or network can: a 5xx (`"5xx"`), a 429 flood answer (`"429"`), a reset
connection (`"reset"`), or no answer until the client gives up (`"timeout"`). A failed call is
not applied: the stand-in records nothing, so every reply the stand-in records was delivered.
Redelivery of unconfirmed updates is the stand-in's getUpdates itself (Telegram's offset rule:
an update is returned until a later call's offset confirms it).

    faults = Faults(rate=0.2, seed=1)
    async with FakeBotServer(api, faults=faults) as server: ...
    faults.injected  # Counter of what was injected, by kind
"""

from __future__ import annotations

import random
import socket
import struct
from collections import Counter
from dataclasses import dataclass, field

KINDS = ("5xx", "429", "reset", "timeout")


@dataclass
class Faults:
    """Fail a share `rate` of the calls to `methods` (None: every method), kinds picked
    uniformly from `kinds`, reproducibly from `seed`. A timeout holds the call `hold` seconds,
    longer than the client waits (the bot's read timeout is 5 s)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = KINDS
    methods: frozenset[str] | None = None
    seed: int = 0
    hold: float = 6.0
    retry_after: int = 1
    injected: Counter[str] = field(default_factory=Counter)
    _rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds: {sorted(unknown)}")
        self._rng = random.Random(self.seed)

    def decide(self, method: str) -> str | None:
        """The fault to inject into this call, or None to answer it normally."""
        if self.methods is not None and method not in self.methods:
            return None
        if self._rng.random() >= self.rate:
            return None
        kind = self._rng.choice(self.kinds)
        self.injected[kind] += 1
        self.injected[f"{method}:{kind}"] += 1
        return kind

    def answer(self, kind: str) -> tuple[int, dict[str, object]]:
        """The status and body of an HTTP answer for `kind` ("5xx" or "429")."""
        if kind == "429":
            return 429, {"ok": False, "error_code": 429,
                         "description": f"Too Many Requests: retry after {self.retry_after}",
                         "parameters": {"retry_after": self.retry_after}}
        status = self._rng.choice((500, 502, 503, 504))
        return status, {"ok": False, "error_code": status, "description": "Bad Gateway"}


def reset(sock: socket.socket | None) -> None:
    """Make closing `sock` send a TCP RST, as a dropped connection does, instead of a FIN."""
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
