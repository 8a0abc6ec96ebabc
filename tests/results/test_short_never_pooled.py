"""Short and full games are never ranked or compared together in ``agen results``:
``leaderboard`` gives each its own table, ``report`` refuses to pool them (``--quarters``
chooses) and ``export`` says which game each row is (``compare``: test_reflection_record)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from game import cli
from game.engine import BOTS, Game, play_bot
from game.results.record import record_from_game, write_result
from game.scenario import load_scenario
from game.scenario.forms import played_as
from tests.results.helpers import SCENARIO

cli.register_commands()
runner = CliRunner()
SHORT_PLAYERS = ["Sari", "Tono"]
FULL_PLAYERS = ["Ani", "Budi", "Citra"]


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli.app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


@pytest.fixture()
def mixed(tmp_path: Path) -> tuple[Path, Path, str]:
    """One class that played the scenario both ways, imported into a fresh store."""
    return class_of_both(tmp_path)


def class_of_both(tmp_path: Path) -> tuple[Path, Path, str]:
    """Five result files of class K, three full games and two short ones, imported."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    path = folder / "s.toml"
    path.write_text(SCENARIO.read_text(encoding="utf-8") + "\n[short_form]\nturns = 3\n")
    loaded = load_scenario(path)
    results = tmp_path / "results"
    for i, name in enumerate(FULL_PLAYERS + SHORT_PLAYERS):
        form = played_as(loaded, 3 if name in SHORT_PLAYERS else None)
        game = play_bot(Game(form.compiled, 5), BOTS["random"], i)
        record = record_from_game(
            game, loaded, player=name, player_id=None, cohort="K", language="id"
        )
        write_result(record, results)
    db = str(tmp_path / "db.sqlite")
    code, out = run("results", "import", str(results), "--db", db, "--scenarios", str(folder))
    assert code == 0 and "imported: 5" in out, out
    return folder, tmp_path, db


def _tables(out: str) -> dict[str, str]:
    """Each leaderboard table's text, by length: "full" or "short" (from its title)."""
    tables: dict[str, str] = {}
    current = None
    for line in out.splitlines():
        if "Leaderboard" in line and "— K —" in line:
            current = "short" if "short" in line else "full"
            tables[current] = ""
        elif current is not None:
            tables[current] += line + "\n"
    return tables


def test_the_leaderboard_ranks_each_length_in_its_own_table(mixed: tuple[Path, Path, str]) -> None:
    _, _, db = mixed
    code, out = run("results", "leaderboard", "--cohort", "K", "--db", db)
    assert code == 0, out
    assert "ranked separately" in out
    tables = _tables(out)
    assert sorted(tables) == ["full", "short"]
    full, short = tables["full"], tables["short"]
    assert all(p in full for p in FULL_PLAYERS) and not any(p in full for p in SHORT_PLAYERS)
    assert all(p in short for p in SHORT_PLAYERS) and not any(p in short for p in FULL_PLAYERS)


def test_the_report_never_pools_the_two_lengths(mixed: tuple[Path, Path, str]) -> None:
    folder, tmp, db = mixed
    base = ["results", "report", "--cohort", "K", "--db", db, "--scenarios", str(folder)]
    code, out = run(*base, "--out", str(tmp / "pooled"))
    assert code == 1 and "never pooled" in out and "--quarters" in out
    assert not (tmp / "pooled" / "index.html").exists()
    for quarters, players in (("3", SHORT_PLAYERS), ("0", FULL_PLAYERS)):
        code, out = run(*base, "--quarters", quarters, "--out", str(tmp / quarters))
        assert code == 0, out
        assert (tmp / quarters / "index.html").is_file()
        page = (tmp / quarters / "index.html").read_text(encoding="utf-8")
        assert f"<th>Pemain / Players</th><td>{len(players)}</td>" in page
        assert all(f"<td>{p}</td>" in page for p in players)


def test_export_says_which_length_each_game_was(mixed: tuple[Path, Path, str]) -> None:
    _, tmp, db = mixed
    code, out = run("results", "export", "--db", db, "--cohort", "K", "--out", str(tmp / "k.csv"))
    assert code == 0, out
    with (tmp / "k.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    lengths = {r["player"]: r["quarters"] for r in rows}
    assert lengths == {**{p: "" for p in FULL_PLAYERS}, **{p: "3" for p in SHORT_PLAYERS}}
