"""Bundling a balance run's tasks (the look-ahead bots on the same seeds together, their
rollouts remembered) changes the time, never a result."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring import batch
from game.authoring.batch import allocate, bundles, plan_tasks, run_task, run_tasks
from game.errors import AgenError
from game.scenario import LoadedScenario, load_scenario
from tests.files import SCENARIOS


def test_every_task_is_in_one_bundle_and_look_ahead_tasks_share_their_seed() -> None:
    tasks = plan_tasks(allocate(10_000, ["people", "integrity", "digital"]), 100, 100)
    groups = bundles(tasks)
    assert sorted(i for g in groups for i in g) == list(range(len(tasks)))
    dear = {"greedy", "favour:people", "favour:integrity", "favour:digital"}
    for group in groups:
        bots = [tasks[i] for i in group if tasks[i].kind == "bot"]
        if any(t.bot in dear for t in bots):
            assert all(t.bot in dear for t in bots) and len({t.first_seed for t in bots}) == 1
        else:
            assert len(group) == 1
    first = groups[0]  # the greedy game on the search's seed is played in its bundle
    assert {tasks[i].bot for i in first} == dear | {"search"}
    search = [tasks[i] for i in first if tasks[i].kind == "search"]
    assert len(search) == 1 and search[0].start_greedy
    assert len(groups[1]) == len(dear) and len(groups[3]) == 1  # only greedy plays seed 106 on


def test_bundled_results_are_those_of_each_task_alone() -> None:
    loaded: LoadedScenario = load_scenario(SCENARIOS / "tutorial.toml")
    categories = sorted({p.category for p in loaded.scenario.policies})
    tasks = plan_tasks(allocate(300, categories), 7, 7)
    alone = [run_task(loaded, t) for t in tasks]
    seen: list[str] = []
    assert run_tasks(loaded, tasks, jobs=1, advance=lambda t: seen.append(t.bot)) == alone
    assert sorted(seen) == sorted(t.bot for t in tasks)  # progress told once per task


def test_a_forked_worker_takes_the_runs_scenario_and_another_checks_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tutorial.toml"
    path.write_text((SCENARIOS / "tutorial.toml").read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load_scenario(path)
    args = (loaded.path, loaded.sha256, loaded.scenario.turns)
    monkeypatch.setattr(batch, "_PARENTS", loaded)
    batch._init_worker(*args)
    assert batch._WORKER is loaded  # no second load
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(batch, "_PARENTS", None)  # a worker not forked from the run
    with pytest.raises(AgenError, match="changed"):
        batch._init_worker(*args)
