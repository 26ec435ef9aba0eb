"""Button presses seen recently, so that a double press on "More" answers once on every platform.

    PressMemory(window, clock)
        first(key)   True for the first press of `key` within `window` seconds (and remembers it)
        forget(key)  the press did not get its answer through: the next one may try again

A key is whatever makes two presses the same for that platform: in Telegram
(user, button), since the details go to the presser privately; in Slack
(channel, message, button), since they go into the message's shared thread.
The memory lives in the process: a double press arrives within a second or
two, and after a restart the worst case is one repeat.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

PRESS_WINDOW = 10.0  # seconds: pressing "More" again within this sends nothing more


class PressMemory:
    """Which presses were seen in the last `window` seconds: a double press sends once."""

    def __init__(self, window: float = PRESS_WINDOW, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self.seen: dict[Hashable, float] = {}

    def first(self, key: Hashable) -> bool:
        """Whether this press is the first of its kind within the window (and remember it).

        Call it before the first `await` of the handler, so two presses handled
        concurrently cannot both see themselves as the first.
        """
        now = self.clock()
        self.seen = {k: t for k, t in self.seen.items() if now - t < self.window}
        if key in self.seen:
            return False
        self.seen[key] = now
        return True

    def forget(self, key: Hashable) -> None:
        """Let the next press of `key` count as a first one (its answer could not be delivered)."""
        self.seen.pop(key, None)
