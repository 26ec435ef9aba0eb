"""Name keys across transliterations: the ground the cross-story figure registry stands on."""

from __future__ import annotations

import pytest

from briefings.framing import name_key, name_similarity, same_person

SAME = [
    ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
    ("Tsikhanouskaya", "Tsikhanovskaya"),
    ("Alexander Lukashenko", "Aleksandr Lukashenka"),
    ("Pavel Latushka", "Pavel Latushko"),
    ("Siarhei Tsikhanouski", "Sergei Tikhanovsky"),
    ("Valery Kavaleuski", "Valery Kovalevsky"),
    ("Maria Kalesnikava", "Maria Kolesnikova"),
    ("Nicolae Ceaușescu", "Nicolae Ceausescu"),
    ("Dr. Ana María de la Cruz", "Ana Maria De la Cruz"),
    ("J. Smith", "John Smith"),
    ("Latushka", "Pavel Latushka"),
]
DIFFERENT = [
    ("Siarhei Tsikhanouski", "Sviatlana Tsikhanouskaya"),  # husband and wife
    ("Tsikhanouski", "Tsikhanouskaya"),
    ("Carl Hendricks", "Gail Hendricks"),
    ("Donald Trump", "Ivanka Trump"),
    ("Alexander Friedman", "Alexander Lukashenko"),
]


@pytest.mark.parametrize("a,b", SAME, ids=[f"{a}~{b}" for a, b in SAME])
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert name_similarity(a, b) >= 85


@pytest.mark.parametrize("a,b", DIFFERENT, ids=[f"{a}~{b}" for a, b in DIFFERENT])
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_key_ignores_titles_particles_and_possessives() -> None:
    assert name_key("Sen. Elizabeth Warren's") == name_key("Elizabeth Warren")
    assert name_key("Jan van der Berg") == name_key("Jan Berg")


def test_key_of_nothing_is_empty() -> None:
    assert name_key("") == ""
    assert name_similarity("", "Someone") == 0.0


def test_surname_key_is_the_last_word() -> None:
    from briefings.framing.names import surname_key

    assert surname_key("Pavel Latushka") == surname_key("Latushko")
    assert surname_key("") == ""
