"""``agen balance``: bots over seeds, spread, best path, dominant and dead policies."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from game.authoring.balance import (
    build_report,
    percentile,
    plan_steps,
    plan_toml,
    run_balance,
    spread,
)
from game.authoring.batch import allocate, plan_tasks
from game.authoring.expect import play_steps
from game.scenario import load_scenario
from game.scenario.format_model import PlanStep
from tests.files import EXAMPLE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def balance_json(app: typer.Typer, runner: CliRunner, path: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["balance", str(path), "--json", *args])
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_one_cheap_policy_that_wins_everything_is_flagged_dominant(
    app: typer.Typer, runner: CliRunner, unbalanced: Path
) -> None:
    report = balance_json(app, runner, unbalanced, "--runs", "300", "--jobs", "1")
    assert "magic_wand" in report["dominant"]
    wand = next(p for p in report["policies"] if p["id"] == "magic_wand")
    assert wand["top10_share"] > 0.9 and wand["flag"] == "dominant"


def test_the_balanced_example_has_no_magic(app: typer.Typer, runner: CliRunner) -> None:
    report = balance_json(app, runner, EXAMPLE, "--runs", "300", "--jobs", "1")
    assert "magic_wand" not in report["dominant"]
    assert {b["bot"] for b in report["bots"]} >= {
        "passive",
        "random",
        "greedy",
        "favour:digital_services",
    }
    assert report["games"] == sum(b["n"] for b in report["bots"])
    for b in report["bots"]:
        assert b["min"] <= b["p10"] <= b["median"] <= b["p90"] <= b["max"]
    assert {e["id"] for e in report["events"]} == {"viral_complaint"}
    assert {g["id"] for g in report["goals"]} == {"ikm_b"}
    assert sum(e["share"] for e in report["endings"]) == pytest.approx(1.0)


def test_best_path_replays_as_a_plan_to_its_score() -> None:
    loaded = load_scenario(EXAMPLE)
    rows, best, alloc, seconds = run_balance(loaded, 200, jobs=1)
    report = build_report(loaded, rows, best, alloc, seconds, 1)
    steps = [
        PlanStep.model_validate(s) for s in tomllib.loads(report["best_path"]["plan_toml"])["plan"]
    ]
    game = play_steps(loaded.compiled, steps, best.seed)
    assert game.outcome is not None
    assert game.outcome.score == pytest.approx(report["best_path"]["score"])
    assert report["best_path"]["score"] >= max(
        r.score for r in rows if r.seed == best.seed and r.bot == "greedy"
    )


def test_results_do_not_depend_on_the_number_of_cores(unbalanced: Path) -> None:
    loaded = load_scenario(unbalanced)
    one = build_report(loaded, *run_balance(loaded, 120, jobs=1), jobs=1)
    two = build_report(loaded, *run_balance(loaded, 120, jobs=2), jobs=2)
    for key in ("bots", "best_path", "policies", "events", "goals", "endings", "dominant", "dead"):
        assert one[key] == two[key], key


def test_terminal_report_and_charts(
    app: typer.Typer, runner: CliRunner, tmp_path: Path, unbalanced: Path
) -> None:
    out = tmp_path / "charts"
    result = runner.invoke(
        app, ["balance", str(unbalanced), "--runs", "150", "--jobs", "1", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Score spread per bot" in result.stdout
    assert "DOMINAN / dominant" in result.stdout
    for name in ("scores.png", "policies.png", "events.png", "goals.png"):
        assert (out / name).read_bytes()[:4] == b"\x89PNG"
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["games"] > 0


def test_bad_file_is_one_line_and_no_output(
    app: typer.Typer, runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["balance", str(tmp_path / "missing.toml"), "--runs", "10"])
    assert result.exit_code == 1
    line = result.output.strip()
    assert (
        "\n" not in line and f"{tmp_path / 'missing.toml'}: " in line and "file not found" in line
    )
    assert line.endswith("shipped scenarios: basarnas, dpmptsp, dukcapil, tutorial")


def test_allocation_gives_random_most_games_and_greedy_few() -> None:
    alloc = allocate(10_000, ["people", "integrity"])
    assert sum(alloc.games.values()) == 10_000
    assert alloc.games["random"] > 0.9 * 10_000
    assert alloc.games["greedy"] == 40 and alloc.games["favour:people"] == 5
    tasks = plan_tasks(alloc, 1, 1)
    assert sum(t.games for t in tasks) == 10_000
    played = {
        (t.bot, s)
        for t in tasks
        if t.kind == "bot"
        for s in range(t.first_seed, t.first_seed + t.count)
    }
    assert len(played) == 10_000  # no seed played twice by one bot


def test_spread_and_percentiles() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([0.0, 10.0], 0.1) == pytest.approx(1.0)
    s = spread([5.0, 1.0, 3.0])
    assert (s["n"], s["min"], s["median"], s["max"], s["mean"]) == (3, 1.0, 3.0, 5.0, 3.0)


def test_plan_toml_round_trips() -> None:
    from game.engine.actions import Adopt, Cancel, Choose, Decision

    decisions = (
        Decision(1, Adopt("a")),
        Decision(2, Choose("ev", "yes")),
        Decision(2, Cancel("a")),
    )
    steps = plan_steps(decisions)
    assert steps == [
        {"turn": 1, "adopt": ["a"]},
        {"turn": 2, "choose": {"ev": "yes"}, "cancel": ["a"]},
    ]
    assert tomllib.loads(plan_toml(steps))["plan"] == steps
