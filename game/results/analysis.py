"""What a class report shows, computed from verified results replayed on their scenario.

Metric paths per turn, quarters and halves by score, how often each policy was chosen,
the BerAKHLAK profile of the choices, and groups of similar decision paths (average-linkage
clustering on the Jaccard distance between adopted-policy sets).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from game.engine import Adopt, Decision, Game
from game.engine.values import value_counts
from game.results.record import ResultRecord
from game.scenario import VALUES, LoadedScenario


@dataclass(frozen=True)
class Played:
    """One player's verified game: the record and its replay."""

    record: ResultRecord
    game: Game

    @cached_property
    def decisions(self) -> list[Decision]:
        """The record's decisions as engine objects, parsed once."""
        return self.record.decision_objects()

    @cached_property
    def adopted(self) -> frozenset[str]:
        """Every policy the player adopted at some point."""
        return frozenset(d.action.policy for d in self.decisions if isinstance(d.action, Adopt))


def ranked(played: Sequence[Played]) -> list[Played]:
    """Best score first (name breaks ties, so the order is stable)."""
    return sorted(played, key=lambda p: (-p.record.score, p.record.player.casefold()))


def quarters(played: Sequence[Played]) -> tuple[list[Played], list[Played]]:
    """The top and the bottom quarter by score (at least one each when there are two players)."""
    order = ranked(played)
    k = max(1, len(order) // 4) if len(order) >= 2 else 0
    return order[:k], order[len(order) - k :] if k else []


def halves(played: Sequence[Played]) -> tuple[list[Played], list[Played]]:
    """The top and the bottom half by score (the middle player of an odd class in neither)."""
    order = ranked(played)
    k = len(order) // 2
    return order[:k], order[len(order) - k :] if k else []


def policy_shares(
    loaded: LoadedScenario, top: Sequence[Played], bottom: Sequence[Played]
) -> list[tuple[str, float, float]]:
    """(policy id, share of the top half that adopted it, share of the bottom half)."""

    def share(group: Sequence[Played], pid: str) -> float:
        return sum(pid in p.adopted for p in group) / len(group) if group else 0.0

    return [(p.id, share(top, p.id), share(bottom, p.id)) for p in loaded.scenario.policies]


def values_profile(
    loaded: LoadedScenario, played: Sequence[Played], breaches: bool = False
) -> dict[str, float]:
    """Mean count per player of each BerAKHLAK value expressed (with ``breaches``: gone
    against), counted as the debrief counts it: per turn a tagged policy was in force, per
    choice made (:func:`game.engine.values.value_counts`)."""
    totals: Counter[str] = Counter()
    for p in played:
        totals.update(value_counts(p.game, breaches))
    n = max(1, len(played))
    return {v: totals[v] / n for v in VALUES}


@dataclass(frozen=True)
class PathGroup:
    """Players whose adopted-policy sets are alike, with their typical policies and outcome."""

    members: tuple[Played, ...]
    common: tuple[str, ...]  # adopted by at least half of the group, most frequent first

    @property
    def mean_score(self) -> float:
        """Average score of the group."""
        return sum(p.record.score for p in self.members) / len(self.members)


def path_groups(played: Sequence[Played], k: int | None = None) -> list[PathGroup]:
    """Average-linkage clustering on Jaccard distance into k groups (default ~sqrt(n/2), 1–4).

    Each step joins the two clusters with the smallest mean distance between their members
    (ties: the pair that comes first in score order). The sums of member distances between
    clusters are kept and added up on a join, so a class of 500 takes well under a second."""
    items = ranked(played)
    if not items:
        return []
    if k is None:
        k = max(1, min(4, round(math.sqrt(len(items) / 2))))
    sets = [p.adopted for p in items]
    sums = _jaccard_distances(sets)
    n = len(items)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    # mean distance between two live clusters, each pair once (i < j); inf elsewhere
    mean = np.where(np.triu(np.ones((n, n), dtype=bool), 1), sums, np.inf)
    for _ in range(n - k):
        i, j = divmod(int(np.argmax(mean <= mean.min() + 1e-12)), n)
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sizes[i] += sizes[j]
        alive[j] = False
        mean[j, :] = mean[:, j] = np.inf
        row = np.where(alive, sums[i, :] / (sizes[i] * sizes), np.inf)
        mean[i, i + 1 :] = row[i + 1 :]
        mean[:i, i] = row[:i]
        members[i] += members[j]
    groups = []
    for live in np.flatnonzero(alive).tolist():
        cluster = members[live]
        counts = Counter(pid for m in cluster for pid in sets[m])
        common = tuple(pid for pid, c in counts.most_common() if c * 2 >= len(cluster))
        groups.append(PathGroup(tuple(items[m] for m in sorted(cluster)), common))
    return sorted(groups, key=lambda g: -g.mean_score)


def _jaccard_distances(sets: Sequence[frozenset[str]]) -> np.ndarray:
    """The matrix of 1 - Jaccard similarity between every two sets (0 between two empty ones)."""
    names = sorted(set().union(*sets))
    index = {name: i for i, name in enumerate(names)}
    has = np.zeros((len(sets), len(names)))
    for row, s in enumerate(sets):
        has[row, [index[x] for x in s]] = 1.0
    both = has @ has.T
    sizes = has.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - both
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, 1.0 - both / np.where(union > 0, union, 1.0), 0.0)
