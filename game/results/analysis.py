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

from game.engine import Adopt, Choose, Game
from game.results.record import ResultRecord
from game.scenario import VALUES, LoadedScenario


@dataclass(frozen=True)
class Played:
    """One player's verified game: the record and its replay."""

    record: ResultRecord
    game: Game

    @property
    def adopted(self) -> frozenset[str]:
        """Every policy the player adopted at some point."""
        return frozenset(
            d.action.policy for d in self.record.decision_objects() if isinstance(d.action, Adopt)
        )


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
    """Mean number of times per player each BerAKHLAK value was expressed by a choice (with
    ``breaches``: gone against, per the scenario's optional ``breaches`` tags)."""
    s = loaded.scenario
    policy_values = {p.id: p.breaches if breaches else p.values for p in s.policies}
    choice_values = {
        (e.id, c.id): c.breaches if breaches else c.values for e in s.events for c in e.choices
    }
    totals: Counter[str] = Counter()
    for p in played:
        for d in p.record.decision_objects():
            a = d.action
            if isinstance(a, Adopt):
                totals.update(policy_values.get(a.policy, ()))
            elif isinstance(a, Choose):
                totals.update(choice_values.get((a.event, a.choice), ()))
    n = max(1, len(played))
    return {v: totals[v] / n for v in VALUES}


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Similarity of two sets (1 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


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
    """Average-linkage clustering on Jaccard distance into k groups (default ~sqrt(n/2), 1–4)."""
    items = ranked(played)
    if not items:
        return []
    if k is None:
        k = max(1, min(4, round(math.sqrt(len(items) / 2))))
    sets = [p.adopted for p in items]
    dist = [[1 - jaccard(a, b) for b in sets] for a in sets]
    clusters: list[list[int]] = [[i] for i in range(len(items))]
    while len(clusters) > k:
        best = (math.inf, 0, 1)
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                d = sum(dist[x][y] for x in clusters[i] for y in clusters[j]) / (
                    len(clusters[i]) * len(clusters[j])
                )
                if d < best[0]:
                    best = (d, i, j)
        _, i, j = best
        clusters[i] += clusters.pop(j)
    groups = []
    for members in clusters:
        counts = Counter(pid for m in members for pid in sets[m])
        common = tuple(pid for pid, n in counts.most_common() if n * 2 >= len(members))
        groups.append(PathGroup(tuple(items[m] for m in sorted(members)), common))
    return sorted(groups, key=lambda g: -g.mean_score)
