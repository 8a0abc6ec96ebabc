"""The text layer: how a line is measured, rendered, wrapped and, where it must be, cut, and
the record of every cut and every size drawn (read by ``agen shots`` and the tests).

Glyphs are drawn at three times their size and scaled down: pygame rounds each glyph's
advance to a whole pixel, which at 14-18 px left gaps inside words ("Peser ta", "Berkas
ter tunda") and swallowed the font's narrow space ("Kepercayaanwarga"). Measured at three
times the size, every advance keeps a third of a pixel; the word space is the font's thin
space (a fifth of an em, the narrow space is a sixth). Characters the shipped font lacks
(≥, ≤, ≠) are drawn from pygame's own font in the same line instead of being spelt out as
">="; the few neither font has (→, ←) are written with ones they have ("->").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pygame

from game.safe_text import screen_text
from game.ui import theme
from game.ui.theme import Color

SUPER = 3  # glyphs are drawn this many times larger, then scaled down
SPACE = "\u2009"  # the thin space: the word space the font's narrow one is drawn as
# Characters neither font has, written with ones they have.
FALLBACK = {"→": "->", "←": "<-", "⩾": "≥", "⩽": "≤"}
ELLIPSIS = "…"


def printable(text: str) -> str:
    """The text as one line pygame can draw (no NUL or other control character: a
    participant's name may hold anything)."""
    if text.isascii() and text.isprintable():
        return text
    return _printable(text)


@lru_cache(maxsize=8192)
def _printable(text: str) -> str:
    return screen_text("".join(_fallback(ch) for ch in text))


def _fallback(ch: str) -> str:
    if ch.isascii() or ch not in FALLBACK or _has_glyph(100, 400, ch):
        return ch
    return FALLBACK[ch]


@cache
def _default_font(px: int) -> pygame.font.Font:
    return pygame.font.Font(None, round(px * 1.3))  # pygame's font is small for its size


@cache
def _has_glyph(px: int, weight: int, ch: str) -> bool:
    """Whether the shipped font draws ``ch`` (its missing-glyph box has fixed metrics)."""
    f = theme.font(px, weight)
    box = f.metrics("\ue000")[0]  # a private-use character: never in the font
    got = f.metrics(ch)[0]
    return got is not None and got != box


def _runs(text: str, weight: int) -> list[tuple[str, bool]]:
    """The text cut into runs the shipped font draws (True) and runs it lacks (False)."""
    runs: list[tuple[str, bool]] = []
    for ch in text:
        own = ch.isascii() or _has_glyph(100, weight, ch)
        if runs and runs[-1][1] == own:
            runs[-1] = (runs[-1][0] + ch, own)
        else:
            runs.append((ch, own))
    return runs


@dataclass(frozen=True)
class Face:
    """The shipped font at one pixel size and weight, measured and drawn supersampled."""

    px: int
    weight: int

    @property
    def big(self) -> pygame.font.Font:
        """The font at ``SUPER`` times the size (what is measured and drawn)."""
        return theme.font(self.px * SUPER, self.weight)

    def get_linesize(self) -> int:
        """Height of one line."""
        return _heights(self.px, self.weight)[0]

    def get_height(self) -> int:
        """Height of the glyphs."""
        return _heights(self.px, self.weight)[1]

    def size(self, text: str) -> tuple[int, int]:
        """Width and height of ``text`` drawn on one line."""
        return _measure(printable(text), self.px, self.weight), self.get_height()

    def render(self, text: str, color: Color) -> pygame.Surface:
        """The line drawn in ``color`` on a transparent surface."""
        return _render(printable(text), self.px, self.weight, color)


@cache
def _heights(px: int, weight: int) -> tuple[int, int]:
    f = theme.font(px, weight)
    return f.get_linesize(), f.get_height()


@cache
def face(size: int, weight: int = 400, scale: float = 1.0) -> Face:
    """The font at ``size`` (given for 1280×720) times ``scale``."""
    return Face(max(8, round(size * scale)), weight)


def _big_width(text: str, px: int, weight: int) -> int:
    big = theme.font(px * SUPER, weight)
    total = 0
    for run, own in _runs(text.replace(" ", SPACE), weight):
        f = big if own else _default_font(px * SUPER)
        total += f.size(run)[0]
    return total


@lru_cache(maxsize=8192)
def _measure(text: str, px: int, weight: int) -> int:
    return math.ceil(_big_width(text, px, weight) / SUPER)


@lru_cache(maxsize=4096)
def _render(text: str, px: int, weight: int, color: Color) -> pygame.Surface:
    big = theme.font(px * SUPER, weight)
    height = big.get_height()
    pieces: list[pygame.Surface] = []
    for run, own in _runs(text.replace(" ", SPACE), weight):
        f = big if own else _default_font(px * SUPER)
        try:
            piece = f.render(run, True, color)
        except pygame.error:  # only zero-width characters (e.g. U+200B): nothing to draw
            piece = pygame.Surface((1, height), pygame.SRCALPHA)
        pieces.append(piece)
    wide = pygame.Surface((max(1, sum(p.get_width() for p in pieces)), height), pygame.SRCALPHA)
    wide.fill((*color, 0))
    x = 0
    for piece in pieces:
        wide.blit(piece, (x, (height - piece.get_height()) // 2))
        x += piece.get_width()
    out = (math.ceil(wide.get_width() / SUPER), theme.font(px, weight).get_height())
    return pygame.transform.smoothscale(wide, out)


def fit(text: str, f: Face, width: int) -> str:
    """The text, shortened with an ellipsis if it is wider than ``width``."""
    if f.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(text[:mid].rstrip() + ELLIPSIS)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


@lru_cache(maxsize=2048)
def _wrap(text: str, f: Face, width: int) -> tuple[str, ...]:
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            trial = f"{line} {word}"
            if f.size(trial)[0] <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return tuple(lines)


def wrap(text: str, f: Face, width: int) -> list[str]:
    """Split text into lines no wider than ``width`` (a too-long word keeps its own line)."""
    return list(_wrap(text.strip(), f, max(1, width)))


@dataclass
class Record:
    """What the text layer drew while it was asked to keep count: every text cut short
    (with an ellipsis, or lines dropped) and the pixel size of every text drawn.

    ``where`` names the picture being drawn (``agen shots`` sets it to the file name)."""

    on: bool = False
    where: str = ""
    cuts: list[dict[str, object]] = field(default_factory=list)
    sizes: list[dict[str, object]] = field(default_factory=list)

    def cut(self, text: str, px: int, box: pygame.Rect, shown: str) -> None:
        """A text did not fit ``box`` and was shown as ``shown``."""
        if self.on:
            entry = {"where": self.where, "text": text, "shown": shown, "px": px}
            self.cuts.append({**entry, "box": [box.x, box.y, box.width, box.height]})

    def drawn(self, text: str, px: int) -> None:
        """A text was drawn at ``px`` pixels."""
        if self.on and text.strip():
            self.sizes.append({"where": self.where, "text": text, "px": px})

    def start(self, where: str) -> None:
        """Count from here on, under the name ``where``."""
        self.on = True
        self.where = where

    def clear(self) -> None:
        """Forget everything and stop counting."""
        self.on = False
        self.where = ""
        self.cuts.clear()
        self.sizes.clear()


RECORD = Record()
