"""A copied result (same decisions, another name) imports, and is flagged wherever the class's
results are shown: list, leaderboard, export and report; list and export say how each was made."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from game.results.record import Origin, write_result
from tests.results.helpers import FIXTURES, MakeRecord, run


@pytest.fixture()
def copied(tmp_path: Path, make_record: MakeRecord, db: str) -> str:
    folder = tmp_path / "kelas"
    original = make_record(21, "random", "K9", "Ani Asli").model_copy(
        update={"origin": Origin(tool="game")}
    )
    write_result(original, folder)
    write_result(original.model_copy(update={"player": "Budi Salin"}), folder)
    made = make_record(22, "greedy", "K9", "Citra Bot")
    write_result(made.model_copy(update={"origin": Origin(tool="simulate", bot="greedy")}), folder)
    write_result(make_record(23, "random", "K9", "Dodi Lama"), folder)  # no origin: an old file
    code, out, err = run("results", "import", str(folder), "--db", db, "--scenarios", str(FIXTURES))
    assert code == 0 and "imported: 4" in out, (out, err)
    return db


def _line(out: str, name: str) -> str:
    return next(line for line in out.splitlines() if name in line)


def test_list_shows_origin_and_flags_the_copy(copied: str) -> None:
    code, out, _ = run("results", "list", "--db", copied)
    assert code == 0
    assert "=1" in _line(out, "Ani Asli") and "=1" in _line(out, "Budi Salin")
    assert "=" not in _line(out, "Citra Bot").split("dukcapil-sukamaju")[1]
    assert "game" in _line(out, "Ani Asli") and "greedy" in _line(out, "Citra Bot")
    assert "?" in _line(out, "Dodi Lama")
    assert "identical decisions" in out


def test_leaderboard_flags_the_copy(copied: str) -> None:
    code, out, _ = run("results", "leaderboard", "--cohort", "K9", "--db", copied)
    assert code == 0
    assert "=1" in _line(out, "Ani Asli") and "=1" in _line(out, "Budi Salin")
    assert "=1" not in _line(out, "Dodi Lama") and "identical decisions" in out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_has_origin_and_same_path_columns(copied: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"kelas.{fmt}"
    code, _, err = run("results", "export", "--out", str(out), "--db", copied)
    assert code == 0, err
    if fmt == "csv":
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        sheet = load_workbook(out)["hasil_results"]
        values = list(sheet.iter_rows(values_only=True))
        rows = [dict(zip(values[0], ("" if v is None else str(v) for v in r))) for r in values[1:]]
    by_name = {r["player"]: r for r in rows}
    assert by_name["Ani Asli"]["same_path_group"] == by_name["Budi Salin"]["same_path_group"] == "1"
    assert by_name["Citra Bot"]["same_path_group"] == "" == by_name["Dodi Lama"]["same_path_group"]
    assert by_name["Ani Asli"]["origin"] == "game"
    assert by_name["Citra Bot"]["origin"] == "simulate:greedy"
    assert by_name["Dodi Lama"]["origin"] == ""


def test_report_names_the_identical_paths(copied: str, tmp_path: Path) -> None:
    code, _, err = run(
        "results", "report", "--cohort", "K9", "--out", str(tmp_path / "lap"),
        "--db", copied, "--scenarios", str(FIXTURES),
    )  # fmt: skip
    assert code == 0, err
    page = (tmp_path / "lap" / "index.html").read_text(encoding="utf-8")
    section = page.split("Jalur keputusan identik")[1]
    assert "Ani Asli" in section and "Budi Salin" in section and "Dodi Lama" not in section


def test_report_takes_a_class_code_that_matplotlib_would_read_as_maths(
    tmp_path: Path, make_record: MakeRecord, db: str
) -> None:
    cohort = "$\\frac{$ K\x1b[1m"
    folder = tmp_path / "kelas"
    for seed in (1, 2):
        write_result(make_record(seed, "random", cohort, f"P{seed}"), folder)
    assert run("results", "import", str(folder), "--db", db, "--scenarios", str(FIXTURES))[0] == 0
    code, _, err = run(
        "results", "report", "--cohort", cohort, "--out", str(tmp_path / "lap"),
        "--db", db, "--scenarios", str(FIXTURES),
    )  # fmt: skip
    assert code == 0, err


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_readable_by_others_and_never_overwrites_silently(
    copied: str, tmp_path: Path, fmt: str
) -> None:
    import os
    import stat

    out = tmp_path / f"ekspor.{fmt}"
    assert run("results", "export", "--out", str(out), "--db", copied)[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask  # like the report's files
    before = out.read_bytes()
    code, _, err = run("results", "export", "--out", str(out), "--db", copied)
    assert code == 1 and "--force" in err and len(err.strip().splitlines()) == 1
    assert out.read_bytes() == before
    assert run("results", "export", "--out", str(out), "--db", copied, "--force")[0] == 0
