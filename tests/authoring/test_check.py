"""``agen check``: [[expect]] blocks run like tests, failures show the values found."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from game.authoring.expect import number, play_steps, run_all
from game.scenario import load_scenario
from tests.files import EXAMPLE


def test_passing_expectations_exit_0(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "LULUS / PASS  digital_first_builds_trust" in result.output
    assert "public_trust = 46.7043" in result.output  # arrears from turn 6 stall the help desk
    assert "1 passed, 0 failed" in result.output


def test_a_broken_expectation_fails_with_the_value_found(
    app: typer.Typer, runner: CliRunner, broken_expect: Path
) -> None:
    result = runner.invoke(app, ["check", str(broken_expect)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    fail = next(i for i, line in enumerate(lines) if "GAGAL / FAIL  trust_soars" in line)
    assert lines[fail].startswith(f"{broken_expect}:222:")
    assert "public_trust = 40.4543" in lines[fail + 1]
    assert "turn = 8" in lines[fail + 1]
    assert "1 passed, 2 failed" in result.output


def test_a_refused_plan_step_fails_with_the_reason(
    app: typer.Typer, runner: CliRunner, broken_expect: Path
) -> None:
    result = runner.invoke(app, ["check", str(broken_expect)])
    assert "GAGAL / FAIL  cannot_afford" in result.output
    assert (
        "turn 2: adopt 'hybrid_work': Needs Output-based performance plans in force first."
        in result.output
    )


def test_expectation_seed_is_used(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'assert = "public_trust >= 40"', 'assert = "public_trust >= 40"\nseed = 7'
    )
    path = tmp_path / "seeded.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    [result] = run_all(loaded)
    game = play_steps(loaded.compiled, loaded.scenario.expect[0].plan, 7)
    assert result.values["public_trust"] == game.value("public_trust")


def test_no_expectations_is_not_a_failure(
    app: typer.Typer, runner: CliRunner, tmp_path: Path
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "none.toml"
    path.write_text(text[: text.index("[[expect]]")], encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0
    assert "no [[expect]] blocks" in result.output


def test_an_invalid_scenario_is_one_line_per_problem(
    app: typer.Typer, runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            'metric = "capacity"', 'metric = "capasity"', 1
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "no metric 'capasity' (did you mean 'capacity'?)" in result.output
    assert "Traceback" not in result.output


def test_a_missing_file_is_one_line(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.toml")])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"agen check: {tmp_path / 'nope.toml'}: berkas tidak ditemukan / file not found; "
        "skenario bawaan / shipped scenarios: basarnas, dpmptsp, dukcapil, tutorial"
    )


def test_plan_answers_pending_events_before_adopting(tmp_path: Path) -> None:
    # An event firing in a plan's turn must not block the plan's adoptions.
    text = (
        EXAMPLE.read_text(encoding="utf-8")
        .replace(
            "turns = [2, 8]                  # window", "at = 2                          # window"
        )
        .replace('chance = "0.10 + 0.003 * max(0, 70 - service_quality)"', "chance = 1")
    )
    path = tmp_path / "fires.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    [result] = run_all(loaded)
    assert result.error is None
    game = play_steps(loaded.compiled, loaded.scenario.expect[0].plan, None)
    assert (2, "viral_complaint") in game.fired_log
    assert game.held("citizen_assist") > 0


def test_number_formatting() -> None:
    assert [number(x) for x in (38.2, 4200.0, 0.0, -0.00001, 2.123456)] == [
        "38.2",
        "4200",
        "0",
        "0",
        "2.1235",
    ]
