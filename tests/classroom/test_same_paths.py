"""Identical decision paths are flagged only from a length where copying is plausible."""

from __future__ import annotations

from typing import Any

from game.classroom.rooms import SeatRow
from game.classroom.snapshot import COPY_MOVES, COPY_TURNS, alike_seats


def _seat(i: int, turn_done: int, decisions: list[dict[str, Any]]) -> SeatRow:
    return SeatRow(i, "K", f"P{i}", None, (), False, turn_done, decisions, None, None)


PLAN = [
    {"turn": 1, "adopt": "a"},
    {"turn": 1, "adopt": "b"},
    {"turn": 2, "choose": ["e", "x"]},
    {"turn": 2, "adopt": "c"},
    {"turn": 3, "cancel": "a"},
]


def test_three_bots_with_one_plan_after_quarter_one_are_not_flagged() -> None:
    first = [d for d in PLAN if d["turn"] == 1]
    assert alike_seats([_seat(i, 1, first) for i in range(3)]) == []


def test_long_identical_paths_are_flagged_and_different_ones_not() -> None:
    seats = [_seat(i, 3, PLAN) for i in range(2)]
    other = [*PLAN[:-1], {"turn": 3, "cancel": "b"}]
    seats.append(_seat(2, 3, other))
    assert alike_seats(seats) == [[0, 1]]
    assert COPY_TURNS == 3 and COPY_MOVES == 3


def test_few_policy_moves_are_not_enough_even_late() -> None:
    calm = [{"turn": 1, "adopt": "a"}, {"turn": 4, "choose": ["e", "x"]}]
    assert alike_seats([_seat(i, 6, calm) for i in range(2)]) == []
