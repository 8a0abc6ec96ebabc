"""The one-pass counts of a balance report are those of asking every row every question."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.authoring.runs import Row
from game.authoring.tally import Tally, bit_counts

POLICIES, EVENTS, GOALS, ENDINGS = 70, 6, 5, 3  # more policies than a machine word holds


@st.composite
def rows(draw: st.DrawFn) -> Row:
    return Row(
        bot=draw(st.sampled_from(["random", "greedy"])),
        seed=draw(st.integers(0, 99)),
        score=draw(st.floats(-50, 150)),
        grade=None,
        goals=draw(st.integers(0, (1 << GOALS) - 1)),
        adopted=draw(st.integers(0, (1 << POLICIES) - 1)),
        fired=tuple(draw(st.lists(st.integers(0, EVENTS - 1), max_size=8))),
        ending=draw(st.integers(-1, ENDINGS - 1)),
        offered=0,
        eligible=0,
        moved=0,
        turns_played=8,
    )


@given(st.lists(rows(), max_size=40))
def test_tally_counts_what_each_question_counts(games: list[Row]) -> None:
    t = Tally.of(games, POLICIES, EVENTS, GOALS, ENDINGS)
    assert t.games == len(games)
    assert t.adopted == [sum(1 for r in games if r.adopted >> i & 1) for i in range(POLICIES)]
    assert t.fired == [sum(1 for r in games if e in r.fired) for e in range(EVENTS)]
    assert t.times == [sum(r.fired.count(e) for r in games) for e in range(EVENTS)]
    assert t.goals == [sum(1 for r in games if r.goals >> g & 1) for g in range(GOALS)]
    assert t.endings[:ENDINGS] == [sum(1 for r in games if r.ending == k) for k in range(ENDINGS)]
    assert t.endings[-1] == sum(1 for r in games if r.ending < 0)


def test_bit_counts_of_a_few_masks() -> None:
    assert bit_counts([0b101, 0b100, 0, 1 << 64], 65) == [1, 0, 2] + [0] * 61 + [1]
