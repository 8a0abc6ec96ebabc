"""The Aksi Perubahan draft: written from a verified result, read back with python-docx,
holding the player's real numbers in the player's language; converted to PDF when
LibreOffice is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from game.cli import app, register_commands
from game.engine import BOTS, Adopt, Game, play_bot
from game.engine.numbers import show
from game.engine.prediction import Prediction, due_turn, key_metrics
from game.results.aksi import terms
from game.results.record import record_from_game, write_result
from game.scenario import load_scenario
from tests.files import ROOT

DUKCAPIL = ROOT / "scenarios" / "dukcapil.toml"


@pytest.fixture(scope="module")
def result_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    loaded = load_scenario(DUKCAPIL)
    game = play_bot(Game(loaded.compiled, 7), BOTS["greedy"], 7)
    preds = []
    for d in game.decisions:
        if isinstance(d.action, Adopt):
            fresh = Game(loaded.compiled, 7)
            for m in key_metrics(fresh, d.action.policy):
                preds.append(Prediction(d.turn, d.action.policy, m, due_turn(fresh, d.turn), "up"))
    record = record_from_game(
        game,
        loaded,
        player="Siti Aminah",
        player_id="198701012010012001",
        cohort="PKA-II",
        language="id",
        predictions=tuple(preds),
    )
    return write_result(record, tmp_path_factory.mktemp("aksi") / "r.json")


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_terms_cover_every_quarter_once() -> None:
    for n in range(1, 13):
        spans = terms(n)
        covered = [t for _, a, b in spans for t in range(a, b + 1)]
        assert covered == list(range(1, n + 1))
    assert [k for k, _, _ in terms(8)] == [
        "reflect.aksi_short",
        "reflect.aksi_medium",
        "reflect.aksi_long",
    ]


def test_cli_writes_a_draft_with_the_real_numbers(result_file: Path, tmp_path: Path) -> None:
    register_commands()
    out = tmp_path / "draf"
    result = CliRunner().invoke(app, ["results", "aksi", str(result_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    path = tmp_path / "draf.docx"
    assert result.output.strip() == str(path)
    text = _text(path)
    assert "DRAF" in text and "Draf Aksi Perubahan" not in text  # says it is a draft, in Bahasa
    assert "Siti Aminah" in text and "198701012010012001" in text and "PKA-II" in text
    loaded = load_scenario(DUKCAPIL)
    game = play_bot(Game(loaded.compiled, 7), BOTS["greedy"], 7)
    ikm = game.history_of("ikm")
    assert show(loaded.scenario, "ikm", ikm[-1], "id") in text  # the player's real final IKM
    assert "Jangka pendek" in text and "Triwulan 8" in text
    assert "tebakan tepat" in text and "Anda menduga" in text  # wrong predictions listed
    assert "Berorientasi Pelayanan" in text
    assert "PermenPANRB 14/2017" in text  # sources behind the policies


def test_english_draft_on_request(result_file: Path, tmp_path: Path) -> None:
    register_commands()
    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(
        app, ["results", "aksi", str(result_file), "--out", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    text = _text(out)
    assert "This is a DRAFT" in text and "Short term" in text and "Quarter 1" in text


def test_a_tampered_result_writes_nothing(result_file: Path, tmp_path: Path) -> None:
    register_commands()
    bad = tmp_path / "bad.json"
    bad.write_text(
        result_file.read_text(encoding="utf-8").replace('"score": ', '"score": 1', 1),
        encoding="utf-8",
    )
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(app, ["results", "aksi", str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert "score does not match" in result.output and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_draft_converts_to_pdf(result_file: Path, tmp_path: Path) -> None:
    register_commands()
    docx = tmp_path / "d.docx"
    CliRunner().invoke(app, ["results", "aksi", str(result_file), "--out", str(docx)])
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        capture_output=True,
        timeout=240,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "d.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
