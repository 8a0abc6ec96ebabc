"""``--scenario`` naming a scenario the class did not play: the line says so and lists what
the class played, instead of "no results for cohort" (#11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from game import cli
from tests.results.helpers import FIXTURES

cli.register_commands()
runner = CliRunner()


@pytest.fixture()
def stored(classes: dict[str, list[Path]], db: str) -> str:
    folders = [str(files[0].parent) for files in classes.values()]
    done = runner.invoke(
        cli.app, ["results", "import", *folders, "--db", db, "--scenarios", str(FIXTURES)]
    )
    assert done.exit_code == 0, done.stderr
    return db


@pytest.mark.parametrize(
    ("args", "command", "who"),
    [
        (["compare", "--cohort", "A", "--cohort", "B"], "compare", "A, B"),
        (["leaderboard", "--cohort", "A"], "leaderboard", "A"),
        (["report", "--cohort", "B", "--out", "{tmp}/r"], "report", "B"),
    ],
)
def test_a_scenario_not_played_is_named(
    stored: str, tmp_path: Path, args: list[str], command: str, who: str
) -> None:
    argv = ["results", *(a.replace("{tmp}", str(tmp_path)) for a in args)]
    extra = ["--scenarios", str(FIXTURES)] if command != "leaderboard" else []
    done = runner.invoke(cli.app, [*argv, "--scenario", "nope", "--db", stored, *extra])
    assert done.exit_code == 1
    assert done.stdout == ""
    assert done.stderr == (
        f"agen results {command}: --scenario nope: tidak dimainkan oleh kelas {who} / "
        f"not played by class {who}; dimainkan / played: contoh-uji@1.0.0\n"
    )
    assert not (tmp_path / "r").exists()


def test_a_class_without_results_is_still_named(stored: str) -> None:
    done = runner.invoke(cli.app, ["results", "leaderboard", "--cohort", "ZZ", "--db", stored])
    assert (done.exit_code, done.stderr) == (
        1,
        "agen results leaderboard: tidak ada hasil untuk kelas ZZ / no results for cohort ZZ\n",
    )
