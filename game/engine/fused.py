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

import math
from collections.abc import Callable
from dataclasses import dataclass

from game.engine import ledger as L
from game.engine.carryover import settle_arrears
from game.engine.chance import draw
from game.engine.ledger import Entry, Ledger
from game.engine.state import DIGITS, State, finite
from game.scenario.compiled import Compiled, CompiledEffect, CompiledEvent
from game.scenario.expressions import Expression, generated_globals

# ``{target} = round({x}, DIGITS)`` to the bit, without round()'s trip through a decimal
# string where it is safe: y = x * 10**DIGITS is then within 0.012 of the exact product, so
# an integer n within 0.48 of y is the exact product correctly rounded (no tie), and n / 10**DIGITS
# (an exact integer over an exact power of ten, one IEEE division) is the double nearest that
# decimal, which is what round() returns. A zero (either sign; ``x`` is always a float here)
# is its own rounding; ties, values under 10**-DIGITS, huge and non-finite ones take round().
ROUNDED = (
    "y = {x} * {scale}",
    "if y and -1e14 < y < 1e14:",
    "    n = G_floor(y + 0.5)",
    "    d = y - n",
    "    {target} = n / {scale} if n and -0.48 < d < 0.48 else G_round({x}, {digits})",
    "elif y == 0.0:",
    "    {target} = {x}",
    "else:",
    "    {target} = G_round({x}, {digits})",
)
SCALE = repr(float(10**DIGITS))

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
Events = Callable[[Values, Held, Answers, int, int, dict[int, int]], list[int]]


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
    events: Events  # the events that fire at a turn (``chance.events_drawn``)
    events_at: tuple[Events, ...]  # the same for turn 1, 2, ... of the scenario (index t - 1)
    ending: Callable[[Values, Held, Answers], str | None]  # the first ending met, or None
    metrics: int
    # the policies whose own checks let them be adopted now (Refusals.open_policies)
    adoptable: Callable[[Values, Held, Answers, list[int]], list[int]]
    # each event choice's effect, by id(): its change in its k-th acting turn (effect_amount)
    amounts: dict[int, Callable[[Values, Held, Answers, int], float]]


def fused(compiled: Compiled) -> Fused:
    """The scenario's generated turn, built on first use and kept with the scenario."""
    try:  # asked several times a turn: the plain lookup
        return compiled.generated["turn"]  # type: ignore[return-value]
    except KeyError:
        found = compiled.generated["turn"] = _Writer(compiled).build()
        return found


class _Writer:
    """Writes the generated source, passing every value of the scenario as a global."""

    def __init__(self, compiled: Compiled) -> None:
        self.c = compiled
        self.globals: dict[str, object] = generated_globals()
        self.globals.update(
            G_finite=finite,
            G_round=round,
            G_floor=math.floor,
            G_set=set,
            G_draw=draw,
            G_settle=settle_arrears,
        )
        self.names: dict[tuple[type, object], str] = {}
        self.record, self.suffix = True, ""

    def const(self, value: object) -> str:
        """A global name holding ``value`` (one per distinct value)."""
        key = (type(value), value)
        name = self.names.get(key)
        if name is None:
            name = f"K{len(self.names)}"
            self.names[key] = name
            self.globals[name] = value
        return name

    def expr(self, e: Expression) -> str:
        """The expression inline: its generated body, or a call of its function."""
        if e.body:
            return f"({e.body})"
        return f"{self.const(e.fn)}(v, h, c)"

    def steps(self, record: bool) -> list[str]:
        """The ledger-writing steps, recording or not (named with ``_quiet`` when not)."""
        self.record, self.suffix = record, "" if record else "_quiet"
        return [*self.upkeep(), *self.effects(), *self.rules_and_drifts(), *self.limits()]

    def build(self) -> Fused:
        lines = [
            *self.steps(record=True),
            *self.steps(record=False),
            *self.derived(),
            *self.events(),
            *(line for t in self.turns() for line in self.events(t)),
            *self.ending(),
            *self.amounts(),
            *self.adoptable(),
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
            events=namespace["events"],  # type: ignore[arg-type]
            events_at=tuple(namespace[f"events_{t}"] for t in self.turns()),  # type: ignore[misc]
            ending=namespace["ending"],  # type: ignore[arg-type]
            metrics=len(self.c.metric_ids),
            adoptable=namespace["adoptable"],  # type: ignore[arg-type]
            amounts={
                id(effect): namespace[f"amount_{i}"]  # type: ignore[misc]
                for i, effect in enumerate(self.choice_effects())
            },
        )

    def turns(self) -> range:
        return range(1, self.c.scenario.turns + 1)

    def choice_effects(self) -> list[CompiledEffect]:
        return [e for ev in self.c.events for choice in ev.choices for e in choice.effects]

    def adoptable(self) -> list[str]:
        """The indexes of the policies not in force whose ``available`` holds, whose
        ``requires`` are in force, whose ``excludes`` are not, and whose cost the budget can
        pay: ``Refusals.adopt_blocker``'s checks of the policy itself, in its order (the
        game's own checks, over, pending events and actions left, stay with the game)."""
        c, b = self.c, self.c.budget
        out = ["def adoptable(v, h, c, at):", "    out = []"]
        for p in c.policies:
            body = [f"out.append({p.index})"]
            if b is not None:
                floor = self.const(c.minimum[b])
                body = [
                    f"cost = {self.expr(p.cost)}",
                    f"if not (cost > 0 and v[{b}] - cost < {floor}):",
                    *_indent(body, 4),
                ]
            if p.excludes:
                body = [
                    f"if not ({' or '.join(f'at[{x}]' for x in p.excludes)}):",
                    *_indent(body, 4),
                ]
            if p.requires:
                body = [f"if {' and '.join(f'at[{r}]' for r in p.requires)}:", *_indent(body, 4)]
            if p.available is not None:
                body = [f"if {self.expr(p.available)}:", *_indent(body, 4)]
            out += _indent([f"if not at[{p.index}]:", *_indent(body, 4)], 4)
        return [*out, "    return out", ""]

    def amounts(self) -> list[str]:
        """Per choice effect, as ``resolve.effect_amount``: 0 when its ``when`` fails; its
        delta made finite; ramped up over its first turns."""
        out: list[str] = []
        for i, effect in enumerate(self.choice_effects()):
            out.append(f"def amount_{i}(v, h, c, k):")
            if effect.when is not None:
                out += [f"    if not {self.expr(effect.when)}:", "        return 0.0"]
            out += _indent(self.number(self.expr(effect.delta)), 4)
            if effect.ramp is not None:
                out += [f"    if k < {effect.ramp}:", f"        x *= k / {effect.ramp}"]
            out += ["    return x", ""]
        return out

    def number(self, x: str) -> list[str]:
        """``x`` made a finite float, as ``state.finite`` does (``* 1.0`` keeps -0.0)."""
        return [f"x = {x} * 1.0", "if x - x:", "    x = G_finite(x)"]

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
                out += _indent(self.effect(effect, self.const(p.id)), 8)
        return [*out, "    return None", ""]

    def effect(self, effect: CompiledEffect, source: str) -> list[str]:
        """One policy effect: its k-th acting turn, its condition, ramp and change."""
        window = "k >= 1" + (f" and k <= {effect.duration}" if effect.duration is not None else "")
        body = self.number(self.expr(effect.delta))
        if effect.ramp is not None:
            body += [f"if k < {effect.ramp}:", f"    x *= k / {effect.ramp}"]
        body += self.cause(effect.metric, L.POLICY, source)
        if effect.when is not None:
            body = [f"if {self.expr(effect.when)}:", *_indent(body, 4)]
        return [f"k = turn - a + {1 - effect.delay}", f"if {window}:", *_indent(body, 4)]

    def rules_and_drifts(self) -> list[str]:
        c = self.c
        out = [f"def rules_and_drifts{self.suffix}(v, h, c, at, turn, add, s):"]
        for rule in c.rules:
            body = [*self.number(self.expr(rule.delta))]
            body += self.cause(rule.metric, L.RULE, self.const(rule.id))
            if rule.when is not None:
                body = [f"if {self.expr(rule.when)}:", *_indent(body, 4)]
            out += _indent(body, 4)
        for drift in c.drifts:
            m = drift.metric
            x = f"{self.expr(drift.rate)} * ({self.expr(drift.toward)} - v[{m}])"
            cause = self.cause(m, L.DRIFT, self.const(c.metric_ids[m]))
            out += _indent([*self.number(x), *cause], 4)
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
                body = [f"if s[{m}] or not v[{m}]:", *_indent(body, 4)]
            out += _indent(body, 4)
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
            out += _indent([*self.number(self.expr(formula)), *rounded("x", f"v[{slot}]")], 4)
        return [*out, "    return None", ""]

    def events(self, turn: int | None = None) -> list[str]:
        """As ``chance.events_drawn``: window, rest since last fired, ``when``, the draw; for
        one ``turn`` (``events_T``), only the events whose window holds it, unchecked."""
        name = "events" if turn is None else f"events_{turn}"
        out = [f"def {name}(v, h, c, t, seed, fired_at):", "    fired = []"]
        for ev in self.c.events:
            body = self.fires(ev)
            if not body or (turn is not None and not ev.first <= turn <= ev.last):
                continue
            if ev.when is not None:
                body = [f"if {self.expr(ev.when)}:", *_indent(body, 4)]
            rested = "last is None" + (f" or t > last + {ev.cooldown}" if ev.repeats else "")
            check = [f"last = fired_at.get({ev.index})", f"if {rested}:", *_indent(body, 4)]
            if turn is None:
                check = [f"if {ev.first} <= t <= {ev.last}:", *_indent(check, 4)]
            out += _indent(check, 4)
        return [*out, "    return fired", ""]

    def fires(self, ev: CompiledEvent) -> list[str]:
        """An event whose window, rest and ``when`` hold fires under its chance: always at a
        chance of 1 or more (no draw), never at 0 or less (nor at a NaN, which no draw is
        under); a constant chance is known now."""
        fire = f"    fired.append({ev.index})"
        drawn = f"G_draw(seed, t, {self.const(ev.id)})"
        if ev.chance.constant is None:
            return [
                f"ch = {self.expr(ev.chance)}",
                f"if ch > 0 and (ch >= 1 or {drawn} < ch):",
                fire,
            ]
        chance = ev.chance.fn([], [], frozenset())  # reads no state: the value it always has
        if not chance > 0:
            return []
        if chance >= 1:
            return ["if True:", fire]
        return [f"if {drawn} < {self.const(chance)}:", fire]

    def ending(self) -> list[str]:
        out = ["def ending(v, h, c):"]
        for en in self.c.endings:
            out += [f"    if {self.expr(en.condition)}:", f"        return {self.const(en.id)}"]
        return [*out, "    return None", ""]


def rounded(x: str, target: str) -> list[str]:
    """Lines setting ``target`` to ``round(x, DIGITS)`` (see ``ROUNDED``)."""
    return [line.format(x=x, target=target, scale=SCALE, digits=DIGITS) for line in ROUNDED]


def rounding() -> Callable[[float], float]:
    """``round(x, DIGITS)`` written as the generated code writes it (for the tests)."""
    source = "\n".join(["def r(x):", *_indent(rounded("x", "out"), 4), "    return out"])
    namespace: dict[str, object] = {"__builtins__": {}, "G_round": round, "G_floor": math.floor}
    exec(compile(source, "<rounding>", "exec"), namespace)
    return namespace["r"]  # type: ignore[return-value]


def _indent(lines: list[str], spaces: int) -> list[str]:
    pad = " " * spaces
    return [pad + line for line in lines]
