"""One theme for every screen: palette, category colours, fonts scaled to the window.

Sizes are given for a 1280×720 window and scaled with the window, so a 1920×1080
projector gets proportionally larger type.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pygame

from game import paths

ASSETS = paths.ASSETS
FONT_DIR = ASSETS / "fonts"
THEME_JSON = ASSETS / "theme" / "pygame_gui.json"

MIN_SIZE = (1280, 720)
MAX_SIZE = (1920, 1080)

Color = tuple[int, int, int]

BG: Color = (13, 27, 46)
BG_TOP: Color = (20, 40, 66)
PANEL: Color = (24, 42, 68)
PANEL_HI: Color = (33, 56, 89)
LINE: Color = (52, 76, 110)
TEXT: Color = (241, 245, 249)
MUTED: Color = (160, 178, 202)
FAINT: Color = (108, 126, 152)
ACCENT: Color = (245, 184, 46)
ACCENT_DARK: Color = (40, 30, 8)
GOOD: Color = (52, 211, 153)
BAD: Color = (248, 113, 113)
INFO: Color = (96, 165, 250)
SHADE = (5, 12, 22, 190)

CATEGORY_COLORS: dict[str, Color] = {
    "flexible_work": (56, 189, 248),
    "output_targets": (250, 204, 21),
    "digital_services": (129, 140, 248),
    "partnerships": (52, 211, 153),
    "integrity": (248, 113, 113),
    "people": (244, 114, 182),
    "service_process": (251, 146, 60),
    "communication": (45, 212, 191),
}

BAND_COLORS: dict[str, Color] = {"A": GOOD, "B": (163, 230, 53), "C": ACCENT, "D": BAD}

_WEIGHTS = {400: "400", 600: "600", 700: "700", 800: "800"}


def scale_for(size: tuple[int, int]) -> float:
    """How much larger than 1280×720 the window is (never below 1)."""
    return max(1.0, min(size[0] / MIN_SIZE[0], size[1] / MIN_SIZE[1]))


@cache
def _font(px: int, weight: int) -> pygame.font.Font:
    path = FONT_DIR / f"plus-jakarta-sans-latin-{_WEIGHTS.get(weight, '400')}-normal.woff"
    if path.is_file():
        return pygame.font.Font(str(path), px)
    return pygame.font.Font(None, px)  # the shipped font is missing: pygame's default


def font(size: int, weight: int = 400, scale: float = 1.0) -> pygame.font.Font:
    """The shipped font at ``size`` (for 1280×720) times ``scale``."""
    return _font(max(8, round(size * scale)), weight)


def category_color(category: str) -> Color:
    """The colour of a policy category."""
    return CATEGORY_COLORS.get(category, INFO)


def mix(a: Color, b: Color, t: float) -> Color:
    """Blend two colours, ``t`` = 0 gives ``a``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def gui_theme() -> dict[str, Any]:
    """The pygame_gui theme (text entries) with the shipped font's absolute paths."""
    data: dict[str, Any] = json.loads(THEME_JSON.read_text(encoding="utf-8"))
    font = data["text_entry_line"]["font"]
    for key in ("regular_path", "bold_path"):
        font[key] = str(ASSETS.parent / font[key])
    return data
