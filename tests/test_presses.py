"""The press memory both adapters share: a double press answers once, a later press again."""

from __future__ import annotations

from bot.presses import PRESS_WINDOW, PressMemory


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_press_is_first_once_per_window_and_again_after_it() -> None:
    clock = Clock()
    presses = PressMemory(clock=clock)
    key = ("C1", "1700000000.000100", "/story 2026-W48 1")
    assert presses.first(key) and not presses.first(key)
    assert presses.first(("C1", "1700000000.000200", "/story 2026-W48 1"))  # another message
    clock.now += PRESS_WINDOW - 0.1
    assert not presses.first(key)
    clock.now += 0.2
    assert presses.first(key)


def test_a_forgotten_press_may_be_answered_at_once() -> None:
    presses = PressMemory(clock=Clock())
    assert presses.first((7, "/story 1"))
    presses.forget((7, "/story 1"))
    assert presses.first((7, "/story 1"))
    presses.forget(("never", "seen"))  # harmless
