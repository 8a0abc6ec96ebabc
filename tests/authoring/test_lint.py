"""Lint beyond validity: static proofs and what bot games show, located by line."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from game.authoring.balance import run_balance
from game.authoring.lint import games_found, static_found, unadoptable
from game.scenario import load_scenario
from tests.files import EXAMPLE


def line_of(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


def test_lint_command_locates_each_warning(
    app: typer.Typer, runner: CliRunner, lint_me: Path
) -> None:
    result = runner.invoke(app, ["lint", str(lint_me), "--runs", "200", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    warnings = [w for w in result.stdout.splitlines() if ": warning: " in w]
    expected = {
        "policies[4].requires": (
            'requires = ["full_wfa"]',
            "'locked_out' can never be adopted: it requires 'full_wfa', which excludes it",
        ),
        "policies[5].available": ("available = ", "'never_offered' is never offered"),
        "events[0].when": ("when = ", "'viral_complaint' can never fire"),
        "scoring.goals[0].condition": ("condition = ", "'ikm_b' was reached by no bot"),
    }
    assert len(warnings) == len(expected)
    for warning in warnings:
        file, line, _, rest = warning.split(":", 3)
        path = rest.split(":", 1)[0].strip()
        key_text, message = expected[path]
        assert file == str(lint_me)
        assert line_of(lint_me, int(line)).startswith(key_text)
        assert message in warning


def test_requires_excluding_policy_is_unadoptable_and_nothing_else(lint_me: Path) -> None:
    loaded = load_scenario(lint_me)
    never = unadoptable(loaded.compiled)
    assert {loaded.compiled.policies[i].id for i in never} == {"locked_out"}


def test_chained_requirement_is_reported(tmp_path: Path, lint_me: Path) -> None:
    text = lint_me.read_text(encoding="utf-8").replace(
        'id = "never_offered"', 'id = "never_offered"\nrequires = ["locked_out"]', 1
    )
    path = tmp_path / "chain.toml"
    path.write_text(text, encoding="utf-8")
    found = dict(static_found(load_scenario(path)))
    assert "which can never be adopted" in str(found[("policies", 5, "requires")])


def test_a_clean_example_gives_no_policy_or_event_warnings() -> None:
    loaded = load_scenario(EXAMPLE)
    rows, _, _, _ = run_balance(loaded, 200, jobs=1)
    found = static_found(loaded) + games_found(loaded, rows, ())
    assert [f for f in found if f[0][0] in ("policies", "events", "metrics")] == []


def test_loader_warnings_are_not_repeated(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("cost = 300", "cost = 20000")
    path = tmp_path / "dear.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    assert any("nobody can ever afford" in w.message for w in loaded.warnings)
    rows, _, _, _ = run_balance(loaded, 100, jobs=1)
    found = static_found(loaded) + games_found(loaded, rows, ())
    assert not any(path[:2] == ("policies", 3) for path, _ in found)
    # citizen_assist requires the unaffordable policy: that is new, and reported
    assert any(path == ("policies", 4, "requires") for path, _ in found)


def test_lint_refuses_an_invalid_file(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", str(bad), "--runs", "5"])
    assert result.exit_code == 1
    assert "required key is missing" in result.output
