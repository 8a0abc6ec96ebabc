"""Warnings beyond validity, located as ``FILE:LINE: warning: key.path: message``.

Two kinds: what the definitions alone prove (a policy that requires one that can never be
adopted, or one that excludes it), and what bot games show (an event that never fired, a goal
nobody reached, a policy never offered or never adopted, a metric that never moved). The
loader already warns about missing translations, metrics nothing moves, policies dearer than
the budget can ever be and events whose chance is 0; those are reused, not repeated.
"""

from __future__ import annotations

from game.authoring.runs import Row
from game.errors import Problem
from game.scenario.compiled import Compiled, Found
from game.scenario.loader import LoadedScenario, problems, read_toml
from game.scenario.locate import KeyLines


def unadoptable(c: Compiled, unaffordable: frozenset[int] = frozenset()) -> dict[int, str]:
    """Policies no player can ever adopt, with the reason, from the definitions alone.

    ``unaffordable``: policies the loader already found nobody can afford.
    """
    s = c.scenario
    never: dict[int, str] = {i: "nobody can ever afford it" for i in unaffordable}
    for p in c.policies:
        if (
            p.available is not None
            and p.available.constant is not None
            and not p.available.constant
        ):
            never[p.index] = "its 'available' is always false"
        for r in p.requires:
            if p.index in c.policies[r].excludes:
                never[p.index] = f"it requires '{c.policies[r].id}', which excludes it"
        for i, r in enumerate(p.requires):
            for q in p.requires[i + 1 :]:
                if q in c.policies[r].excludes:
                    never[p.index] = (
                        f"it requires both '{c.policies[r].id}' and '{c.policies[q].id}', "
                        "which exclude each other"
                    )
    changed = True
    while changed:
        changed = False
        for p in c.policies:
            if p.index in never:
                continue
            blocked = [r for r in p.requires if r in never]
            if blocked:
                never[p.index] = (
                    f"it requires '{s.policies[blocked[0]].id}', which can never be adopted"
                )
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
        key = "available" if "available" in why else "requires"
        found.append(
            (
                ("policies", index, key),
                f"policy '{c.policies[index].id}' can never be adopted: {why}",
            )
        )
    return found


def games_found(loaded: LoadedScenario, rows: list[Row], best_goals: tuple[str, ...] = ()) -> Found:
    """Findings from bot games: events, goals, policies and metrics that never showed."""
    if not rows:
        return []
    c, s = loaded.compiled, loaded.scenario
    n = len(rows)
    games = f"in {n} bot games"
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
            why = (
                "its 'when' was never true inside its turns"
                if ev.when is not None
                else "no game reached its turns"
            )
            key = "when" if ev.when is not None else "turns"
            found.append(
                (("events", ev.index, key), f"event '{ev.id}' can never fire {games}: {why}")
            )
        else:
            found.append(
                (
                    ("events", ev.index, "chance"),
                    f"event '{ev.id}' never fired {games}: its chance may be too low",
                )
            )
    for i, g in enumerate(s.scoring.goals):
        if not goals >> i & 1 and g.id not in best_goals:
            found.append(
                (
                    ("scoring", "goals", i, "condition"),
                    f"goal '{g.id}' was reached by no bot {games} nor by the best path found",
                )
            )
    for p in c.policies:
        if (
            adopted >> p.index & 1
            or p.index in never_static
            or f"policies[{p.index}].cost" in already
        ):
            continue
        if not offered >> p.index & 1:
            found.append(
                (
                    ("policies", p.index, "available"),
                    f"policy '{p.id}' is never offered {games}: its 'available' was never true",
                )
            )
        else:
            found.append(
                (
                    ("policies", p.index),
                    f"policy '{p.id}' was adopted by no bot {games}: can anyone afford it when it is offered?",
                )
            )
    for m, mid in enumerate(c.metric_ids):
        if not moved >> m & 1 and f"metrics.{mid}" not in already:
            found.append((("metrics", mid), f"metric '{mid}' never changed {games}"))
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
