"""The class's reflection, from its replayed games: the most common wrong expectations, the
"Netflix culture" principle groups with their mean scores and key metrics, and the debrief
questions with the class's numbers. Used by ``agen results report`` and the class debrief
page (call :func:`class_reflection` with the verified games).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.debrief_questions import class_question
from game.engine.game import Game
from game.engine.prediction import reveal
from game.engine.principles import aspect_metrics, group_of, principle_uses
from game.results.record import ResultRecord
from game.scenario import Scenario, localize
from game.scenario.vocabulary import PRINCIPLES

MIN_PREDICTIONS = 3  # a wrong expectation is listed once this many players made it


@dataclass(frozen=True)
class WrongExpectation:
    """Many players expected the same thing, and it did not happen."""

    policy: str
    metric: str
    expect: str  # up / down / same
    actual: str  # what the policy really did (the most common outcome)
    wrong: int  # players who expected this and were wrong
    asked: int  # players who predicted this policy's effect on this metric

    @property
    def share(self) -> float:
        """Share of the players asked who expected this wrongly."""
        return self.wrong / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class PrincipleGroup:
    """Players who practised a principle in one way: not at all, alone, with its safeguard."""

    principle: str
    group: str  # none / alone / guarded / practised
    players: int
    mean_score: float
    means: dict[str, float]  # aspect -> mean final value of its metric


@dataclass(frozen=True)
class ClassReflection:
    """Everything the class pages show of the reflection layer."""

    players: int
    predictions: int
    right: int
    wrong_expectations: tuple[WrongExpectation, ...]
    groups: tuple[PrincipleGroup, ...]
    questions: tuple[str, ...]


def wrong_expectations(
    played: Sequence[tuple[ResultRecord, Game]], min_count: int = MIN_PREDICTIONS
) -> tuple[list[WrongExpectation], int, int]:
    """The wrong expectations shared by at least ``min_count`` players, most common first;
    and the class's totals of predictions come due and right."""
    asked: dict[tuple[str, str], int] = defaultdict(int)
    wrong: dict[tuple[str, str, str], int] = defaultdict(int)
    actual: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    total = right = 0
    for record, game in played:
        for p in record.prediction_objects():
            r = reveal(game, p)
            if r is None:
                continue
            total += 1
            right += r.right
            asked[(p.policy, p.metric)] += 1
            actual[(p.policy, p.metric)][r.actual] += 1
            if not r.right:
                wrong[(p.policy, p.metric, p.expect)] += 1
    out = []
    for (policy, metric, expect), n in wrong.items():
        if n < min_count:
            continue
        outcomes = actual[(policy, metric)]
        common = max(outcomes, key=lambda k: outcomes[k])
        out.append(WrongExpectation(policy, metric, expect, common, n, asked[(policy, metric)]))
    out.sort(key=lambda w: (-w.share, -w.wrong, w.policy, w.metric))
    return out, total, right


def principle_groups(
    played: Sequence[tuple[ResultRecord, Game]], s: Scenario
) -> list[PrincipleGroup]:
    """For each principle the class practised: its groups with their mean scores and the
    mean final quality, trust, integrity and staff metric."""
    aspects = aspect_metrics(s)
    by: dict[tuple[str, str], list[tuple[ResultRecord, Game]]] = defaultdict(list)
    for record, game in played:
        for use in principle_uses(game):
            by[(use.principle, group_of(use))].append((record, game))
    out = []
    order = ("guarded", "alone", "practised", "none")
    for principle in PRINCIPLES:
        if not any(by.get((principle, g)) for g in order[:3]):
            continue
        for group in order:
            members = by.get((principle, group), [])
            if not members:
                continue
            means = {
                a: statistics.fmean(g.value_at(g.turns_played, m) for _, g in members)
                for a, m in aspects.items()
            }
            out.append(
                PrincipleGroup(
                    principle,
                    group,
                    len(members),
                    statistics.fmean(r.score for r, _ in members),
                    means,
                )
            )
    return out


def class_reflection(
    played: Sequence[tuple[ResultRecord, Game]], s: Scenario, lang: str
) -> ClassReflection:
    """The class's reflection: wrong expectations, principle groups, debrief questions."""
    wrong, total, right = wrong_expectations(played)
    games = [g for _, g in played]
    questions = [class_question(s, q, games, lang) for q in s.debrief]
    return ClassReflection(
        len(played),
        total,
        right,
        tuple(wrong),
        tuple(principle_groups(played, s)),
        tuple(q for q in questions if q),
    )


def describe_wrong(w: WrongExpectation, s: Scenario, lang: str) -> str:
    """'70% expected Work from anywhere to raise Service quality (it lowered it).'"""
    from game.i18n import tr

    dl = s.default_language
    policy = localize(s.policies[[p.id for p in s.policies].index(w.policy)].name, lang, dl)
    metric = s.metrics[w.metric].label if w.metric in s.metrics else w.metric
    return tr(
        f"reflect.class_wrong_{w.expect}",
        lang,
        share=round(100 * w.share),
        policy=policy,
        metric=localize(metric, lang, dl),
        actual=tr(f"reflect.did_{w.actual}", lang),
        n=w.wrong,
        asked=w.asked,
    )
