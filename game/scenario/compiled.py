"""A checked scenario compiled for the engine: ids turned into slots, expressions into functions.

Value slots (the vector ``v`` every expression reads): the metrics in file order, then the
derived values, then ``turn`` and ``turns``. Compiling collects problems as ``(path, Message)``
instead of stopping at the first, so a trainer sees every mistake at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from game.errors import Message
from game.scenario.codes import LoadCode as C
from game.scenario.compiled_parts import (
    CompiledChoice,
    CompiledDrift,
    CompiledEffect,
    CompiledEnding,
    CompiledEvent,
    CompiledGoal,
    CompiledPolicy,
    CompiledRule,
)
from game.scenario.expressions import Expression, ExpressionError, Namespace, compile_expression
from game.scenario.format_model import Effect, Scenario
from game.scenario.locate import Path
from game.scenario.suggest import did_you_mean

__all__ = [
    "STATE_NAMES",
    "Compiled",
    "CompiledChoice",
    "CompiledDrift",
    "CompiledEffect",
    "CompiledEnding",
    "CompiledEvent",
    "CompiledGoal",
    "CompiledPolicy",
    "CompiledRule",
    "Found",
    "compile_scenario",
]

Found = list[tuple[Path, Message]]
# the names every expression may read after the metrics and derived values, in slot order
STATE_NAMES = ("turn", "turns", "arrears", "arrears_turns")
DEFAULT_STALL = "min(1, 0.25 * arrears_turns)"


@dataclass
class Compiled:
    """Everything the engine needs, by index."""

    scenario: Scenario
    metric_ids: list[str]
    derived_ids: list[str]
    minimum: list[float]
    maximum: list[float]
    start: list[float]
    turn_slot: int
    budget: int | None
    policies: list[CompiledPolicy]
    rules: list[CompiledRule]
    drifts: list[CompiledDrift]
    derived: list[tuple[int, Expression]]
    events: list[CompiledEvent]
    score: Expression
    goals: list[CompiledGoal]
    grades: list[tuple[float, int]]
    endings: list[CompiledEnding]
    policy_index: dict[str, int] = field(default_factory=dict)
    event_index: dict[str, int] = field(default_factory=dict)
    namespace: Namespace | None = None
    compiled_queries: dict[str, Expression] = field(default_factory=dict, repr=False)
    grade_requires: dict[int, Expression] = field(default_factory=dict)
    better: list[bool] = field(default_factory=list)  # each metric's higher_is_better
    carry_arrears: bool = True  # what the budget cannot pay carries over (``[arrears] carry``)
    stall: Expression | None = None  # share of favourable effects stalled while in arrears
    asked_when: dict[str, Expression] = field(default_factory=dict)  # debrief id -> its `when`
    forms: dict[int, Compiled] = field(default_factory=dict, repr=False)  # with_turns' cache
    slots: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    # made once per scenario on first use (``scenario.kept``); a replace() copy starts empty
    generated: dict[str, object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def arrears_slot(self) -> int:
        """The value slot of ``arrears`` (``arrears_turns`` is the next one)."""
        return self.turn_slot + 2

    def slot(self, name: str) -> int:
        """The value slot of a metric or derived id (or of ``arrears``, ``arrears_turns``)."""
        found = self.slots.get(name)
        if found is None:
            found = self.slots[name] = self._slot(name)
        return found

    def _slot(self, name: str) -> int:
        if name in self.metric_ids:
            return self.metric_ids.index(name)
        if name in STATE_NAMES:
            return self.turn_slot + STATE_NAMES.index(name)
        return len(self.metric_ids) + self.derived_ids.index(name)

    def expression(self, source: str | float | bool) -> Expression:
        """Compile a further expression (a plan's assertion, a query) against this scenario."""
        assert self.namespace is not None
        if not isinstance(source, str):
            return compile_expression(source, self.namespace)
        found = self.compiled_queries.get(source)
        if found is None:
            found = compile_expression(source, self.namespace)
            self.compiled_queries[source] = found
        return found


class _Builder:
    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.found: Found = []
        self.metric_ids = list(scenario.metrics)
        self.derived_ids = list(scenario.derived)
        names = [*self.metric_ids, *self.derived_ids, *STATE_NAMES]
        self.values = {name: i for i, name in enumerate(names)}
        self.policy_index = {p.id: i for i, p in enumerate(scenario.policies)}
        self.event_index = {e.id: i for i, e in enumerate(scenario.events)}
        events = {
            e.id: (i, {c.id: j for j, c in enumerate(e.choices)})
            for i, e in enumerate(scenario.events)
        }
        self.ns = Namespace(self.values, self.policy_index, events)

    def expr(self, source: Any, path: Path) -> Expression:
        try:
            return compile_expression(source, self.ns)
        except ExpressionError as exc:
            self.found.append((path, exc.message))
            return compile_expression(0.0, self.ns)

    def maybe(self, source: Any, path: Path) -> Expression | None:
        return None if source is None else self.expr(source, path)

    def metric(self, name: str, path: Path) -> int:
        if name in self.s.metrics:
            return self.metric_ids.index(name)
        if name in self.s.derived:
            self.found.append((path, Message.of(C.DERIVED_READ_ONLY, name=name)))
        else:
            hint = did_you_mean(name, self.metric_ids)
            self.found.append((path, Message.of(C.NO_METRIC, id=name, hint=hint)))
        return 0

    def effects(self, effects: tuple[Effect, ...], path: Path) -> tuple[CompiledEffect, ...]:
        out = []
        for i, e in enumerate(effects):
            p = (*path, i)
            out.append(
                CompiledEffect(
                    metric=self.metric(e.metric, (*p, "metric")),
                    delta=self.expr(e.delta, (*p, "delta")),
                    delay=e.delay,
                    ramp=e.ramp,
                    duration=e.duration,
                    when=self.maybe(e.when, (*p, "when")),
                    outlives=e.outlives_cancel,
                )
            )
        return tuple(out)

    def policy_refs(self, ids: tuple[str, ...], path: Path, own: str) -> tuple[int, ...]:
        out = []
        for i, pid in enumerate(ids):
            if pid == own:
                self.found.append(((*path, i), Message.of(C.NAMES_ITSELF, id=own)))
            elif pid not in self.policy_index:
                hint = did_you_mean(pid, self.policy_index)
                self.found.append(((*path, i), Message.of(C.NO_POLICY, id=pid, hint=hint)))
            else:
                out.append(self.policy_index[pid])
        return tuple(out)

    def build(self) -> Compiled:
        """The compiled scenario, section by section in file order (problems go to ``found``)."""
        s = self.s
        budget = None
        if s.budget is not None:
            budget = self.metric(s.budget, ("budget",))
        policies = self.policies()
        rules = self.rules()
        drifts = self.drifts()
        derived = self.derived_in_order()
        events = self.events()
        sc = s.scoring
        goals = self.goals()
        grades = sorted(((g.min, i) for i, g in enumerate(sc.grades)), key=lambda t: -t[0])
        endings = self.endings()
        return Compiled(
            scenario=s,
            metric_ids=self.metric_ids,
            derived_ids=self.derived_ids,
            minimum=[m.min for m in s.metrics.values()],
            maximum=[m.max for m in s.metrics.values()],
            start=[m.start for m in s.metrics.values()],
            turn_slot=len(self.metric_ids) + len(self.derived_ids),
            budget=budget,
            policies=policies,
            rules=rules,
            drifts=drifts,
            derived=derived,
            events=events,
            score=self.expr(sc.formula, ("scoring", "formula")),
            goals=goals,
            grades=grades,
            endings=endings,
            policy_index=self.policy_index,
            event_index=self.event_index,
            namespace=self.ns,
            grade_requires={
                i: self.expr(g.requires, ("scoring", "grades", i, "requires"))
                for i, g in enumerate(sc.grades)
                if g.requires is not None
            },
            better=[m.higher_is_better for m in s.metrics.values()],
            carry_arrears=s.arrears is None or s.arrears.carry,
            stall=None if budget is None else self.stall(),
            asked_when={
                q.id: self.expr(q.when, ("debrief", i, "when"))
                for i, q in enumerate(s.debrief)
                if q.when is not None
            },
        )

    def stall(self) -> Expression:
        """The share of favourable effects stalled while arrears are owed."""
        arrears = self.s.arrears
        source = DEFAULT_STALL if arrears is None else arrears.stall
        return self.expr(source, ("arrears", "stall"))

    def policies(self) -> list[CompiledPolicy]:
        """The policies, with ``excludes`` made symmetric."""
        s = self.s
        policies = []
        for i, p in enumerate(s.policies):
            path: Path = ("policies", i)
            effects = self.effects(p.effects, (*path, "effects"))
            policies.append(
                CompiledPolicy(
                    id=p.id,
                    index=i,
                    cost=self.expr(p.cost, (*path, "cost")),
                    upkeep=self.expr(p.upkeep, (*path, "upkeep")),
                    requires=self.policy_refs(p.requires, (*path, "requires"), p.id),
                    excludes=self.policy_refs(p.excludes, (*path, "excludes"), p.id),
                    available=self.maybe(p.available, (*path, "available")),
                    effects=effects,
                    outliving=tuple(e for e in effects if e.outlives),
                )
            )
        # excludes is symmetric
        symmetric: list[set[int]] = [set(cp.excludes) for cp in policies]
        for cp in policies:
            for other in cp.excludes:
                symmetric[other].add(cp.index)
        return [replace(cp, excludes=tuple(sorted(symmetric[cp.index]))) for cp in policies]

    def rules(self) -> list[CompiledRule]:
        """The rules applied every turn."""
        s = self.s
        return [
            CompiledRule(
                r.id,
                self.metric(r.metric, ("rules", i, "metric")),
                self.expr(r.delta, ("rules", i, "delta")),
                self.maybe(r.when, ("rules", i, "when")),
            )
            for i, r in enumerate(s.rules)
        ]

    def drifts(self) -> list[CompiledDrift]:
        """The metrics that drift, with a rate between 0 and 1."""
        s = self.s
        drifts = []
        for mid, m in s.metrics.items():
            if m.drift is None:
                continue
            rate = self.expr(m.drift.rate, ("metrics", mid, "drift", "rate"))
            if rate.constant is not None and not 0 <= rate.constant <= 1:
                self.found.append(
                    (
                        ("metrics", mid, "drift", "rate"),
                        Message.of(C.NOT_A_SHARE, key="rate", value=f"{rate.constant:g}"),
                    )
                )
            toward = self.expr(m.drift.toward, ("metrics", mid, "drift", "toward"))
            drifts.append(CompiledDrift(self.metric_ids.index(mid), toward, rate))
        return drifts

    def events(self) -> list[CompiledEvent]:
        """The events: their turn window, chance (between 0 and 1) and choices."""
        s = self.s
        events = []
        for i, e in enumerate(s.events):
            path: Path = ("events", i)
            if e.at is not None:
                first = last = e.at
            elif e.turns is not None:
                first, last = e.turns
            else:
                first, last = 1, s.turns
            where = (*path, "at") if e.at is not None else (*path, "turns")
            if last > s.turns:
                self.found.append((where, Message.of(C.AFTER_LAST_TURN, turn=last, last=s.turns)))
            choices = tuple(
                CompiledChoice(
                    c.id,
                    j,
                    self.maybe(c.requires, (*path, "choices", j, "requires")),
                    self.expr(c.cost, (*path, "choices", j, "cost")),
                    self.effects(c.effects, (*path, "choices", j, "effects")),
                )
                for j, c in enumerate(e.choices)
            )
            chance = self.expr(e.chance, (*path, "chance"))
            if chance.constant is not None and not 0 <= chance.constant <= 1:
                self.found.append(
                    (
                        (*path, "chance"),
                        Message.of(C.NOT_A_SHARE, key="chance", value=f"{chance.constant:g}"),
                    )
                )
            events.append(
                CompiledEvent(
                    e.id,
                    i,
                    first,
                    last,
                    chance,
                    self.maybe(e.when, (*path, "when")),
                    e.repeats,
                    e.cooldown or 0,
                    choices,
                )
            )
        return events

    def goals(self) -> list[CompiledGoal]:
        """The scoring's goals: a condition and its bonus."""
        sc = self.s.scoring
        return [
            CompiledGoal(
                g.id,
                self.expr(g.condition, ("scoring", "goals", i, "condition")),
                self.expr(g.bonus, ("scoring", "goals", i, "bonus")),
            )
            for i, g in enumerate(sc.goals)
        ]

    def endings(self) -> list[CompiledEnding]:
        """The endings: a condition and its kind."""
        s = self.s
        return [
            CompiledEnding(en.id, self.expr(en.condition, ("endings", i, "condition")), en.kind)
            for i, en in enumerate(s.endings)
        ]

    def derived_in_order(self) -> list[tuple[int, Expression]]:
        """Derived values in an order where each reads only those computed before it."""
        compiled: dict[str, Expression] = {}
        for did, d in self.s.derived.items():
            compiled[did] = self.expr(d.formula, ("derived", did, "formula"))
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(name: str, trail: list[str]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = " -> ".join([*trail[trail.index(name) :], name])
                self.found.append(
                    (("derived", name, "formula"), Message.of(C.DERIVED_CYCLE, cycle=cycle))
                )
                return
            state[name] = 1
            for ref in sorted(compiled[name].names & set(compiled)):
                visit(ref, [*trail, name])
            state[name] = 2
            order.append(name)

        for name in compiled:
            visit(name, [])
        return [(self.values[name], compiled[name]) for name in order]


def compile_scenario(scenario: Scenario) -> tuple[Compiled, Found]:
    """Compile a structurally valid scenario; return it with the problems found."""
    builder = _Builder(scenario)
    compiled = builder.build()
    return compiled, builder.found
