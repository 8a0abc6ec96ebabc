"""``agen new``: a starter scenario that loads without warnings, commented in both languages."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from game.authoring.expect import run_all
from game.authoring.template import NewScenarioError, check_id, scenario_text
from game.scenario import load_scenario

KEY_LINE = re.compile(r"^\w+ = ")


def test_new_writes_a_scenario_that_loads_without_warnings(
    app: typer.Typer, runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "sleman.toml"
    result = runner.invoke(app, ["new", "dukcapil-sleman", "--out", str(target)])
    assert result.exit_code == 0, result.output
    loaded = load_scenario(target)
    assert loaded.scenario.id == "dukcapil-sleman"
    assert loaded.warnings == ()
    assert (tmp_path / "agen-schema.json").is_file()
    assert target.read_text(encoding="utf-8").startswith("#:schema ./agen-schema.json\n")


def test_new_uses_every_main_part_of_the_format(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text(scenario_text("x"), encoding="utf-8")
    s = load_scenario(path).scenario
    assert (
        s.metrics and s.derived and s.rules and s.policies and s.events and s.endings and s.expect
    )
    assert s.scoring.goals and s.scoring.grades and s.budget
    assert any(m.drift for m in s.metrics.values())
    assert any(p.requires for p in s.policies) and any(p.excludes for p in s.policies)
    assert any(p.available for p in s.policies) and any(p.upkeep for p in s.policies)
    assert any(c.requires and c.cost for e in s.events for c in e.choices)


def test_new_comments_every_key_in_both_languages() -> None:
    lines = scenario_text("x").splitlines()
    for i, line in enumerate(lines):
        if KEY_LINE.match(line):
            here = line + " " + (lines[i - 1] if lines[i - 1].startswith("#") else "")
            assert "id:" in here and "en:" in here, (
                f"line {i + 1} lacks a bilingual comment: {line}"
            )


def test_new_scenario_passes_its_own_expectations(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text(scenario_text("x"), encoding="utf-8")
    results = run_all(load_scenario(path))
    assert results and all(r.passed for r in results)


@pytest.mark.parametrize(
    "bad", ["Sleman", "dukcapil_sleman", "lead.", "trail-", "", "a" * 65, "ruang kerja"]
)
def test_new_refuses_an_invalid_id_in_one_line(
    app: typer.Typer, runner: CliRunner, tmp_path: Path, bad: str
) -> None:
    target = tmp_path / "out.toml"
    result = runner.invoke(app, ["new", bad, "--out", str(target)])
    assert result.exit_code == 1
    assert "not a valid scenario id" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not target.exists()


def test_new_never_overwrites(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("# my own work\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "mine", "--out", str(target)])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert target.read_text(encoding="utf-8") == "# my own work\n"
    assert not (tmp_path / "agen-schema.json").exists()


def test_new_keeps_an_existing_schema_file(
    app: typer.Typer, runner: CliRunner, tmp_path: Path
) -> None:
    schema = tmp_path / "agen-schema.json"
    schema.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["new", "abc", "--out", str(tmp_path / "abc.toml")])
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}"


def test_check_id_refuses_with_a_hint() -> None:
    with pytest.raises(NewScenarioError, match="lowercase"):
        check_id("Bad Id")


VALID_IDS = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?\Z")


@settings(max_examples=25, deadline=None)
@given(VALID_IDS)
def test_any_valid_id_yields_a_loading_scenario(scenario_id: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{scenario_id}.toml"
        path.write_text(scenario_text(scenario_id), encoding="utf-8")
        loaded = load_scenario(path)
    assert loaded.scenario.id == scenario_id
    assert loaded.warnings == ()
