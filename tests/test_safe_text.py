"""Participants' text made safe to draw, print and export, with nothing else changed."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from game.safe_text import screen_text, sheet_text, terminal_text

# any code point, lone surrogates included (hypothesis leaves them out by default)
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _kept(text: str, extra_dropped: frozenset[str] = frozenset()) -> str:
    """What a reader must still see: every character but controls (breaks become spaces)."""
    out = []
    for ch in text:
        if ch in BREAKS:
            out.append(" ")
        elif unicodedata.category(ch) == "Cc" or ch in extra_dropped:
            continue
        elif unicodedata.category(ch) == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


@settings(deadline=None)
@given(ANY_TEXT)
def test_screen_text_is_one_drawable_line_and_keeps_every_visible_character(text: str) -> None:
    shown = screen_text(text)
    assert "\x00" not in shown and "\n" not in shown and "\r" not in shown
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in shown)
    assert shown.split() == _kept(text).split()
    assert screen_text(shown) == shown


@settings(deadline=None)
@given(ANY_TEXT)
def test_screen_text_can_keep_its_line_breaks(text: str) -> None:
    shown = screen_text(text, keep_newlines=True)
    assert "\x00" not in shown
    assert shown.count("\n") == text.replace("\r\n", "\n").count("\n")


@settings(deadline=None)
@given(ANY_TEXT)
def test_terminal_text_cannot_steer_a_terminal(text: str) -> None:
    shown = terminal_text(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in shown)
    assert not BIDI & set(shown)
    assert shown.split() == _kept(text, BIDI).split()
    shown.encode("utf-8")


@settings(deadline=None)
@given(ANY_TEXT)
def test_sheet_text_holds_no_character_excel_refuses(text: str) -> None:
    shown = sheet_text(text)
    assert ILLEGAL_CHARACTERS_RE.search(shown) is None
    shown.encode("utf-8")
    # A lone surrogate becomes U+FFFD (shown, not dropped); control characters go.
    visible = [
        "\ufffd" if unicodedata.category(ch) == "Cs" else ch
        for ch in text
        if unicodedata.category(ch) != "Cc"
    ]
    assert [ch for ch in shown if unicodedata.category(ch) != "Cc"] == visible


def test_examples() -> None:
    assert screen_text("NUL\x00byte") == "NULbyte"
    assert screen_text("Ani\nBudi") == "Ani Budi"
    assert terminal_text("\x1b[31mmerah\x1b[0m") == "[31mmerah[0m"
    assert terminal_text("abc\u202edcba") == "abcdcba"
    assert sheet_text("Vert\x0bTab") == "VertTab"
    assert sheet_text("a\ud800b") == "a\ufffdb"
    assert screen_text("أحمد") == "أحمد"
