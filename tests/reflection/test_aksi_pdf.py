"""The Aksi Perubahan draft opens in LibreOffice: converted to PDF in both languages, every page
A4, rendered to PNG (pdftoppm), and its text holds the player's numbers in their style.

Skipped, with the reason shown, when LibreOffice (Debian's libreoffice-writer, installed by
.ci/run) or poppler-utils is missing. Set AKSI_PAGES=DIR to keep the PNGs for a look.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from game.engine import Game
from game.engine.numbers import number, show
from game.results.aksi import write_aksi
from tests.reflection.aksi_games import AUTHOR, planned_game, wrong_predictions

TOOLS = ("soffice", "pdftoppm", "pdftotext", "pdfinfo")
MISSING = [t for t in TOOLS if shutil.which(t) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (libreoffice-writer, poppler-utils)"
)


def _pdf(docx: Path, home: Path) -> Path:
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        timeout=300,
        env={"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = docx.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    return pdf


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return {
        k.strip(): v.strip()
        for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
    }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_draft_converts_to_a4_pdf_and_renders(lang: str, tmp_path: Path) -> None:
    game: Game = planned_game()
    docx = write_aksi(game, AUTHOR, wrong_predictions(game), lang, tmp_path / f"aksi-{lang}")
    pdf = _pdf(docx, tmp_path)
    info = _info(pdf)
    pages = int(info["Pages"])
    assert pages >= 4
    assert info["Page size"].startswith("595.") and " x 841." in info["Page size"]  # A4 in points
    assert info["Title"].startswith("Peningkatan" if lang == "id" else "Raising")
    assert info["Author"] == AUTHOR.player
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ("RANCANGAN AKSI PERUBAHAN" if lang == "id" else "CHANGE ACTION PLAN") in text
    assert game.outcome is not None and number(game.outcome.score, 1, lang) in text
    ikm = show(game.scenario, "ikm", game.value_at(game.turns_played, "ikm"), lang)
    assert ikm in text
    keep = os.environ.get("AKSI_PAGES")
    out = Path(keep) if keep else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(pdf), str(out / f"aksi-{lang}")], check=True
    )
    pngs = sorted(out.glob(f"aksi-{lang}-*.png"))
    assert len(pngs) == pages
    for png in pngs:
        head = png.read_bytes()[:24]
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        assert abs(height / width - 297 / 210) < 0.01
