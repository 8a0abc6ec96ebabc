"""Counts over many bot games, taken in one pass: how many games adopted each policy, fired
each event (and how often), reached each goal and ended each way.

A balance report reads dozens of shares off ten thousand rows; counting every row once here,
instead of testing every row again for every policy, event, goal and ending, keeps the report
from being a noticeable part of the run. Shares are these counts over the number of games,
so they are exactly the numbers the per-question tests would give.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.authoring.runs import Row


def bit_counts(masks: Iterable[int], width: int) -> list[int]:
    """For each bit below ``width``, how many of the masks have it set."""
    counts = [0] * width
    for mask in masks:
        while mask:
            low = mask & -mask
            counts[low.bit_length() - 1] += 1
            mask ^= low
    return counts


@dataclass(frozen=True)
class Tally:
    """What a group of games did, counted."""

    games: int
    adopted: list[int]  # per policy index: games that adopted it
    fired: list[int]  # per event index: games in which it fired
    times: list[int]  # per event index: its firings, all games together
    goals: list[int]  # per goal index: games that reached it
    endings: list[int]  # per ending index, then (index -1) the games played to the last turn

    @classmethod
    def of(cls, rows: list[Row], policies: int, events: int, goals: int, endings: int) -> Tally:
        """Count ``rows`` (a scenario of so many policies, events, goals and endings)."""
        fired, times = [0] * events, [0] * events
        ended = [0] * (endings + 1)
        for r in rows:
            for e in r.fired:
                times[e] += 1
            for e in set(r.fired):
                fired[e] += 1
            ended[r.ending] += 1  # -1, played to the last turn, counts in the last place
        return cls(
            games=len(rows),
            adopted=bit_counts((r.adopted for r in rows), policies),
            fired=fired,
            times=times,
            goals=bit_counts((r.goals for r in rows), goals),
            endings=ended,
        )
