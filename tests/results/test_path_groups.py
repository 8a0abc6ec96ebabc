"""Groups of similar decision paths: the fast clustering joins exactly what the textbook
average-linkage clustering joins, computed with exact fractions."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from game.results.analysis import path_groups


@dataclass(frozen=True)
class Record:
    score: float
    player: str


@dataclass(frozen=True)
class Player:
    """What path_groups reads of a Played: the record (score, name) and the adopted set."""

    record: Record
    adopted: frozenset[str]


def exact_groups(players: list[Player]) -> list[list[str]]:
    """Average linkage on Jaccard distance, the plain O(n^3) way, in exact arithmetic."""
    items = sorted(players, key=lambda p: (-p.record.score, p.record.player.casefold()))
    k = max(1, min(4, round(math.sqrt(len(items) / 2))))

    def distance(a: frozenset[str], b: frozenset[str]) -> Fraction:
        union = a | b
        return 1 - Fraction(len(a & b), len(union)) if union else Fraction(0)

    clusters = [[p] for p in items]
    while len(clusters) > k:
        best: tuple[Fraction, int, int] | None = None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                total = sum(
                    (distance(x.adopted, y.adopted) for x in clusters[i] for y in clusters[j]),
                    Fraction(0),
                )
                d = total / (len(clusters[i]) * len(clusters[j]))
                if best is None or d < best[0]:
                    best = (d, i, j)
        assert best is not None
        _, i, j = best
        clusters[i] += clusters.pop(j)
    return sorted(sorted(p.record.player for p in c) for c in clusters)


players = st.lists(
    st.tuples(st.integers(0, 4), st.frozensets(st.sampled_from("abcdef"), max_size=6)),
    min_size=1,
    max_size=30,
).map(
    lambda rows: [
        Player(Record(float(score), f"p{i:02d}"), adopted)
        for i, (score, adopted) in enumerate(rows)
    ]
)


@settings(max_examples=150, deadline=None)
@given(players)
def test_the_groups_are_those_of_exact_average_linkage(group: list[Player]) -> None:
    found = path_groups(group)  # type: ignore[arg-type]
    assert sorted(sorted(m.record.player for m in g.members) for g in found) == exact_groups(group)
    assert sum(len(g.members) for g in found) == len(group)


def test_a_class_of_500_is_grouped() -> None:
    pool = [f"policy{i}" for i in range(30)]
    group = [
        Player(
            Record(float(i % 17), f"p{i:03d}"),
            frozenset(p for j, p in enumerate(pool) if (i * 7 + j * 13) % 5 < 2),
        )
        for i in range(500)
    ]
    found = path_groups(group)  # type: ignore[arg-type]
    assert len(found) == 4
    assert sorted(m.record.player for g in found for m in g.members) == sorted(
        p.record.player for p in group
    )
