"""``agen check``: run a scenario's ``[[expect]]`` blocks like unit tests.

Each expectation plays its plan (with its own ``seed`` or the scenario's), then evaluates its
``assert`` on the final state. The result carries the values, at the end, of every name the
assertion reads, so a failure says what was found ("public_trust = 38.2").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.engine.game import Game
from game.engine.plan import play_plan
from game.errors import PlanError
from game.i18n import both
from game.scenario.compiled import Compiled
from game.scenario.format_model import Expect, PlanStep
from game.scenario.loader import LoadedScenario


@dataclass(frozen=True)
class ExpectResult:
    """The outcome of one ``[[expect]]`` block."""

    id: str
    label: str
    assertion: str
    passed: bool
    values: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    score: float | None = None
    ending: str | None = None


PlanRefused = PlanError


def play_steps(compiled: Compiled, steps: Sequence[PlanStep], seed: int | None) -> Game:
    """Play a plan to the end (the engine's :func:`play_plan`)."""
    return play_plan(compiled, steps, seed)


def run_expectation(loaded: LoadedScenario, expect: Expect) -> ExpectResult:
    """Play one expectation's plan and test its assertion on the final state."""
    compiled = loaded.compiled
    label = _label(expect)
    assertion = str(expect.assert_).lower() if isinstance(expect.assert_, bool) else expect.assert_
    seed = expect.seed if expect.seed is not None else loaded.scenario.seed
    try:
        game = play_steps(compiled, expect.plan, seed)
    except PlanRefused as exc:
        return ExpectResult(expect.id, label, assertion, False, error=both(exc.said))
    check = compiled.expression(expect.assert_)
    passed = bool(game.evaluate(check))
    values: dict[str, float] = {}
    for name in sorted(check.names):
        values[name] = game.value(name) if name not in ("turn", "turns") else _turn(game, name)
    for pid in sorted(check.policies):
        values[f'held("{pid}")'] = float(game.held(pid))
    outcome = game.outcome
    return ExpectResult(
        expect.id,
        label,
        assertion,
        passed,
        values,
        score=outcome.score if outcome else None,
        ending=outcome.ending if outcome else None,
    )


def run_all(loaded: LoadedScenario) -> list[ExpectResult]:
    """Every ``[[expect]]`` block of the scenario, in file order."""
    return [run_expectation(loaded, ex) for ex in loaded.scenario.expect]


def number(x: float) -> str:
    """A value as a trainer reads it: at most 4 decimals, no trailing zeros."""
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _turn(game: Game, name: str) -> float:
    return float(game.turn if name == "turn" else game.scenario.turns)


def _label(expect: Expect) -> str:
    if expect.label is None:
        return ""
    if isinstance(expect.label, str):
        return expect.label
    return " / ".join(expect.label.values())
