"""The pieces of a compiled scenario, each ready for the engine: ids turned into slots and
indexes, expressions into functions. :mod:`game.scenario.compiled` assembles them.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.expressions import Expression


@dataclass(frozen=True)
class CompiledEffect:
    """An effect with its metric slot and compiled delta."""

    metric: int
    delta: Expression
    delay: int
    ramp: int | None
    duration: int | None
    when: Expression | None
    outlives: bool = False  # keeps acting after a cancellation (``outlives_cancel``)


@dataclass(frozen=True)
class CompiledPolicy:
    """A policy ready for the engine."""

    id: str
    index: int
    cost: Expression
    upkeep: Expression
    requires: tuple[int, ...]
    excludes: tuple[int, ...]
    available: Expression | None
    effects: tuple[CompiledEffect, ...]
    outliving: tuple[CompiledEffect, ...] = ()  # its effects that outlive a cancellation


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready for the engine."""

    id: str
    metric: int
    delta: Expression
    when: Expression | None


@dataclass(frozen=True)
class CompiledDrift:
    """A metric's drift."""

    metric: int
    toward: Expression
    rate: Expression


@dataclass(frozen=True)
class CompiledChoice:
    """An event choice ready for the engine."""

    id: str
    index: int
    requires: Expression | None
    cost: Expression
    effects: tuple[CompiledEffect, ...]


@dataclass(frozen=True)
class CompiledEvent:
    """An event ready for the engine."""

    id: str
    index: int
    first: int
    last: int
    chance: Expression
    when: Expression | None
    repeats: bool
    cooldown: int
    choices: tuple[CompiledChoice, ...]


@dataclass(frozen=True)
class CompiledGoal:
    """A goal ready for scoring."""

    id: str
    condition: Expression
    bonus: Expression


@dataclass(frozen=True)
class CompiledEnding:
    """An ending ready for the engine."""

    id: str
    condition: Expression
    kind: str
