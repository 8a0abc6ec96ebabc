"""Warnings beyond validity, located as ``FILE:LINE: warning: key.path: message``.

Two kinds: what the definitions alone prove (a policy that requires one that can never be
adopted, or one that excludes it), and what bot games show (an event that never fired, a goal
nobody reached, a policy never offered or never adopted, a metric that never moved). The
loader already warns about missing translations, metrics nothing moves, policies dearer than
the budget can ever be and events whose chance is 0; those are reused, not repeated.
"""

from __future__ import annotations

from game.authoring.runs import Row
from game.errors import Codes, Message, Problem
from game.scenario.compiled import Compiled, Found
from game.scenario.loader import LoadedScenario, problems, read_toml
from game.scenario.locate import KeyLines


class LintCode(Codes):
    """What ``agen lint`` can say beyond the loader's own warnings."""

    CANNOT_AFFORD = "lint.cannot_afford"
    ALWAYS_UNAVAILABLE = "lint.always_unavailable"
    REQUIRES_EXCLUDER = "lint.requires_excluder"
    REQUIRES_EXCLUSIVE = "lint.requires_exclusive"
    REQUIRES_NEVER = "lint.requires_never"
    NEVER_ADOPTABLE = "lint.never_adoptable"
    GAMES = "lint.games"
    WHEN_NEVER_TRUE = "lint.when_never_true"
    TURNS_NEVER_REACHED = "lint.turns_never_reached"
    EVENT_CANNOT_FIRE = "lint.event_cannot_fire"
    EVENT_NEVER_FIRED = "lint.event_never_fired"
    GOAL_UNREACHED = "lint.goal_unreached"
    NEVER_OFFERED = "lint.never_offered"
    NEVER_ADOPTED = "lint.never_adopted"
    METRIC_NEVER_CHANGED = "lint.metric_never_changed"


L = LintCode


def unadoptable(c: Compiled, unaffordable: frozenset[int] = frozenset()) -> dict[int, Message]:
    """Policies no player can ever adopt, with the reason, from the definitions alone.

    ``unaffordable``: policies the loader already found nobody can afford.
    """
    s = c.scenario
    never: dict[int, Message] = {i: Message.of(L.CANNOT_AFFORD) for i in unaffordable}
    for p in c.policies:
        if (
            p.available is not None
            and p.available.constant is not None
            and not p.available.constant
        ):
            never[p.index] = Message.of(L.ALWAYS_UNAVAILABLE)
        for r in p.requires:
            if p.index in c.policies[r].excludes:
                never[p.index] = Message.of(L.REQUIRES_EXCLUDER, id=c.policies[r].id)
        for i, r in enumerate(p.requires):
            for q in p.requires[i + 1 :]:
                if q in c.policies[r].excludes:
                    never[p.index] = Message.of(
                        L.REQUIRES_EXCLUSIVE, a=c.policies[r].id, b=c.policies[q].id
                    )
    changed = True
    while changed:
        changed = False
        for p in c.policies:
            if p.index in never:
                continue
            blocked = [r for r in p.requires if r in never]
            if blocked:
                never[p.index] = Message.of(L.REQUIRES_NEVER, id=s.policies[blocked[0]].id)
                changed = True
    return never


def static_found(loaded: LoadedScenario) -> Found:
    """Findings from the definitions alone, minus what the loader already says."""
    c = loaded.compiled
    found: Found = []
    poor = _unaffordable(loaded)
    for index, why in sorted(unadoptable(c, poor).items()):
        if index in poor:
            continue
        key = "available" if why.code == L.ALWAYS_UNAVAILABLE else "requires"
        never = Message.of(L.NEVER_ADOPTABLE, id=c.policies[index].id, why=why)
        found.append((("policies", index, key), never))
    return found


def games_found(loaded: LoadedScenario, rows: list[Row], best_goals: tuple[str, ...] = ()) -> Found:
    """Findings from bot games: events, goals, policies and metrics that never showed."""
    if not rows:
        return []
    c, s = loaded.compiled, loaded.scenario
    n = len(rows)
    games = Message.of(L.GAMES, n=n)
    already = {w.path for w in loaded.warnings}
    never_static = unadoptable(c, _unaffordable(loaded))
    found: Found = []
    eligible = fired = goals = adopted = offered = moved = 0
    for r in rows:
        eligible |= r.eligible
        goals |= r.goals
        adopted |= r.adopted
        offered |= r.offered
        moved |= r.moved
        for e in r.fired:
            fired |= 1 << e
    for ev in c.events:
        if fired >> ev.index & 1 or f"events[{ev.index}].chance" in already:
            continue
        if not eligible >> ev.index & 1:
            why = Message.of(L.WHEN_NEVER_TRUE if ev.when is not None else L.TURNS_NEVER_REACHED)
            key = "when" if ev.when is not None else "turns"
            cannot = Message.of(L.EVENT_CANNOT_FIRE, id=ev.id, games=games, why=why)
            found.append((("events", ev.index, key), cannot))
        else:
            never_fired = Message.of(L.EVENT_NEVER_FIRED, id=ev.id, games=games)
            found.append((("events", ev.index, "chance"), never_fired))
    for i, g in enumerate(s.scoring.goals):
        if not goals >> i & 1 and g.id not in best_goals:
            unreached = Message.of(L.GOAL_UNREACHED, id=g.id, games=games)
            found.append((("scoring", "goals", i, "condition"), unreached))
    for p in c.policies:
        if (
            adopted >> p.index & 1
            or p.index in never_static
            or f"policies[{p.index}].cost" in already
        ):
            continue
        if not offered >> p.index & 1:
            unoffered = Message.of(L.NEVER_OFFERED, id=p.id, games=games)
            found.append((("policies", p.index, "available"), unoffered))
        else:
            found.append((("policies", p.index), Message.of(L.NEVER_ADOPTED, id=p.id, games=games)))
    for m, mid in enumerate(c.metric_ids):
        if not moved >> m & 1 and f"metrics.{mid}" not in already:
            still = Message.of(L.METRIC_NEVER_CHANGED, id=mid, games=games)
            found.append((("metrics", mid), still))
    return found


def _unaffordable(loaded: LoadedScenario) -> frozenset[int]:
    paths = {w.path for w in loaded.warnings}
    return frozenset(
        p.index for p in loaded.compiled.policies if f"policies[{p.index}].cost" in paths
    )


def lint_problems(loaded: LoadedScenario, found: Found) -> list[Problem]:
    """Findings located in the file as warnings."""
    text, _, _ = read_toml(loaded.path)
    return problems(loaded.path, KeyLines(text), found, warning=True)
