"""How a game carries out the rules of a turn: by the scenario's generated code (the game's
way, ``engine.fused``) or by the readable steps (``resolve``, ``chance``), which say the same
and serve to check the generated code (``Game(..., by_steps=True)``)."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.chance import events_drawn, seed_draws
from game.engine.fused import Fused, fused
from game.engine.ledger import Ledger
from game.engine.resolve import end_of_turn, end_of_turn_by_steps, recompute_derived
from game.engine.scoring import Parts
from game.engine.state import State
from game.scenario.compiled import Compiled
from game.scenario.kept import kept


@dataclass(frozen=True)
class Generated:
    """The rules run as the scenario's generated code."""

    compiled: Compiled
    code: Fused

    def derive(self, state: State) -> None:
        """The derived values from the metrics."""
        self.code.derived(state.values, state.held, state.answers)

    def resolve(self, state: State, ledger: Ledger | None) -> None:
        """Step 2 of the turn; ``ledger`` None: nothing recorded."""
        end_of_turn(self.compiled, state, ledger)

    def draw(self, state: State, seed: int, fired_at: dict[int, int]) -> list[int]:
        """The events that fire for the state's turn (a game draws for turns 1 to its last)."""
        t = state.turn
        events = self.code.events_at[t - 1]
        return events(state.values, state.held, state.answers, t, seed_draws(seed), fired_at)

    def ending(self, state: State) -> str | None:
        """The first ending whose condition holds, or None."""
        return self.code.ending(state.values, state.held, state.answers)

    def score_parts(self, state: State) -> Parts | None:
        """The base score, the goals met and their bonus on the final state."""
        return self.code.score_parts(state.values, state.held, state.answers)


@dataclass(frozen=True)
class BySteps:
    """The rules run as the readable steps say them (slower; the same results)."""

    compiled: Compiled

    def derive(self, state: State) -> None:
        recompute_derived(self.compiled, state)

    def resolve(self, state: State, ledger: Ledger | None) -> None:
        end_of_turn_by_steps(self.compiled, state, ledger if ledger is not None else Ledger())

    def draw(self, state: State, seed: int, fired_at: dict[int, int]) -> list[int]:
        return events_drawn(self.compiled, state, seed, fired_at)

    def ending(self, state: State) -> str | None:
        v, h, c = state.values, state.held, state.answers
        return next((en.id for en in self.compiled.endings if en.condition.fn(v, h, c)), None)

    def score_parts(self, state: State) -> Parts | None:
        return None  # scoring reads the game itself, expression by expression


TurnRules = Generated | BySteps


def turn_rules(compiled: Compiled, by_steps: bool = False) -> TurnRules:
    """The way a game of this scenario runs its turns."""
    if by_steps:
        return BySteps(compiled)
    return kept(compiled, "rules", _generated)  # one per scenario, shared by its games


def _generated(compiled: Compiled) -> Generated:
    return Generated(compiled, fused(compiled))
