"""A value an expression cannot hold (a power that overflows) is said "too large", never
printed as a 300-digit number (issue #11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.game_report import game_report, render_text
from game.engine.numbers import number
from game.scenario import load_scenario

OVERFLOW = 'delta = "public_trust ** public_trust ** 2"'


@pytest.mark.parametrize(
    ("value", "lang", "said"),
    [
        (1e300, "en", "too large"),
        (1e300, "id", "terlalu besar"),
        (-1e300, "en", "too large (negative)"),
        (-1e300, "id", "terlalu besar (negatif)"),
        (float("inf"), "en", "too large"),
        (float("nan"), "id", "terlalu besar"),
        (1e15, "en", "too large"),
    ],
)
def test_a_value_beyond_any_readable_number_is_said_too_large(
    value: float, lang: str, said: str
) -> None:
    assert number(value, 2, lang, sign=True) == said


def test_readable_numbers_stay_numbers() -> None:
    assert number(999_999_999_999.5, 1, "en") == "999,999,999,999.5"
    assert number(-1234.5, 1, "id", sign=True) == "−1.234,5"


def test_an_overflowing_rule_reads_too_large_in_the_simulate_report(
    example_text: str, tmp_path: Path
) -> None:
    old = 'delta = "0.15 * (service_quality - 75)"'
    assert old in example_text
    path = tmp_path / "overflow.toml"
    path.write_text(example_text.replace(old, OVERFLOW), encoding="utf-8")
    game = Game(load_scenario(path).compiled, seed=1)
    for _ in range(3):
        game.end_turn()
    for lang, said in (("en", "too large"), ("id", "terlalu besar")):
        text = render_text(game_report(game, lang))
        assert said in text
        assert not re.search(r"\d{16}", text), text
