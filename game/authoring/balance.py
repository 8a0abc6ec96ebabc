"""``agen balance``: bots over many seeds, then what their games say about the scenario.

The report (a JSON-ready dict) holds the score spread per bot, the best path the search
found, dominant policies (adopted in more than 90% of the top 10% of games) and dead ones (in
no game of the top half), how often each event fired and each goal and ending was reached,
and the lint warnings the games support.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from game.authoring.authoring_text import AuthoringText
from game.authoring.batch import Allocation, Task, allocate, plan_tasks, run_tasks
from game.authoring.harshness import harshness
from game.authoring.runs import FAVOUR, Row
from game.authoring.search import Found
from game.authoring.tally import Tally, bit_counts
from game.engine.actions import Adopt, Cancel, Choose, Decision
from game.engine.bots import BOTS
from game.errors import Message
from game.i18n import english_first
from game.scenario.compiled import Compiled
from game.scenario.loader import LoadedScenario
from game.scenario.reflection_keys import is_short
from game.scenario.text import localize

DOMINANT_SHARE = 0.9
Counted = Literal["adopted", "fired", "times", "goals", "endings"]  # a count of a Tally
TOP_SHARE = 0.1


def run_balance(
    loaded: LoadedScenario,
    runs: int,
    jobs: int | None = None,
    seed_start: int | None = None,
    advance: Callable[[Task], None] | None = None,
    tasks_out: list[Task] | None = None,
) -> tuple[list[Row], Found, Allocation, float]:
    """Play the games and the search; return rows, the best path, the split and the time."""
    s = loaded.scenario
    categories = sorted({p.category for p in s.policies})
    alloc = allocate(runs, categories)
    first = s.seed if seed_start is None else seed_start
    tasks = plan_tasks(alloc, first, s.seed)
    if tasks_out is not None:
        tasks_out.extend(tasks)
    began = time.perf_counter()
    results = run_tasks(loaded, tasks, jobs, advance)
    seconds = time.perf_counter() - began
    rows = [row for _, chunk, _ in results for row in chunk]
    found = [f for _, _, f in results if f is not None]
    best = max(found, key=lambda f: f.score)
    best = Found(best.score, best.decisions, sum(f.evaluations for f in found), best.seed)
    return rows, best, alloc, seconds


def percentile(ordered: list[float], q: float) -> float:
    """Linear-interpolated percentile of a sorted, non-empty list (q in 0..1)."""
    pos = q * (len(ordered) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def spread(scores: list[float]) -> dict[str, float | int]:
    """n, min, p10, median, p90, max, mean of a list of scores."""
    ordered = sorted(scores)
    return {
        "n": len(ordered),
        "min": ordered[0],
        "p10": percentile(ordered, 0.1),
        "median": percentile(ordered, 0.5),
        "p90": percentile(ordered, 0.9),
        "max": ordered[-1],
        "mean": sum(ordered) / len(ordered),
    }


def plan_steps(decisions: tuple[Decision, ...]) -> list[dict[str, Any]]:
    """Decisions as plan entries (``turn``, ``choose``, ``cancel``, ``adopt``), by turn."""
    steps: dict[int, dict[str, Any]] = {}
    for d in decisions:
        step = steps.setdefault(d.turn, {"turn": d.turn})
        a = d.action
        if isinstance(a, Choose):
            step.setdefault("choose", {})[a.event] = a.choice
        elif isinstance(a, Cancel):
            step.setdefault("cancel", []).append(a.policy)
        elif isinstance(a, Adopt):
            step.setdefault("adopt", []).append(a.policy)
    return [steps[t] for t in sorted(steps)]


def plan_toml(steps: list[dict[str, Any]]) -> str:
    """A plan as TOML lines to paste into an ``[[expect]]`` block."""
    lines = ["plan = ["]
    for step in steps:
        parts = [f"turn = {step['turn']}"]
        for key in ("adopt", "cancel"):
            if key in step:
                parts.append(f"{key} = [" + ", ".join(f'"{p}"' for p in step[key]) + "]")
        if "choose" in step:
            inner = ", ".join(f'{e} = "{c}"' for e, c in step["choose"].items())
            parts.append(f"choose = {{ {inner} }}")
        lines.append("  { " + ", ".join(parts) + " },")
    lines.append("]")
    return "\n".join(lines)


@dataclass(frozen=True)
class Games:
    """The bots' games, grouped the ways the report counts them, and counted."""

    rows: list[Row]
    top: list[Row]  # the best TOP_SHARE of all games
    half: list[Row]  # the better half
    by_bot: dict[str, list[Row]]  # in the allocation's order, bots that played
    all: Tally
    bot_tally: dict[str, Tally]

    @classmethod
    def of(cls, rows: list[Row], alloc: Allocation, c: Compiled) -> Games:
        total = len(rows)
        ranked = sorted(rows, key=lambda r: -r.score)
        grouped: dict[str, list[Row]] = {}
        for r in rows:
            grouped.setdefault(r.bot, []).append(r)
        by_bot = {name: grouped[name] for name in alloc.games if name in grouped}
        sizes = (len(c.policies), len(c.events), len(c.goals), len(c.endings))
        return cls(
            rows=rows,
            top=ranked[: max(1, math.ceil(TOP_SHARE * total))],
            half=ranked[: max(1, math.ceil(0.5 * total))],
            by_bot=by_bot,
            all=Tally.of(rows, *sizes),
            bot_tally={name: Tally.of(rs, *sizes) for name, rs in by_bot.items()},
        )

    def share(self, count: Counted, index: int) -> float:
        """The share of all games counted in one place of the tally (``count`` at ``index``)."""
        counts: list[int] = getattr(self.all, count)
        return counts[index] / self.all.games

    def share_by_bot(self, count: Counted, index: int) -> dict[str, float]:
        """Per bot, the share of its games counted in one place of the tally."""
        return {b: getattr(t, count)[index] / t.games for b, t in self.bot_tally.items()}


def policy_rows(loaded: LoadedScenario, games: Games) -> list[dict[str, Any]]:
    """Per policy: how often adopted (all games, top 10%, top half) and its flag."""
    s, c = loaded.scenario, loaded.compiled
    lang = s.default_language
    top = bit_counts((r.adopted for r in games.top), len(c.policies))
    half = bit_counts((r.adopted for r in games.half), len(c.policies))
    policies = []
    for p in s.policies:
        i = c.policy_index[p.id]
        top_share = top[i] / len(games.top)
        flag = "dominant" if top_share > DOMINANT_SHARE else "dead" if half[i] == 0 else None
        policies.append(
            {
                "id": p.id,
                "name": localize(p.name, lang, lang),
                "category": p.category,
                "adopted_share": games.all.adopted[i] / games.all.games,
                "top10_share": top_share,
                "top_half_games": half[i],
                "flag": flag,
            }
        )
    return policies


def event_rows(loaded: LoadedScenario, games: Games) -> list[dict[str, Any]]:
    """Per event: in how many games it fired, how often, and per bot."""
    s = loaded.scenario
    lang = s.default_language
    total = games.all.games
    return [
        {
            "id": ev.id,
            "title": localize(s.events[ev.index].title, lang, lang),
            "fired_share": games.all.fired[ev.index] / total,
            "mean_times": games.all.times[ev.index] / total,
            "by_bot": games.share_by_bot("fired", ev.index),
        }
        for ev in loaded.compiled.events
    ]


def goal_rows(loaded: LoadedScenario, games: Games, best: Found) -> list[dict[str, Any]]:
    """Per goal: how often reached, per bot, and whether the best path reaches it."""
    s = loaded.scenario
    lang = s.default_language
    on_best = best_goals(loaded, best) if s.scoring.goals else ()
    return [
        {
            "id": g.id,
            "label": localize(g.label, lang, lang),
            "share": games.share("goals", i),
            "by_bot": games.share_by_bot("goals", i),
            "best_path": g.id in on_best,
        }
        for i, g in enumerate(s.scoring.goals)
    ]


def ending_rows(loaded: LoadedScenario, games: Games) -> list[dict[str, Any]]:
    """Per ending (then the games played to the last turn): how often, and per bot."""
    kinds = [(en.id, en.kind) for en in loaded.scenario.endings] + [(None, "full")]
    return [
        {
            "id": ending_id,
            "kind": kind,
            "share": games.share("endings", i),
            "by_bot": games.share_by_bot("endings", i),
        }
        for i, (ending_id, kind) in enumerate(kinds)
    ]


def best_path(best: Found) -> dict[str, Any]:
    """The best path the search found, as plan steps and as TOML."""
    steps = plan_steps(best.decisions)
    return {
        "score": best.score,
        "seed": best.seed,
        "evaluations": best.evaluations,
        "plan": steps,
        "plan_toml": plan_toml(steps),
    }


def build_report(
    loaded: LoadedScenario,
    rows: list[Row],
    best: Found,
    alloc: Allocation,
    seconds: float,
    jobs: int,
    seed_start: int | None = None,
) -> dict[str, Any]:
    """Aggregate the games into the report."""
    s = loaded.scenario
    games = Games.of(rows, alloc, loaded.compiled)
    policies = policy_rows(loaded, games)
    return {
        "scenario": {
            "id": s.id,
            "version": s.version,
            "path": loaded.path,
            "sha256": loaded.sha256,
            "quarters": s.turns if is_short(s) else None,
        },
        "games": len(rows),
        "seconds": round(seconds, 3),
        "jobs": jobs,
        "seed_start": s.seed if seed_start is None else seed_start,
        "bots": [{"bot": b, **spread([r.score for r in rs])} for b, rs in games.by_bot.items()],
        "best_path": best_path(best),
        "policies": policies,
        "dominant": [p["id"] for p in policies if p["flag"] == "dominant"],
        "dead": [p["id"] for p in policies if p["flag"] == "dead"],
        "events": event_rows(loaded, games),
        "goals": goal_rows(loaded, games, best),
        "endings": ending_rows(loaded, games),
        "notes": notes(alloc),
        "seeds": harshness(loaded, s.seed if seed_start is None else seed_start),
    }


def best_goals(loaded: LoadedScenario, best: Found) -> tuple[str, ...]:
    """Goals met on the best path (replayed)."""
    from game.engine.plan import replay

    game = replay(loaded.compiled, best.seed, best.decisions)
    return game.outcome.goals if game.outcome else ()


def notes(alloc: Allocation) -> list[str]:
    """What the reader should know about how the games were split."""
    favour = [n for b, n in alloc.games.items() if b.startswith(FAVOUR)]
    bots = [
        f"{b.name}: {alloc.games.get(b.name, 0)} games ({_about(b.about)})"
        for b in BOTS.values()
        if b.name in alloc.games
    ]
    return [
        "; ".join(bots) + f"; each category-favouring greedy bot: {favour[0] if favour else 0}.",
        f"{english_first(AuthoringText.NOTE_BEST_PATH, n=alloc.search_evaluations)}.",
        english_first(
            AuthoringText.NOTE_FLAGS, dominant=f"{DOMINANT_SHARE:.0%}", top=f"{TOP_SHARE:.0%}"
        )
        + ".",
    ]


def _about(about: Message | str) -> str:
    """What a bot does: English / Indonesian for a bot of the table, a test bot's own words."""
    return english_first(about) if isinstance(about, Message) else about
