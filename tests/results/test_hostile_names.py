"""Any name, NIP or class code a participant can type goes through the store, the terminal
tables and the exports: no traceback, no escape sequence reaches the terminal, nothing lost."""

from __future__ import annotations

import csv
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from game import cli
from game.engine import BOTS, Game, play_bot
from game.results.record import record_from_game
from game.results.store import open_store
from game.safe_text import sheet_text, terminal_text
from game.scenario import load_scenario
from tests.results.helpers import SCENARIO

cli.register_commands()
runner = CliRunner()
LOADED = load_scenario(SCENARIO)
GAMES = [play_bot(Game(LOADED.compiled, s), BOTS["random"], s) for s in (1, 2, 3)]
NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=200).filter(str.strip)
CODES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=100).filter(str.strip)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _visible(text: str) -> list[str]:
    return [ch for ch in terminal_text(text) if not ch.isspace()]


def _no_controls(out: str) -> None:
    bad = [ch for ch in out if unicodedata.category(ch) == "Cc" and ch != "\n"]
    assert not bad, bad


def _as_written(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA else text


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(names=st.lists(NAMES, min_size=1, max_size=3, unique_by=str.strip), cohort=CODES)
@example(names=["NUL\x00byte", "Vert\x0bTab", "baris\nbaru"], cohort="PKA")
@example(names=["\x1b[31mmerah\x1b[0m", "[bold]tebal[/bold]", "[/x]"], cohort="\x1b]0;judul\x07")
@example(names=["=1+1", ":thumbs_up:", "\u202eabc"], cohort="أحمد")
@example(names=["x" * 200, "\u200b", "😀🇮🇩 名前"], cohort="K" * 100)
def test_list_leaderboard_and_exports_take_any_name(names: list[str], cohort: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "r.sqlite")
        store = open_store(db)
        records = [
            record_from_game(g, LOADED, player=n, player_id=n[:100], cohort=cohort, language="id")
            for g, n in zip(GAMES, names)
        ]
        assert all(store.insert_records(records))
        stored = sorted(i.record.player for i in store.results())
        store.close()
        assert stored == sorted(n.strip() for n in names)  # the store keeps the name as given

        code, out, err = run("results", "list", "--db", db)
        assert code == 0, err
        _no_controls(out)
        shown = out.replace("\n", "")
        for name in names:
            for ch in _visible(name):
                assert ch in shown

        code, out, err = run("results", "leaderboard", "--cohort", cohort.strip(), "--db", db)
        assert code == 0, err
        _no_controls(out)

        base = Path(tmp) / "kelas"
        code, out, err = run("results", "export", "--out", f"{base}.csv", "--db", db)
        assert code == 0, err
        with open(f"{base}.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert sorted(_as_written(r["player"]) for r in rows) == stored

        code, out, err = run("results", "export", "--out", f"{base}.xlsx", "--db", db)
        assert code == 0, err
        sheet = load_workbook(f"{base}.xlsx")["hasil_results"]
        header = [c.value for c in sheet[1]]
        column = header.index("player")
        players = [_as_written(row[column]) for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert sorted(players) == sorted(sheet_text(p) for p in stored)
