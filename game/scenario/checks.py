"""Checks beyond the shape of the file: ids, references, cycles; and the loader's warnings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.errors import Message
from game.scenario.codes import LoadCode as C
from game.scenario.compiled import STATE_NAMES, Compiled, Found
from game.scenario.expressions import FUNCTIONS
from game.scenario.format_model import ID_RE, NAME_RE, PlanStep, Scenario, Text
from game.scenario.suggest import did_you_mean

RESERVED = {*STATE_NAMES, "and", "or", "not", "if", "else", "True", "False", *FUNCTIONS}


def check_ids(s: Scenario) -> Found:
    """Names usable in expressions, ids well formed and unique, budget set when needed."""
    found: Found = []
    for group in ("metrics", "derived"):
        table: dict[str, Any] = getattr(s, group)
        for name in table:
            if not NAME_RE.match(name):
                found.append(((group, name), Message.of(C.NOT_A_NAME, name=name)))
            elif name in RESERVED:
                found.append(((group, name), Message.of(C.RESERVED, name=name)))
    for name, m in s.metrics.items():
        if m.min > m.max:
            limits = Message.of(C.MAX_BELOW_MIN, max=f"{m.max:g}", min=f"{m.min:g}")
            found.append((("metrics", name, "max"), limits))
        elif not m.min <= m.start <= m.max:
            outside = Message.of(
                C.START_OUTSIDE, start=f"{m.start:g}", min=f"{m.min:g}", max=f"{m.max:g}"
            )
            found.append((("metrics", name, "start"), outside))
    for name in set(s.metrics) & set(s.derived):
        found.append((("derived", name), Message.of(C.ALREADY_METRIC, name=name)))

    def unique(items: Iterable[Any], path: tuple[str | int, ...], what: C) -> None:
        seen: set[str] = set()
        kind = Message.of(what)
        for i, item in enumerate(items):
            if not ID_RE.match(item.id):
                found.append(((*path, i, "id"), Message.of(C.BAD_ID, what=kind, id=item.id)))
            if item.id in seen:
                found.append(((*path, i, "id"), Message.of(C.ID_TWICE, what=kind, id=item.id)))
            seen.add(item.id)

    unique(s.rules, ("rules",), C.KIND_RULE)
    unique(s.policies, ("policies",), C.KIND_POLICY)
    unique(s.events, ("events",), C.KIND_EVENT)
    for i, e in enumerate(s.events):
        unique(e.choices, ("events", i, "choices"), C.KIND_CHOICE)
    unique(s.scoring.goals, ("scoring", "goals"), C.KIND_GOAL)
    unique(s.endings, ("endings",), C.KIND_ENDING)
    unique(s.expect, ("expect",), C.KIND_EXPECTATION)

    paying = any(p.cost != 0 or p.upkeep != 0 for p in s.policies) or any(
        c.cost != 0 for e in s.events for c in e.choices
    )
    if paying and s.budget is None:
        found.append((("budget",), Message.of(C.BUDGET_NEEDED)))
    return found + check_carried(s)


def check_carried(s: Scenario) -> Found:
    """The extensions of issue 20 set where they can be: ``[arrears]`` needs a budget; a
    policy safeguards no principle it practises itself; one metric per role; only a policy's
    effects can outlive a cancellation (an event choice's always run their course)."""
    found: Found = []
    if s.arrears is not None and s.budget is None:
        found.append((("arrears",), Message.of(C.ARREARS_NO_BUDGET)))
    for i, p in enumerate(s.policies):
        for j, principle in enumerate(p.safeguards):
            if principle in p.principles:
                itself = Message.of(C.SAFEGUARDS_ITSELF, principle=principle)
                found.append((("policies", i, "safeguards", j), itself))
    roles: dict[str, str] = {}
    for name, m in s.metrics.items():
        if m.role is not None and m.role in roles:
            twice = Message.of(C.ROLE_TWICE, role=m.role, other=roles[m.role])
            found.append((("metrics", name, "role"), twice))
        elif m.role is not None:
            roles[m.role] = name
    for i, e in enumerate(s.events):
        for j, choice in enumerate(e.choices):
            for k, effect in enumerate(choice.effects):
                if effect.outlives_cancel:
                    where = ("events", i, "choices", j, "effects", k, "outlives_cancel")
                    found.append((where, Message.of(C.OUTLIVES_CHOICE)))
    return found


def check_requires_cycles(s: Scenario) -> Found:
    """A policy cannot (indirectly) require itself."""
    found: Found = []
    graph = {p.id: [r for r in p.requires if r != p.id] for p in s.policies}
    index = {p.id: i for i, p in enumerate(s.policies)}
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(pid: str, trail: list[str]) -> None:
        if state.get(pid) == 2:
            return
        if state.get(pid) == 1:
            cycle = [*trail[trail.index(pid) :], pid]
            key = frozenset(cycle)
            if key not in reported:
                reported.add(key)
                cycle_text = " -> ".join(cycle)
                found.append(
                    (
                        ("policies", index[pid], "requires"),
                        Message.of(C.REQUIRES_CYCLE, cycle=cycle_text),
                    )
                )
            return
        state[pid] = 1
        for req in graph.get(pid, []):
            if req in graph:
                visit(req, [*trail, pid])
        state[pid] = 2

    for pid in graph:
        visit(pid, [])
    return found


def check_plan(steps: tuple[PlanStep, ...], s: Scenario, path: tuple[str | int, ...]) -> Found:
    """Plan entries name turns, policies, events and choices that exist."""
    found: Found = []
    policies = [p.id for p in s.policies]  # in file order: the same hint every run
    events = {e.id: [c.id for c in e.choices] for e in s.events}
    for i, step in enumerate(steps):
        here = (*path, i)
        if step.turn > s.turns:
            late = Message.of(C.AFTER_LAST_TURN, turn=step.turn, last=s.turns)
            found.append(((*here, "turn"), late))
        for key in ("adopt", "cancel"):
            for j, pid in enumerate(getattr(step, key)):
                if pid not in policies:
                    hint = did_you_mean(pid, policies)
                    found.append(((*here, key, j), Message.of(C.NO_POLICY, id=pid, hint=hint)))
        for eid, cid in step.choose.items():
            if eid not in events:
                hint = did_you_mean(eid, events)
                found.append(((*here, "choose", eid), Message.of(C.NO_EVENT, id=eid, hint=hint)))
            elif cid not in events[eid]:
                hint = did_you_mean(cid, events[eid])
                no_choice = Message.of(C.NO_CHOICE, event=eid, choice=cid, hint=hint)
                found.append(((*here, "choose", eid), no_choice))
    return found


def check_expectations(s: Scenario, compiled: Compiled) -> Found:
    """Each [[expect]] names real ids and has an assertion that compiles."""
    from game.scenario.expressions import ExpressionError

    found: Found = []
    for i, ex in enumerate(s.expect):
        found += check_plan(ex.plan, s, ("expect", i, "plan"))
        try:
            compiled.expression(ex.assert_)
        except ExpressionError as exc:
            found.append((("expect", i, "assert"), exc.message))
    return found


def translation_warnings(s: Scenario) -> Found:
    """Player-facing texts that lack one of the scenario's languages."""
    found: Found = []
    langs = s.languages

    def text(value: Text | None, path: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            missing = [lang for lang in langs if lang not in value]
            if missing:
                found.append((path, Message.of(C.MISSING_TRANSLATION, langs=", ".join(missing))))
            extra = [lang for lang in value if lang not in langs]
            if extra:
                found.append((path, Message.of(C.EXTRA_LANGUAGE, langs=", ".join(extra))))

    for key in ("title", "briefing", "turn_label"):
        text(getattr(s, key), (key,))
    for mid, m in s.metrics.items():
        text(m.label, ("metrics", mid, "label"))
        text(m.description, ("metrics", mid, "description"))
    for did, d in s.derived.items():
        text(d.label, ("derived", did, "label"))
        text(d.description, ("derived", did, "description"))
    for i, r in enumerate(s.rules):
        text(r.label, ("rules", i, "label"))
    for i, p in enumerate(s.policies):
        text(p.name, ("policies", i, "name"))
        text(p.description, ("policies", i, "description"))
    for i, e in enumerate(s.events):
        text(e.title, ("events", i, "title"))
        text(e.text, ("events", i, "text"))
        for j, c in enumerate(e.choices):
            text(c.label, ("events", i, "choices", j, "label"))
            text(c.outcome, ("events", i, "choices", j, "outcome"))
    for i, g in enumerate(s.scoring.goals):
        text(g.label, ("scoring", "goals", i, "label"))
    for i, gr in enumerate(s.scoring.grades):
        text(gr.name, ("scoring", "grades", i, "name"))
    for i, en in enumerate(s.endings):
        text(en.text, ("endings", i, "text"))
        text(en.title, ("endings", i, "title"))
    return found


def design_warnings(s: Scenario, c: Compiled) -> Found:
    """Metrics nothing changes; policies nobody can afford; events that cannot fire."""
    found: Found = []
    moved = {e.metric for p in c.policies for e in p.effects}
    moved |= {e.metric for ev in c.events for ch in ev.choices for e in ch.effects}
    moved |= {r.metric for r in c.rules} | {d.metric for d in c.drifts}
    if c.budget is not None:
        moved.add(c.budget)
    for i, mid in enumerate(c.metric_ids):
        if i not in moved:
            found.append((("metrics", mid), Message.of(C.METRIC_UNMOVED, id=mid)))
    if c.budget is not None:
        bmax = c.maximum[c.budget]
        can_grow = _budget_can_grow(c)
        ceiling = bmax if can_grow else c.start[c.budget]
        for p in c.policies:
            cost = p.cost.constant
            if cost is not None and cost > ceiling:
                found.append(
                    (
                        ("policies", p.index, "cost"),
                        Message.of(
                            C.NEVER_AFFORDABLE, id=p.id, cost=f"{cost:g}", ceiling=f"{ceiling:g}"
                        ),
                    )
                )
    for ev in c.events:
        if ev.chance.constant is not None and ev.chance.constant <= 0:
            found.append(
                (
                    ("events", ev.index, "chance"),
                    Message.of(C.NEVER_FIRES, id=ev.id, chance=f"{ev.chance.constant:g}"),
                )
            )
    return found


def _budget_can_grow(c: Compiled) -> bool:
    """Whether anything could add to the budget metric (an effect, rule or drift on it)."""
    b = c.budget
    for p in c.policies:
        for e in p.effects:
            if e.metric == b and (e.delta.constant is None or e.delta.constant > 0):
                return True
    for ev in c.events:
        for ch in ev.choices:
            for e in ch.effects:
                if e.metric == b and (e.delta.constant is None or e.delta.constant > 0):
                    return True
    for r in c.rules:
        if r.metric == b and (r.delta.constant is None or r.delta.constant > 0):
            return True
    return any(d.metric == b for d in c.drifts)
