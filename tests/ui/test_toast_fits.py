"""The "result saved" message fits its box, whatever the path, and covers no button."""

from __future__ import annotations

from pathlib import Path

from game.ui import text_layer, widgets
from game.ui.app import App, break_long_words
from tests.ui.driving import SIZE, make_options

LONG = (
    "/media/guru/DRIVE-KELAS-BERSAMA/Pelatihan-Kepemimpinan-Administrator/angkatan-II-2026/"
    "hasil/PKA-II-2026_Septiani-Esa-Putri-Rahmawati_dukcapil_20261206T101010Z.json"
)


def test_a_long_path_is_broken_inside_the_box_above_the_buttons(tmp_path: Path) -> None:
    app = App(make_options(tmp_path), headless_size=SIZE)
    app.toast(app.t("result.saved", path=LONG), good=True)
    surface = app.render()
    ink = widgets.Ink(surface)
    font = ink.font(20, 600)
    boxes = app.toast_boxes(surface)
    assert len(boxes) == 1
    _toast, text, rect = boxes[0]
    assert surface.get_rect().contains(rect)
    inner = rect.inflate(-ink.px(40), -ink.px(24))
    lines = text_layer.wrap(text, font, inner.width)
    assert "".join(lines).replace(" ", "") == app.t("result.saved", path=LONG).replace(" ", "")
    assert all(font.size(line)[0] <= inner.width for line in lines)
    assert len(lines) * font.get_linesize() <= inner.height
    assert not [b.key for b in app.screen.buttons() if b.rect.colliderect(rect)]


def test_breaks_prefer_path_separators() -> None:
    text = break_long_words("saved: /aaaa/bbbb/cccc", lambda part: len(part) <= 11)
    assert text.split("\n") == ["saved: /aaaa/bbbb/", "cccc"]  # the wrapper breaks at spaces
    assert break_long_words("short words stay", lambda part: len(part) <= 6) == "short words stay"
