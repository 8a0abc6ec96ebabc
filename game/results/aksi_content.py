"""What the Aksi Perubahan draft says, read from one finished game (no Word here).

The problem indicators are the metrics the scenario's goals compare with a bar (so no
internal counter, budget or hidden value is ever one), each with its baseline, its result
and a target: the lowest bar the player did not reach, else the highest. The reform is the
policies still in force at the end, as milestones by the quarter they were adopted; what
the player answered to events is kept apart, as the risks met.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass

from game.engine import ledger as L
from game.engine.actions import Adopt, Choose
from game.engine.explain import metric_label
from game.engine.game import Game
from game.engine.timeline import spells
from game.scenario.expressions import ExpressionError, parse
from game.scenario.text import localize

# a bar of a goal: "<metric> >= x" (flipped when written "x <= <metric>")
_OPS: dict[type[ast.cmpop], str] = {ast.GtE: ">=", ast.Gt: ">", ast.LtE: "<=", ast.Lt: "<"}
_FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
_FREE = frozenset({"turn", "turns"})  # what a bar may read besides numbers
_REGULATION = re.compile(r"^(UU|PP|Perpres|Permen|Perka|Perda|Perban|Inpres|Keppres|SE|Kep)")


@dataclass(frozen=True)
class Indicator:
    """A problem indicator: where it started, where the game left it, and a target."""

    name: str
    start: float
    end: float
    op: str  # the direction of the target: ">=" or "<=" (">" and "<" kept as written)
    target: float
    source: str  # one source: the citation behind the policy that moved it most, or ""

    @property
    def met(self) -> bool:
        """Whether the result reaches the target."""
        return _holds(self.end, self.op, self.target)

    @property
    def met_at_start(self) -> bool:
        """Whether the baseline already reached the target (then it is no gap)."""
        return _holds(self.start, self.op, self.target)


def _holds(value: float, op: str, bar: float) -> bool:
    return {
        ">=": value >= bar,
        ">": value > bar,
        "<=": value <= bar,
        "<": value < bar,
    }[op]


def shown(game: Game, name: str) -> bool:
    """A value a participant reads: a metric or derived value, not hidden, not the budget."""
    s = game.scenario
    item = s.metrics.get(name) or s.derived.get(name)
    return item is not None and not item.hidden and name != s.budget


def bars(game: Game) -> dict[str, list[tuple[str, float]]]:
    """Every shown value a goal compares with a bar, in goal order, with its bars."""
    found: dict[str, list[tuple[str, float]]] = {}
    for goal in game.scenario.scoring.goals:
        if not isinstance(goal.condition, str):
            continue
        try:
            tree = parse(goal.condition)
        except ExpressionError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and len(node.ops) == 1:
                bar = _bar(game, node.left, node.ops[0], node.comparators[0])
                if bar is not None:
                    found.setdefault(bar[0], []).append(bar[1:])
    return found


def _bar(
    game: Game, left: ast.expr, op: ast.cmpop, right: ast.expr
) -> tuple[str, str, float] | None:
    sym = _OPS.get(type(op))
    if sym is None:
        return None
    if not isinstance(left, ast.Name) and isinstance(right, ast.Name):
        left, right, sym = right, left, _FLIP[sym]
    if not isinstance(left, ast.Name) or not shown(game, left.id):
        return None
    parts = list(ast.walk(right))
    names = {n.id for n in parts if isinstance(n, ast.Name)}
    if names - _FREE or any(isinstance(n, ast.Call) for n in parts):
        return None
    return left.id, sym, game.evaluate(ast.unparse(right))


def indicators(game: Game) -> list[Indicator]:
    """The problem indicators, baseline → result → target, one source each."""
    out = []
    end = game.turns_played
    for name, found in bars(game).items():
        op = found[0][0]
        same = sorted({b for o, b in found if o[0] == op[0]}, reverse=op.startswith("<"))
        start, last = game.value_at(0, name), game.value_at(end, name)
        target = next((b for b in same if not _holds(last, op, b)), same[-1])
        out.append(Indicator(name, start, last, op, target, source(game, name)))
    return out


def _inputs(game: Game, name: str) -> list[str]:
    """The metric itself, and for a derived value the metrics its formula reads."""
    c = game.compiled
    if name not in c.derived_ids:
        return [name]
    slot = c.slot(name)
    expr = next((e for s, e in c.derived if s == slot), None)
    return [name, *sorted(expr.names if expr is not None else ())]


def source(game: Game, name: str) -> str:
    """One citation for an indicator: the rule (else the study) cited most by what moved it.

    Each source scores the movement of the policies citing it (or, when no policy moved the
    indicator, one point for each policy of the scenario acting on it); an Indonesian
    regulation (UU, PP, Perpres, Permen..., SE) is preferred, as the basis of the measure.
    """
    slots = {game.compiled.slot(n) for n in _inputs(game, name)}
    moved: dict[str, float] = defaultdict(float)
    for _t, m, kind, src, delta in game.ledger.entries:
        if m in slots and kind == L.POLICY:
            moved[src] += abs(delta)
    if not moved:
        inputs = set(_inputs(game, name))
        for p in game.scenario.policies:
            if any(e.metric in inputs for e in p.effects):
                moved[p.id] = 1.0
    score: dict[str, float] = defaultdict(float)
    for pid, weight in moved.items():
        for cited in game.policy(pid).sources:
            score[cited] += weight
    if not score:
        return ""
    return max(score, key=lambda c: (bool(_REGULATION.match(c)), score[c]))


@dataclass(frozen=True)
class Cause:
    """A rule of the scenario that pushed a problem indicator the wrong way."""

    label: str
    metric: str
    total: float
    turns: int


def causes(game: Game, names: list[str], lang: str, most: int = 4) -> list[Cause]:
    """The scenario's own rules that worsened the indicators (or the metrics behind them)."""
    s = game.scenario
    metrics = dict.fromkeys(m for n in names for m in _inputs(game, n) if m in s.metrics)
    slots = {game.compiled.slot(m): m for m in metrics if shown(game, m)}
    total: dict[tuple[str, str], float] = defaultdict(float)
    turns: dict[tuple[str, str], set[int]] = defaultdict(set)
    for t, m, kind, src, delta in game.ledger.entries:
        if kind == L.RULE and m in slots:
            total[(src, slots[m])] += delta
            turns[(src, slots[m])].add(t)
    labels = {r.id: localize(r.label, lang, s.default_language) for r in s.rules if r.label}
    out = []
    for (rule, metric), value in total.items():
        better = s.metrics[metric].higher_is_better
        if rule in labels and (value < 0 if better else value > 0):
            out.append(Cause(labels[rule], metric, value, len(turns[(rule, metric)])))
    scale = {m: max(abs(s.metrics[m].max - s.metrics[m].min), 1e-9) for m in metrics}
    out.sort(key=lambda c: -abs(c.total) / scale[c.metric])
    return out[:most]


@dataclass(frozen=True)
class Milestone:
    """A policy kept to the end: when it was adopted, what it did most, to which metric."""

    policy: str
    adopted: int
    quarters: int
    metric: str | None
    effect: float


def kept(game: Game) -> list[Milestone]:
    """The policies in force at the end, by the turn their last spell began."""
    out = []
    wanted = list(bars(game))
    for pid in game.active_policies():
        runs = spells(game, pid)
        if not runs:
            continue
        first, last = runs[-1]
        effects: dict[str, float] = defaultdict(float)
        for t, m, kind, src, delta in game.ledger.entries:
            if kind == L.POLICY and src == pid and first <= t <= last:
                effects[_name_of(game, m)] += delta
        effects = {m: d for m, d in effects.items() if shown(game, m) and abs(d) > 1e-9}
        metric = max(
            effects,
            key=lambda m: (m in wanted, abs(effects[m]) / _span(game, m)),
            default=None,
        )
        out.append(
            Milestone(
                pid, first, last - first + 1, metric, effects.get(metric, 0.0) if metric else 0.0
            )
        )
    return sorted(out, key=lambda k: (k.adopted, k.policy))


def dropped(game: Game) -> list[tuple[str, int, int]]:
    """Policies adopted and not in force at the end: (id, first turn, last turn in force)."""
    active = set(game.active_policies())
    out = []
    for pid in dict.fromkeys(
        d.action.policy for d in game.decisions if isinstance(d.action, Adopt)
    ):
        runs = spells(game, pid)
        if pid not in active and runs:
            out.append((pid, runs[0][0], runs[-1][1]))
    return out


def _name_of(game: Game, slot: int) -> str:
    c = game.compiled
    names = [*c.metric_ids, *c.derived_ids]
    return names[slot]


def _span(game: Game, name: str) -> float:
    c = game.compiled
    slot = c.slot(name)
    if slot >= len(c.metric_ids):
        return 1.0
    return max(c.maximum[slot] - c.minimum[slot], 1e-9)


def answers(game: Game) -> list[tuple[int, str, str]]:
    """The events the player answered: (turn, event id, choice id), in order."""
    return [
        (d.turn, d.action.event, d.action.choice)
        for d in game.decisions
        if isinstance(d.action, Choose)
    ]


def value_uses(game: Game, lang: str) -> dict[str, tuple[list[str], list[str]]]:
    """For each BerAKHLAK value, the decisions that showed it and those that breached it."""
    dl = game.scenario.default_language
    out: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for d in game.decisions:
        a = d.action
        if isinstance(a, Adopt):
            p = game.policy(a.policy)
            what, values, breaches = localize(p.name, lang, dl), p.values, p.breaches
        elif isinstance(a, Choose):
            ev = game.event(a.event)
            choice = next((c for c in ev.choices if c.id == a.choice), None)
            if choice is None:
                continue
            what = localize(choice.label, lang, dl)
            values, breaches = choice.values, choice.breaches
        else:
            continue
        for v in values:
            if what not in out[v][0]:
                out[v][0].append(what)
        for v in breaches:
            if what not in out[v][1]:
                out[v][1].append(what)
    return dict(out)


def label(game: Game, name: str, lang: str) -> str:
    """A metric's label in ``lang``."""
    return metric_label(game.compiled, name, lang)
