"""Resolving a turn: step 2 of "What a turn does" in docs/format-reference.md (upkeep, then
every effect, rule, drift and scheduled choice effect at once; metrics held in range)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from game.engine import ledger as L
from game.engine.ledger import Ledger
from game.scenario.compiled import Compiled, CompiledEffect

DIGITS = 9  # metric values are rounded to this many decimals after each turn


@dataclass
class Scheduled:
    """An event choice's effect waiting for, or in, its acting turns."""

    effect: CompiledEffect
    chosen_turn: int
    source: str


class TurnState(Protocol):
    """What resolving a turn reads and changes (a :class:`~game.engine.game.Game` is one)."""

    c: Compiled
    v: list[float]  # metric, derived, turn and turns values, by slot
    h: list[int]  # turns each policy has been in force (0: not in force)
    chosen: set[int]  # answers given to events
    turn: int
    ledger: Ledger
    adopted_at: list[int]  # the turn each policy was adopted (0: not in force)
    scheduled: list[Scheduled]


def resolve(game: TurnState) -> None:
    """Step 2 of a turn: upkeep, then every effect, rule, drift and scheduled choice effect
    evaluated at once on the state after upkeep; sums added, metrics held in range."""
    c, v, h, ch, t, ledger = game.c, game.v, game.h, game.chosen, game.turn, game.ledger
    b = c.budget
    active = [p for p in c.policies if game.adopted_at[p.index]]
    if b is not None:
        for p in active:
            upkeep = p.upkeep.fn(v, h, ch)
            if upkeep:
                v[b] -= upkeep
                ledger.add(t, b, L.UPKEEP, p.id, -upkeep)
    nm = len(c.metric_ids)
    delta = [0.0] * nm
    found: list[tuple[int, str, str, float]] = []
    for p in active:
        start = game.adopted_at[p.index]
        for e in p.effects:
            k = t - start - e.delay + 1
            if k < 1 or (e.duration is not None and k > e.duration):
                continue
            d = strength(e, k, v, h, ch)
            if d:
                delta[e.metric] += d
                found.append((e.metric, L.POLICY, p.id, d))
    for r in c.rules:
        if r.when is not None and not r.when.fn(v, h, ch):
            continue
        d = finite(r.delta.fn(v, h, ch))
        if d:
            delta[r.metric] += d
            found.append((r.metric, L.RULE, r.id, d))
    for dr in c.drifts:
        d = finite(dr.rate.fn(v, h, ch) * (dr.toward.fn(v, h, ch) - v[dr.metric]))
        if d:
            delta[dr.metric] += d
            found.append((dr.metric, L.DRIFT, c.metric_ids[dr.metric], d))
    later: list[Scheduled] = []
    for sch in game.scheduled:
        e = sch.effect
        k = t - sch.chosen_turn - e.delay + 1
        length = e.duration if e.duration is not None else 1  # a choice's effect acts once
        if k < length:
            later.append(sch)
        if not 1 <= k <= length:
            continue
        d = strength(e, k, v, h, ch)
        if d:
            delta[e.metric] += d
            found.append((e.metric, L.CHOICE, sch.source, d))
    game.scheduled = later
    for metric, kind, source, d in found:
        ledger.add(t, metric, kind, source, d)
    for m in range(nm):
        raw = v[m] + delta[m]
        lo, hi = c.minimum[m], c.maximum[m]
        held = lo if raw < lo else hi if raw > hi else raw
        if held != raw:
            ledger.add(t, m, L.LIMIT, c.metric_ids[m], held - raw)
        v[m] = round(held, DIGITS)
    recompute_derived(game)


def recompute_derived(game: TurnState) -> None:
    """Derived values from the metrics, each after those it reads."""
    v, h, ch = game.v, game.h, game.chosen
    for slot, formula in game.c.derived:
        v[slot] = round(finite(formula.fn(v, h, ch)), DIGITS)


def strength(e: CompiledEffect, k: int, v: list[float], h: list[int], ch: set[int]) -> float:
    """An effect's change in its k-th acting turn: 0 when its condition fails, ramped."""
    if e.when is not None and not e.when.fn(v, h, ch):
        return 0.0
    d = finite(e.delta.fn(v, h, ch))
    if e.ramp is not None and k < e.ramp:
        d *= k / e.ramp
    return d


def finite(x: float) -> float:
    x = float(x)
    if math.isfinite(x):
        return x
    if math.isnan(x):
        return 0.0
    return 1e300 if x > 0 else -1e300
