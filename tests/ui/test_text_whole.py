"""No text is ever cut, none a player needs is under 16 px, and the glyphs sit right: through
the text layer's own record of what it drew (``agen shots``' clipped.json and small.json),
and through the pixels it draws."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.i18n import tr
from game.ui import text_layer, theme
from game.ui.app import App
from game.ui.shots import BUTTONS, CLIPPED, SMALL, render_by_screen, render_shots
from game.ui.text_layer import RECORD, face, printable
from game.ui.widgets import Ink


@pytest.fixture(autouse=True)
def _fresh_record() -> Iterator[None]:
    RECORD.clear()
    yield
    RECORD.clear()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_shots_cut_no_text_in_either_language(tmp_path: Path, size: tuple[int, int]) -> None:
    files = render_shots(tmp_path, size=size)
    assert files
    cuts = json.loads((tmp_path / CLIPPED).read_text(encoding="utf-8"))
    assert cuts == [], "\n".join(f"{c['lang']}-{c['screen']}: {c['shown']}" for c in cuts)
    small = json.loads((tmp_path / SMALL).read_text(encoding="utf-8"))
    assert small == [], "\n".join(
        f"{s['lang']}-{s['screen']} {s['px']} px: {s['text']}" for s in small
    )


def test_the_record_names_each_cut_with_its_box(app: App) -> None:
    ink = Ink(app.surface)
    RECORD.start("id-test")
    ink.text("Triwulan berturut-turut di atas 15 hari", (0, 0), 16, max_width=120)
    ink.text("Risiko kebijakan yang masih berjalan", (0, 40), 16, max_width=120, tip=True)
    ink.wrapped("satu dua tiga empat lima enam tujuh", pygame.Rect(0, 80, 60, 20), 16)
    ink.text("Jejaring mitra", (0, 120), 16, max_width=400)
    assert [c["text"] for c in RECORD.cuts] == [
        "Triwulan berturut-turut di atas 15 hari",
        "satu dua tiga empat lima enam tujuh",
    ]
    first = RECORD.cuts[0]
    box = first["box"]
    assert first["where"] == "id-test" and isinstance(box, list) and box[:3] == [0, 0, 120]
    assert str(first["shown"]).endswith("…")
    assert {s["px"] for s in RECORD.sizes} == {16}


def test_nothing_is_recorded_unless_asked(app: App) -> None:
    Ink(app.surface).text("Triwulan berturut-turut di atas 15 hari", (0, 0), 13, max_width=50)
    assert RECORD.cuts == [] and RECORD.sizes == []


SENTENCE = "Berkas tertunda Kepercayaan warga Peserta Skor kepatuhan Ombudsman"


@pytest.mark.parametrize("weight", [400, 600, 700])
@pytest.mark.parametrize("px", [15, 16, 18])
def test_glyphs_sit_where_the_font_puts_them(px: int, weight: int) -> None:
    """ "Berkas ter tunda", "Peser ta", "Kepercayaanwarga": pygame rounds every glyph's
    advance to a whole pixel, so a line drifted by up to 5 % from the font's design, opening
    gaps inside words and closing the narrow spaces between them. The text layer's lines
    keep to the design (measured at ten times the size) within 2 %, and a word space is at
    least a fifth of the size."""
    f = face(px, weight)
    design = theme.font(px * 10, weight).size(SENTENCE.replace(" ", text_layer.SPACE))[0] / 10
    assert abs(f.size(SENTENCE)[0] - design) <= 0.02 * design
    assert f.size("n w")[0] - f.size("nw")[0] >= 0.2 * px - 0.5
    drawn = f.render(SENTENCE, (255, 255, 255))
    assert abs(drawn.get_width() - f.size(SENTENCE)[0]) <= 1


def test_comparison_signs_are_drawn_not_spelt() -> None:
    """Goals say "≥ 78", not ">= 78": the shipped font lacks ≥, pygame's own font draws it."""
    assert printable("skor ≥ 78, selisih ≤ 3") == "skor ≥ 78, selisih ≤ 3"
    f = face(16, 600)
    assert f.size("≥")[0] < f.size(">=")[0]
    assert not text_layer._has_glyph(100, 600, "≥")


def test_wrapped_text_keeps_every_word(app: App) -> None:
    ink = Ink(app.surface)
    text = "Zona hijau Ombudsman (≥ 78, metode 2022–2024; versi pendek: skor naik ≥ 6 poin, ≥ 62)"
    lines = text_layer.wrap(text, ink.font(16, 600), 300)
    assert " ".join(lines) == text
    assert all(ink.width(line, 16, 600) <= 300 for line in lines)


def test_every_button_lies_inside_the_smallest_window(tmp_path: Path) -> None:
    """Issue 18 point 6: at 1280×720 every button of every screen ``agen shots`` shows is
    inside the window (buttons are laid out from the room they have)."""
    render_by_screen(tmp_path, size=(1280, 720))
    assert len(BUTTONS) >= 60
    window = pygame.Rect(0, 0, 1280, 720)
    outside = [
        f"{where}: {key} at {rect}"
        for where, buttons in BUTTONS.items()
        for key, rect in buttons
        if not window.contains(rect)
    ]
    assert outside == []
    # the class banner stands where the key hints were: they give way, never lie under it
    for lang in ("id", "en"):
        hints = tr("turn.keys", lang)
        drawn = {(str(e["where"]), str(e["text"])) for e in RECORD.sizes}
        assert (f"{lang}-09-turn-mid-cards", hints) in drawn
        assert (f"{lang}-08c-class-offline", hints) not in drawn
