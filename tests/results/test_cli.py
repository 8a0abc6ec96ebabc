"""``agen results ...`` end to end through the real command line app."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from game.results.export import DECISION_COLUMNS, PLAYER_COLUMNS
from game.results.record import read_result
from tests.results.helpers import FIXTURES, PER_COHORT, SCENARIO, run


@pytest.fixture()
def filled(classes: dict[str, list[Path]], db: str) -> str:
    code, out, _ = run(
        "results",
        "import",
        *(str(files[0].parent) for files in classes.values()),
        "--db",
        db,
        "--scenarios",
        str(FIXTURES),
    )
    assert code == 0 and f"imported: {3 * PER_COHORT}" in out
    return db


def test_simulate_writes_a_result_that_imports(tmp_path: Path, db: str) -> None:
    out = tmp_path / "res"
    code, _, err = run(
        "simulate",
        str(SCENARIO),
        "--bot",
        "random",
        "--seed",
        "5",
        "--player",
        "Ani",
        "--cohort",
        "PKA-7",
        "--result-out",
        str(out),
    )
    assert code == 0, err
    (file,) = out.iterdir()
    assert read_result(file).player == "Ani"
    code, stdout, _ = run("results", "import", str(out), "--db", db, "--scenarios", str(FIXTURES))
    assert code == 0 and "imported: 1" in stdout


def test_refused_files_one_line_each_and_exit_1(
    filled: str, tmp_path: Path, classes: dict[str, list[Path]]
) -> None:
    data = json.loads(classes["A"][0].read_text())
    data["score"] += 1
    (tmp_path / "edited.json").write_text(json.dumps(data))
    (tmp_path / "junk.json").write_text("nope")
    code, out, err = run(
        "results", "import", str(tmp_path), "--db", filled, "--scenarios", str(FIXTURES)
    )
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all("refused" in ln for ln in lines)
    assert "score does not match" in err and "not valid JSON" in err
    assert "imported: 0" in out and "Traceback" not in out + err


def test_leaderboard_list_and_compare(filled: str, classes: dict[str, list[Path]]) -> None:
    best = max((read_result(f) for f in classes["B"]), key=lambda r: r.score)
    code, out, _ = run("results", "leaderboard", "--cohort", "B", "--db", filled)
    assert code == 0 and "Peringkat / Rank" in out and best.player in out.split("\n", 5)[4]
    code, out, _ = run("results", "list", "--cohort", "C", "--db", filled)
    assert code == 0 and f"({PER_COHORT})" in out
    code, out, _ = run(
        "results",
        "compare",
        "--cohort",
        "A",
        "--cohort",
        "B",
        "--cohort",
        "C",
        "--db",
        filled,
        "--scenarios",
        str(FIXTURES),
    )
    assert code == 0 and "Welch" not in out.split("Selisih")[0]
    for word in (
        "Rata-rata / Mean",
        "Median",
        "SB / SD",
        "RAK / IQR",
        "IK 95%",
        "Hedges",
        "Kepercayaan",
    ):
        assert word in out


def test_compare_needs_common_results(filled: str) -> None:
    code, _, err = run("results", "compare", "--cohort", "A", "--cohort", "ZZ", "--db", filled)
    assert code == 1 and "ZZ" in err and len(err.strip().splitlines()) == 1


def test_export_csv_has_named_columns(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "kelas.csv"
    code, _, err = run(
        "results", "export", "--format", "csv", "--out", str(out), "--cohort", "A", "--db", filled
    )
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == PER_COHORT
    assert list(rows[0])[: len(PLAYER_COLUMNS)] == list(PLAYER_COLUMNS)
    assert "final_public_trust" in rows[0] and all(r["cohort"] == "A" for r in rows)
    with (tmp_path / "kelas_decisions.csv").open(encoding="utf-8-sig", newline="") as handle:
        decisions = list(csv.DictReader(handle))
    assert list(decisions[0]) == list(DECISION_COLUMNS)
    total = sum(
        len(json.loads(json.dumps(read_result_by_key(filled, r["result_key"])))) for r in rows
    )
    assert len(decisions) == total


def read_result_by_key(db: str, key: str) -> list[dict[str, object]]:
    from game.results.store import open_store

    return next(list(s.record.decisions) for s in open_store(db).results() if s.key == key)


def test_export_xlsx_has_three_sheets(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "kelas.xlsx"
    code, _, _ = run("results", "export", "--out", str(out), "--db", filled)
    assert code == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["hasil_results", "keputusan_decisions", "tebakan_predictions"]
    header = next(book["hasil_results"].iter_rows(values_only=True))
    assert list(header[: len(PLAYER_COLUMNS)]) == list(PLAYER_COLUMNS)
    assert book["hasil_results"].max_row == 3 * PER_COHORT + 1


def test_report_writes_charts_and_page(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    code, _, err = run(
        "results",
        "report",
        "--cohort",
        "B",
        "--out",
        str(out),
        "--db",
        filled,
        "--scenarios",
        str(FIXTURES),
    )
    assert code == 0, err
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == [
        "berakhlak.png",
        "metric_paths.png",
        "path_groups.png",
        "policy_choices.png",
        "score_distribution.png",
    ]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert all(name in page for name in pngs) and "Laporan kelas / Class report" in page
    assert all((out / p).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_report_shows_its_progress_and_says_only_the_page_on_stdout(
    filled: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGEN_PROGRESS", "1")  # as on a terminal
    out = tmp_path / "laporan"
    code, stdout, err = run(
        "results", "report", "--cohort", "B", "--out", str(out), "--db", filled,
        "--scenarios", str(FIXTURES),
    )  # fmt: skip
    assert code == 0, err
    assert stdout.strip() == str(out / "index.html")
    assert (
        "memutar ulang hasil / replaying the results" in err and f"{PER_COHORT}/{PER_COHORT}" in err
    )
    assert "menggambar grafik / drawing the charts" in err and "5/5" in err


@pytest.mark.parametrize(
    "args",
    [
        ("results", "import", "/no/such/dir", "--db", "{db}", "--scenarios", str(FIXTURES)),
        ("results", "import", str(FIXTURES), "--scenarios", "/no/such/scenarios", "--db", "{db}"),
        ("results", "list", "--db", "/no/such/folder/x.sqlite"),
        ("results", "leaderboard", "--cohort", "A", "--db", "mysql://x@y/z"),
        ("results", "export", "--out", "/no/such/folder/x.csv", "--db", "{db}"),
        ("results", "export", "--out", "{tmp}/x.pdf", "--db", "{db}"),
        (
            "results",
            "report",
            "--cohort",
            "NONE",
            "--out",
            "{tmp}/r",
            "--db",
            "{db}",
            "--scenarios",
            str(FIXTURES),
        ),
    ],
)
def test_errors_are_one_line_exit_1(args: tuple[str, ...], db: str, tmp_path: Path) -> None:
    code, out, err = run(*(a.format(db=db, tmp=tmp_path) for a in args))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err + out


def test_a_format_added_to_the_table_is_a_format(
    filled: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One entry in WRITERS: the export writes it, the overwrite guard checks the files it
    names (no case of its own) and the help names it."""
    from game.results import export as export_module

    def write_tsv(tables: list[export_module.Table], out: Path) -> list[Path]:
        for target, (header, rows) in zip(tsv_files(out), tables):
            target.write_text("\n".join("\t".join(map(str, r)) for r in [header, *rows]))
        return tsv_files(out)

    def tsv_files(out: Path) -> list[Path]:
        return [out, out.with_name(f"{out.stem}_more.tsv")]

    tsv = export_module.Format(write_tsv, tsv_files, lambda: "2 tab-separated files")
    monkeypatch.setitem(export_module.WRITERS, "tsv", tsv)
    out = tmp_path / "kelas.tsv"
    code, _, err = run("results", "export", "--out", str(out), "--cohort", "A", "--db", filled)
    assert code == 0, err
    assert len(out.read_text().splitlines()) == PER_COHORT + 1
    out.unlink()  # only the second file is left: the guard still refuses to overwrite it
    code, _, err = run("results", "export", "--out", str(out), "--cohort", "A", "--db", filled)
    assert code == 1 and "kelas_more.tsv" in err and not out.exists()
    assert "tsv: 2 tab-separated files" in export_module.formats_help()
    code, _, err = run("results", "export", "--out", str(tmp_path / "x.ods"), "--db", filled)
    assert code != 0 and "tsv" in err and "csv" in err


def test_export_help_is_the_table_of_formats() -> None:
    from game.results.export import SHEETS, WRITERS

    code, out, _ = run("results", "export", "--help")
    flat = " ".join(out.split())
    assert code == 0 and f"{len(SHEETS)} sheets" in flat
    assert all(f"{name}:" in flat for name in WRITERS)
