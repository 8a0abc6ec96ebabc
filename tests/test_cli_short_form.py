"""The short form outside class mode: ``agen simulate|check|balance --quarters N`` play the
scenario's ``[short_form]`` and nothing else; a length it does not offer is one bilingual line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from game.authoring.balance import build_report, run_balance
from game.results.record import read_result
from game.results.verify import verify_on
from game.scenario import load_scenario
from game.scenario.forms import played_as
from tests.files import EXAMPLE

AGEN = [sys.executable, "-m", "game"]
SHORT = "\n[short_form]\nturns = 4\n"
TURNS_EXPECT = (
    '\n[[expect]]\nid = "four_turns"\nplan = [{ turn = 1, adopt = ["output_skp"] }]\n'
    'assert = "turns == 4"\n'
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*AGEN, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture()
def short_example(tmp_path: Path) -> Path:
    """The canonical example with a 4-turn short form and an expectation only it meets."""
    path = tmp_path / "short.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + SHORT + TURNS_EXPECT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    from game import cli

    cli.register_commands()
    return cli.app


def test_simulate_plays_the_short_form_and_says_so(short_example: Path, tmp_path: Path) -> None:
    out = tmp_path / "results"
    r = run(
        "simulate", str(short_example), "--bot", "greedy", "--quarters", "4", "--json",
        "--result-out", str(out),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["quarters"] == 4 and [t["turn"] for t in report["turns"]] == [1, 2, 3, 4]
    [written] = out.glob("*.json")
    record = read_result(written)
    assert record.quarters == 4 and record.turns_played == 4
    game = verify_on(record, load_scenario(short_example))  # replays as the short form
    assert game.scenario.turns == 4 and game.outcome is not None
    assert game.outcome.score == record.score == report["score"]
    text = run("simulate", str(short_example), "--bot", "passive", "--quarters", "4")
    assert text.stdout.splitlines()[0].endswith("quarters 4")
    full = json.loads(run("simulate", str(short_example), "--bot", "passive", "--json").stdout)
    assert full["quarters"] is None and len(full["turns"]) == 8
    same = run("simulate", str(short_example), "--bot", "passive", "--quarters", "8", "--json")
    assert json.loads(same.stdout) == full  # the full length asked for is the full game


@pytest.mark.parametrize(("quarters", "offered"), [("3", "4, 8"), ("9", "4, 8")])
def test_a_length_not_offered_is_one_bilingual_line(
    short_example: Path, tmp_path: Path, quarters: str, offered: str
) -> None:
    out = tmp_path / "results"
    r = run(
        "simulate", str(short_example), "--bot", "passive", "--quarters", quarters,
        "--result-out", str(out),
    )  # fmt: skip
    assert r.returncode == 1 and r.stdout == ""
    line = r.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"agen simulate --quarters {quarters}: {short_example}: ")
    assert f"yang ditawarkan: {offered} giliran" in line  # Indonesian first
    assert f"it offers {offered} turns" in line
    assert not out.exists()


def test_a_scenario_without_a_short_form_offers_its_full_length() -> None:
    r = run("simulate", str(EXAMPLE), "--bot", "passive", "--quarters", "4")
    assert r.returncode == 1 and "it offers 8 turns" in r.stderr


def test_check_runs_the_expectations_on_the_short_form(
    app: typer.Typer, short_example: Path
) -> None:
    runner = CliRunner()
    full = runner.invoke(app, ["check", str(short_example)])
    assert full.exit_code == 1 and "GAGAL / FAIL  four_turns" in full.output
    short = runner.invoke(app, ["check", str(short_example), "--quarters", "4"])
    assert short.exit_code == 0, short.output
    assert "LULUS / PASS  four_turns" in short.output and "turns = 4" in short.output
    refused = runner.invoke(app, ["check", str(short_example), "--quarters", "5"])
    assert refused.exit_code == 1 and "it offers 4, 8 turns" in refused.output


def _report(path: Path, jobs: int, quarters: int | None) -> dict[str, Any]:
    loaded = played_as(load_scenario(path), quarters)
    return build_report(loaded, *run_balance(loaded, 120, jobs=jobs), jobs=jobs)


def test_balance_plays_the_short_form_in_every_process(short_example: Path) -> None:
    one = _report(short_example, 1, 4)
    two = _report(short_example, 2, 4)  # the worker processes load the short form too
    for key in ("bots", "best_path", "policies", "events", "goals"):
        assert one[key] == two[key], key
    assert one["scenario"]["quarters"] == 4
    assert max(step["turn"] for step in one["best_path"]["plan"]) <= 4
    full = _report(short_example, 1, None)
    assert full["scenario"]["quarters"] is None and full["bots"] != one["bots"]


def test_balance_command_says_it_balanced_the_short_form(
    app: typer.Typer, short_example: Path
) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app, ["balance", str(short_example), "--quarters", "4", "--runs", "100", "--jobs", "1"]
    )
    assert r.exit_code == 0, r.output
    assert "versi pendek: 4 giliran / short form: 4 turns" in " ".join(r.output.split())
    refused = runner.invoke(app, ["balance", str(short_example), "--quarters", "2"])
    assert refused.exit_code == 1 and "yang ditawarkan: 4, 8 giliran" in refused.output
