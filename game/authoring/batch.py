"""Many bot games on all cores: the plan of the work, the worker pool, the progress.

The work is split into chunks (tasks) planned up front from the run count alone, so a report
is the same whatever the number of cores. The compiled scenario holds compiled functions and
cannot be pickled: a worker forked from the run's process finds the run's scenario in its
memory; any other loads it from its path once, in the pool's initializer, and refuses to go
on if the file changed meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from game.authoring.authoring_text import AuthoringText
from game.authoring.runs import FAVOUR, Row, play_row
from game.authoring.search import Found, search
from game.engine.bots import BOTS, rollouts_remembered
from game.engine.fused import fused
from game.errors import AgenError
from game.i18n import english_first
from game.scenario.forms import played_as
from game.scenario.loader import LoadedScenario, load_scenario

SEARCH_TASKS = 4  # fixed, so results do not depend on the number of cores
FAVOUR_CHUNK = 2  # a category-favouring bot is a greedy one: dear


def favour_share(runs: int) -> int:
    """Games of each category-favouring greedy bot in a run of ``runs``."""
    return max(1, runs // 2000)


@dataclass(frozen=True)
class Task:
    """A chunk of work: games of one bot over consecutive seeds, or one search task."""

    kind: str  # "bot" or "search"
    bot: str
    first_seed: int
    count: int  # games, or evaluations for a search
    task_seed: int = 0
    start_greedy: bool = False

    @property
    def games(self) -> int:
        """Bot games this task plays (0 for a search)."""
        return self.count if self.kind == "bot" else 0


@dataclass(frozen=True)
class Allocation:
    """How many games each bot plays, and the search's budget of plays."""

    games: dict[str, int]
    search_evaluations: int


def allocate(runs: int, categories: Sequence[str]) -> Allocation:
    """Split ``runs`` games across the registered bots by their shares (the bot without one
    takes the rest), plus a category-favouring greedy bot per category."""
    runs = max(1, runs)
    games = {b.name: b.share(runs) for b in BOTS.values() if b.share is not None}
    games.update({f"{FAVOUR}{cat}": favour_share(runs) for cat in categories})
    for rest in (b.name for b in BOTS.values() if b.share is None):
        games[rest] = max(1, runs - sum(games.values()))
    return Allocation(games, max(100, runs // 4))


def _chunk(bot: str) -> int:
    registered = BOTS.get(bot)
    return registered.chunk if registered is not None else FAVOUR_CHUNK


def _cheap(bot: str) -> bool:
    registered = BOTS.get(bot)
    return registered is not None and registered.cheap


def plan_tasks(alloc: Allocation, seed_start: int, search_seed: int) -> list[Task]:
    """Chunks, dearest first so the pool finishes evenly."""
    tasks: list[Task] = []
    for bot, n in alloc.games.items():
        size = _chunk(bot)
        tasks += [Task("bot", bot, seed_start + i, min(size, n - i)) for i in range(0, n, size)]
    share = -(-alloc.search_evaluations // SEARCH_TASKS)
    tasks += [
        Task(
            "search",
            "search",
            search_seed,
            share,
            task_seed=search_seed * 31 + k,
            start_greedy=k == 0,
        )
        for k in range(SEARCH_TASKS)
    ]
    return sorted(tasks, key=lambda t: (t.kind == "bot" and _cheap(t.bot), t.kind == "search"))


Result = tuple[Task, list[Row], Found | None]

_WORKER: LoadedScenario | None = None
_PARENTS: LoadedScenario | None = None  # the scenario of the run starting its pool


def _init_worker(path: str, sha256: str, turns: int) -> None:
    global _WORKER
    inherited = _PARENTS  # a worker forked from the parent has its scenario already
    same = (path, sha256, turns)
    if (
        inherited is not None
        and (inherited.path, inherited.sha256, inherited.scenario.turns) == same
    ):
        _WORKER = inherited
        return
    loaded = load_scenario(path)
    if loaded.sha256 != sha256:
        raise AgenError(f"{path}: {english_first(AuthoringText.FILE_CHANGED)}")
    _WORKER = played_as(loaded, turns)  # the short form when the run balances it


def _run_in_worker(tasks: list[Task]) -> list[Result]:
    assert _WORKER is not None
    return run_bundle(_WORKER, tasks)


def run_task(loaded: LoadedScenario, task: Task) -> Result:
    """Carry out one task in this process."""
    c = loaded.compiled
    if task.kind == "search":
        return task, [], search(c, task.first_seed, task.count, task.task_seed, task.start_greedy)
    rows = [
        play_row(c, task.bot, seed) for seed in range(task.first_seed, task.first_seed + task.count)
    ]
    return task, rows, None


def run_bundle(loaded: LoadedScenario, tasks: list[Task]) -> list[Result]:
    """Carry out tasks one after the other in this process, their rollouts remembered."""
    with rollouts_remembered():
        return [run_task(loaded, task) for task in tasks]


def bundles(tasks: list[Task]) -> list[list[int]]:
    """The tasks (by index) to run together, in the order of their first task.

    The look-ahead bots' tasks that start at the same seed go together, and with them the
    search task that starts from the greedy bot's game on one of their seeds: they reach many
    of the same states, so they share rollouts (``rollouts_remembered``). Which tasks go
    together never changes a result, only the time."""
    out: list[list[int]] = []
    by_seed: dict[int, list[int]] = {}
    for i, task in enumerate(tasks):
        if task.kind == "bot" and not _cheap(task.bot):
            if task.first_seed not in by_seed:
                by_seed[task.first_seed] = []
                out.append(by_seed[task.first_seed])
            by_seed[task.first_seed].append(i)
            continue
        home = _greedy_home(tasks, by_seed, task) if task.start_greedy else None
        if home is None:
            out.append([i])
        else:
            home.append(i)
    return out


def _greedy_home(
    tasks: list[Task], by_seed: dict[int, list[int]], search_task: Task
) -> list[int] | None:
    """The bundle playing the greedy bot on the seed a search task starts from, if any."""
    seed = search_task.first_seed
    for t in tasks:
        if t.bot == "greedy" and t.first_seed <= seed < t.first_seed + t.count:
            return by_seed.get(t.first_seed)
    return None


def run_tasks(
    loaded: LoadedScenario,
    tasks: list[Task],
    jobs: int | None = None,
    advance: Callable[[Task], None] | None = None,
) -> list[Result]:
    """Run every task, on ``jobs`` processes (default: all cores; 1 = in this process), in
    bundles (:func:`bundles`); the results in the tasks' order."""
    jobs = jobs or os.cpu_count() or 1
    groups = bundles(tasks)
    done: dict[int, Result] = {}

    def finished(group: list[int], results: list[Result]) -> None:
        for i, result in zip(group, results, strict=True):
            done[i] = result
            if advance:
                advance(tasks[i])

    if jobs <= 1 or len(groups) <= 1:
        for group in groups:
            finished(group, run_bundle(loaded, [tasks[i] for i in group]))
        return [done[i] for i in range(len(tasks))]
    global _PARENTS
    _PARENTS = loaded
    fused(loaded.compiled)  # the scenario's generated turn, made once here for every worker
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(groups)),
            initializer=_init_worker,
            initargs=(loaded.path, loaded.sha256, loaded.scenario.turns),
        ) as pool:
            futures = {pool.submit(_run_in_worker, [tasks[i] for i in g]): g for g in groups}
            for future in as_completed(futures):
                finished(futures[future], future.result())
    except BrokenProcessPool:
        raise AgenError(f"{loaded.path}: {english_first(AuthoringText.WORKERS_STOPPED)}") from None
    finally:
        _PARENTS = None
    return [done[i] for i in range(len(tasks))]
