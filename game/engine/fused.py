"""The end of a turn as straight-line code, generated once per compiled scenario.

``resolve.py`` says what a turn does, one loop per kind of cause, each expression called as a
function. Played that way, a turn spends most of its time on the calls, not on the sums. This
module writes the same steps once per scenario as a few Python functions with every
expression's body inlined, every policy, rule, drift, event and metric unrolled, so a turn is
a straight run of arithmetic. The result is the same to the last bit (the engine's test
``test_fused`` plays both ways and compares the ledgers and the values).

The generated source is built by this module alone: expression bodies are the text the
expression compiler generated from a checked tree (``Expression.body``), slots and counts are
integers written by ``repr``, and every id, limit and other value of the scenario is passed as
a global (``K0``, ``K1``...; the engine's own helpers are ``G_...``, apart from the ``_name``
of the expression functions), never written into the source. As for expressions, the
functions' globals hold no builtins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.engine import ledger as L
from game.engine.chance import SeedDraws
from game.engine.fused_parts import BetweenTurns
from game.engine.fused_source import indent, rounded
from game.engine.ledger import Entry, Ledger
from game.engine.state import DIGITS, State
from game.scenario.compiled import Compiled, CompiledEffect
from game.scenario.kept import kept

Values = list[float]
Held = list[int]
Answers = set[int] | frozenset[int]
Add = Callable[[Entry], None]  # the ledger's append
Upkeep = Callable[[Values, Held, Answers, list[int], int, Add], set[str]]
# what a cause adds: to the ledger (an entry) and to its metric's sum for the turn
Causes = Callable[[Values, Held, Answers, list[int], int, Add, list[float]], None]
Limits = Callable[
    [Values, list[float], int, Callable[[Entry], None], Compiled, State, Ledger], None
]
Events = Callable[[Values, Held, Answers, int, SeedDraws, dict[int, int]], list[int]]


@dataclass(frozen=True)
class Steps:
    """The steps of a turn that write to the ledger: as generated to record, or quietly (for
    games whose ledger nobody reads: bots' games and look-ahead; ``add`` is then unused)."""

    upkeep: Upkeep  # each policy in force pays its upkeep; the ids of those that paid
    effects: Causes  # the effects of the policies in force
    rules_and_drifts: Causes
    limits: Limits  # the sums added, each metric held in its [min, max], rounded


@dataclass(frozen=True)
class Fused:
    """A scenario's turn as generated functions (see the module's docstring)."""

    recorded: Steps
    quiet: Steps
    derived: Callable[[Values, Held, Answers], None]
    # the events that fire at turn 1, 2, ... of the scenario (index t - 1; chance.events_drawn)
    events_at: tuple[Events, ...]
    ending: Callable[[Values, Held, Answers], str | None]  # the first ending met, or None
    metrics: int
    # the policies whose own checks let them be adopted now (Refusals.open_policies)
    adoptable: Callable[[Values, Held, Answers, list[int]], list[int]]
    # per event, its choices whose own checks pass (Refusals.choice_open), by index
    open_choices: tuple[Callable[[Values, Held, Answers], list[int]], ...]
    # the score's parts on the final state: base, goals met, their bonus (scoring.score)
    score_parts: Callable[[Values, Held, Answers], tuple[float, tuple[str, ...], float]]
    # each event choice's effect, by id(): its change in its k-th acting turn (effect_amount)
    amounts: dict[int, Callable[[Values, Held, Answers, int], float]]


def fused(compiled: Compiled) -> Fused:
    """The scenario's generated turn, built on first use and kept with the scenario."""
    return kept(compiled, "turn", _build)


def _build(compiled: Compiled) -> Fused:
    return _Writer(compiled).build()


class _Writer(BetweenTurns):
    """Writes a scenario's turn: the ledger-writing steps (recording and quiet), the derived
    values, and what ``BetweenTurns`` writes."""

    def __init__(self, compiled: Compiled) -> None:
        super().__init__(compiled)
        self.record, self.suffix = True, ""

    def steps(self, record: bool) -> list[str]:
        """The ledger-writing steps, recording or not (named with ``_quiet`` when not)."""
        self.record, self.suffix = record, "" if record else "_quiet"
        return [*self.upkeep(), *self.effects(), *self.rules_and_drifts(), *self.limits()]

    def build(self) -> Fused:
        lines = [
            *self.steps(record=True),
            *self.steps(record=False),
            *self.derived(),
            *(line for t in self.turns() for line in self.events(t)),
            *self.ending(),
            *self.amounts(),
            *self.adoptable(),
            *self.score_parts(),
            *self.open_choices(),
        ]
        namespace = self.globals
        exec(compile("\n".join(lines), "<scenario turn>", "exec"), namespace)
        steps = [
            Steps(*(namespace[name + suffix] for name in Steps.__dataclass_fields__))  # type: ignore[arg-type]
            for suffix in ("", "_quiet")
        ]
        return Fused(
            recorded=steps[0],
            quiet=steps[1],
            derived=namespace["derived"],  # type: ignore[arg-type]
            events_at=tuple(namespace[f"events_{t}"] for t in self.turns()),  # type: ignore[misc]
            ending=namespace["ending"],  # type: ignore[arg-type]
            metrics=len(self.c.metric_ids),
            adoptable=namespace["adoptable"],  # type: ignore[arg-type]
            score_parts=namespace["score_parts"],  # type: ignore[arg-type]
            open_choices=tuple(namespace[f"open_{ev.index}"] for ev in self.c.events),  # type: ignore[misc]
            amounts={
                id(effect): namespace[f"amount_{i}"]  # type: ignore[misc]
                for i, effect in enumerate(self.choice_effects())
            },
        )

    def cause(self, metric: int, kind: str, source: str) -> list[str]:
        """A non-zero change ``x`` to the ledger and to its metric's sum."""
        entry = f"(turn, {metric}, {self.const(kind)}, {source}, x)"
        if not self.record:
            return ["if x:", f"    s[{metric}] += x"]
        return ["if x:", f"    add({entry})", f"    s[{metric}] += x"]

    def upkeep(self) -> list[str]:
        c = self.c
        out = [f"def upkeep{self.suffix}(v, h, c, at, turn, add):", "    paying = G_set()"]
        b = c.budget
        for p in c.policies if b is not None else ():
            pid = self.const(p.id)
            out += [f"    a = at[{p.index}]", "    if a:", f"        u = {self.expr(p.upkeep)}"]
            out += ["        if u:", f"            v[{b}] -= u"]
            if self.record:
                out += [f"            add((turn, {b}, {self.const(L.UPKEEP)}, {pid}, -u))"]
            out += ["            if u > 0:", f"                paying.add({pid})"]
        return [*out, "    return paying", ""]

    def effects(self) -> list[str]:
        c = self.c
        out = [f"def effects{self.suffix}(v, h, c, at, turn, add, s):"]
        for p in c.policies:
            if not p.effects:
                continue
            out += [f"    a = at[{p.index}]", "    if a:"]
            for effect in p.effects:
                out += indent(self.effect(effect, self.const(p.id)), 8)
        return [*out, "    return None", ""]

    def effect(self, effect: CompiledEffect, source: str) -> list[str]:
        """One policy effect: its k-th acting turn, its condition, ramp and change."""
        window = "k >= 1" + (f" and k <= {effect.duration}" if effect.duration is not None else "")
        body = self.number(self.expr(effect.delta))
        if effect.ramp is not None:
            body += [f"if k < {effect.ramp}:", f"    x *= k / {effect.ramp}"]
        body += self.cause(effect.metric, L.POLICY, source)
        if effect.when is not None:
            body = [f"if {self.expr(effect.when)}:", *indent(body, 4)]
        return [f"k = turn - a + {1 - effect.delay}", f"if {window}:", *indent(body, 4)]

    def rules_and_drifts(self) -> list[str]:
        c = self.c
        out = [f"def rules_and_drifts{self.suffix}(v, h, c, at, turn, add, s):"]
        for rule in c.rules:
            body = [*self.number(self.expr(rule.delta))]
            body += self.cause(rule.metric, L.RULE, self.const(rule.id))
            if rule.when is not None:
                body = [f"if {self.expr(rule.when)}:", *indent(body, 4)]
            out += indent(body, 4)
        for drift in c.drifts:
            m = drift.metric
            x = f"{self.expr(drift.rate)} * ({self.expr(drift.toward)} - v[{m}])"
            cause = self.cause(m, L.DRIFT, self.const(c.metric_ids[m]))
            out += indent([*self.number(x), *cause], 4)
        return [*out, "    return None", ""]

    def limits(self) -> list[str]:
        """Each metric: its sum added, held inside [min, max] (the cut to the ledger), the
        budget's arrears settled when they carry, rounded; as ``resolve.add_within_limits``."""
        c = self.c
        carry = c.budget if c.carry_arrears else None
        out = [f"def limits{self.suffix}(v, s, turn, add, compiled, state, ledger):"]
        for m, name in enumerate(c.metric_ids):
            low, high = self.const(c.minimum[m]), self.const(c.maximum[m])
            body = [f"raw = v[{m}] + s[{m}]"]
            if m == carry:
                body += [f"if raw < {low} or v[{c.arrears_slot}] > 0:"]
                body += ["    raw = G_settle(compiled, state, ledger, raw)"]
            body.append(f"held = {low} if raw < {low} else {high} if raw > {high} else raw")
            cut = f"(turn, {m}, {self.const(L.LIMIT)}, {self.const(name)}, held - raw)"
            body += ["if held != raw:", f"    add({cut})"] if self.record else []
            body += rounded("held", f"v[{m}]")
            if self.settled(m):
                body = [f"if s[{m}] or not v[{m}]:", *indent(body, 4)]
            out += indent(body, 4)
        return [*out, "    return None", ""]

    def settled(self, m: int) -> bool:
        """Whether metric ``m`` keeps its value to the bit when nothing moved it this turn.

        Its value is then always one this step wrote (inside its limits, rounded; rounding a
        rounded value changes nothing) or its start, so adding a sum of exactly 0.0 changes
        nothing, unless the value is a zero (-0.0 + 0.0 is 0.0: such a value takes the full
        step). Not the budget, which costs and upkeep change between these steps; not a
        metric whose start is outside its limits or not yet rounded."""
        c = self.c
        start = c.start[m]
        return (
            m != c.budget
            and c.minimum[m] <= start <= c.maximum[m]
            and round(start, DIGITS) == start
        )

    def derived(self) -> list[str]:
        out = ["def derived(v, h, c):"]
        for slot, formula in self.c.derived:
            out += indent([*self.number(self.expr(formula)), *rounded("x", f"v[{slot}]")], 4)
        return [*out, "    return None", ""]
