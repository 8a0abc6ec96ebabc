"""Predict, then see: which metrics a policy moves, when its prediction comes due, what the
policy really did from the ledger, and the calibration over a game.

A prediction says which way a policy's own effects will have moved a metric by the end of
a quarter (``by``): ``up``, ``down`` or ``same``. What really happened is the sum of the
ledger's entries of that policy on that metric from its adoption to ``by``; a sum smaller
than half a percent of the metric's range counts as no change. Predictions are the
player's words about the game, never decisions: they change nothing in a replay.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from game.engine import ledger as L
from game.engine.actions import Adopt, RecordCode
from game.engine.game import Game
from game.engine.ledger import Cause
from game.errors import Message, ResultError

Direction = Literal["up", "down", "same"]
DIRECTIONS: tuple[Direction, ...] = ("up", "down", "same")
MOVED_METRICS = 3
NO_CHANGE_SHARE = 0.005  # of the metric's range
PREDICT_ALL = 1_000_000  # a ``first`` setting meaning "every adoption" (--predict all)


@dataclass(frozen=True)
class Prediction:
    """The player's expectation, made when adopting ``policy`` in ``turn``."""

    turn: int
    policy: str
    metric: str
    by: int
    expect: Direction

    def to_json(self) -> dict[str, Any]:
        """As stored in a result file."""
        return {
            "turn": self.turn,
            "policy": self.policy,
            "metric": self.metric,
            "by": self.by,
            "expect": self.expect,
        }

    @staticmethod
    def from_json(data: Any) -> Prediction:
        """Read one stored prediction; raise ResultError when malformed."""
        ok = (
            isinstance(data, dict)
            and set(data) == {"turn", "policy", "metric", "by", "expect"}
            and all(
                isinstance(data[k], int) and not isinstance(data[k], bool) for k in ("turn", "by")
            )
            and isinstance(data["policy"], str)
            and isinstance(data["metric"], str)
            and data["expect"] in DIRECTIONS
        )
        if not ok:
            raise ResultError(Message.of(RecordCode.PREDICTION_UNREADABLE, data=f"{data!r:.80}"))
        return Prediction(data["turn"], data["policy"], data["metric"], data["by"], data["expect"])


@dataclass(frozen=True)
class Reveal:
    """A prediction next to what happened."""

    prediction: Prediction
    actual: Direction
    amount: float  # the policy's own effect on the metric from its adoption to ``by``
    paid_turn: int | None  # first turn its running effect moved the better way, if ever
    causes: tuple[Cause, ...]  # the largest causes of the metric's change over the same turns

    @property
    def right(self) -> bool:
        """Whether the prediction came true."""
        return self.prediction.expect == self.actual


@dataclass(frozen=True)
class Calibration:
    """How well a player's predictions matched the game."""

    reveals: tuple[Reveal, ...]

    @property
    def right(self) -> int:
        """Predictions that came true."""
        return sum(r.right for r in self.reveals)

    @property
    def total(self) -> int:
        """Predictions that have come due."""
        return len(self.reveals)

    @property
    def surprises(self) -> tuple[Reveal, ...]:
        """The predictions that did not come true."""
        return tuple(r for r in self.reveals if not r.right)


def _range(game: Game, metric: str) -> float:
    slot = game.compiled.slot(metric)
    return max(game.compiled.maximum[slot] - game.compiled.minimum[slot], 1e-9)


def moved_metrics(game: Game, policy: str, n: int = MOVED_METRICS) -> list[str]:
    """The visible metrics a policy's effects move most, relative to each metric's range,
    as its delta reads in the current state (budget left out: its card shows the cost)."""
    c, s = game.compiled, game.scenario
    cp = c.policies[c.policy_index[policy]]
    weight: dict[str, float] = defaultdict(float)
    for effect in cp.effects:
        name = c.metric_ids[effect.metric]
        if effect.metric == c.budget or s.metrics[name].hidden:
            continue
        try:
            delta = abs(game.evaluate(effect.delta))
        except (ArithmeticError, ValueError):
            delta = 0.0
        weight[name] += delta / _range(game, name) + 1e-6  # a named metric always counts
    ranked = sorted(weight, key=lambda m: -weight[m])
    return ranked[:n]


def due_turn(game: Game, turn: int) -> int:
    """The quarter a prediction made in ``turn`` is about: ``horizon`` quarters later
    (the scenario's [predictions] horizon, default 1), not past the last turn."""
    setting = game.scenario.predictions
    horizon = setting.horizon if setting is not None else 1
    return min(turn + horizon, game.scenario.turns)


def asks(game: Game, first: int | None = None) -> bool:
    """Whether the next adoption asks for a prediction. A scenario asks when it has a
    [predictions] table: every adoption, or its first N of a game; ``first`` (the class's or
    the command line's choice) overrides it, and 0 never asks."""
    setting = game.scenario.predictions
    if first is None and setting is None:
        return False
    limit = first if first is not None else setting.first if setting is not None else None
    if limit is None:
        return True
    adopted = sum(1 for d in game.decisions if isinstance(d.action, Adopt))
    return adopted < limit


def _direction(game: Game, metric: str, amount: float) -> Direction:
    if abs(amount) < NO_CHANGE_SHARE * _range(game, metric):
        return "same"
    return "up" if amount > 0 else "down"


def _own(game: Game, p: Prediction, until: int) -> dict[int, float]:
    slot = game.compiled.slot(p.metric)
    per_turn: dict[int, float] = defaultdict(float)
    for t, m, kind, source, delta in game.ledger.entries:
        if m == slot and kind == L.POLICY and source == p.policy and p.turn <= t <= until:
            per_turn[t] += delta
    return per_turn


def reveal(game: Game, p: Prediction) -> Reveal | None:
    """What happened, once quarter ``by`` is resolved (or the game ended earlier)."""
    resolved = game.turns_played
    if resolved < p.by and not game.over:
        return None
    until = min(p.by, resolved)
    c = game.compiled
    if p.metric not in c.metric_ids or p.policy not in c.policy_index:
        return None
    own = _own(game, p, resolved)
    amount = sum(v for t, v in own.items() if t <= until)
    better = 1.0 if c.scenario.metrics[p.metric].higher_is_better else -1.0
    running, paid = 0.0, None
    for t in range(p.turn, resolved + 1):
        running += own.get(t, 0.0)
        if better * running >= NO_CHANGE_SHARE * _range(game, p.metric):
            paid = t
            break
    slot = c.slot(p.metric)
    total: dict[tuple[str, str], float] = defaultdict(float)
    for t, m, kind, source, delta in game.ledger.entries:
        if m == slot and p.turn <= t <= until and not (kind == L.POLICY and source == p.policy):
            total[(kind, source)] += delta
    causes = sorted(
        (Cause(k, s, d) for (k, s), d in total.items() if abs(d) > 1e-9),
        key=lambda x: -abs(x.delta),
    )[:3]
    return Reveal(p, _direction(game, p.metric, amount), amount, paid, tuple(causes))


def calibration(game: Game, predictions: list[Prediction] | tuple[Prediction, ...]) -> Calibration:
    """Every prediction that has come due, with what happened."""
    found = (reveal(game, p) for p in predictions)
    return Calibration(tuple(r for r in found if r is not None))


def check_predictions(game: Game, predictions: tuple[Prediction, ...]) -> None:
    """Raise ResultError unless every prediction belongs to an adoption of the replayed game
    and names one of its metrics and a quarter from its turn to the end."""
    adopted = {(d.turn, d.action.policy) for d in game.decisions if isinstance(d.action, Adopt)}
    s = game.scenario
    for i, p in enumerate(predictions, 1):
        if (p.turn, p.policy) not in adopted:
            raise ResultError(
                Message.of(RecordCode.PREDICTION_NO_ADOPTION, n=i, policy=p.policy, turn=p.turn)
            )
        if p.metric not in s.metrics or p.metric == s.budget:
            raise ResultError(Message.of(RecordCode.PREDICTION_NO_METRIC, n=i, metric=p.metric))
        if not p.turn <= p.by <= s.turns:
            raise ResultError(
                Message.of(RecordCode.PREDICTION_QUARTER, n=i, by=p.by, turn=p.turn, last=s.turns)
            )
