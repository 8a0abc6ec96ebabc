"""What a turn is called, in the reader's language: light (no engine, no scenario models), so
the class banner can say it without loading them before the title screen's first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import tr
from game.scenario.text import localize

if TYPE_CHECKING:
    from game.scenario.format_model import Scenario


def turn_label(s: Scenario, lang: str) -> str:
    """What a turn is called ("Triwulan", "Quarter"); the catalog's "Giliran"/"Turn" when
    the scenario does not say."""
    text = localize(s.turn_label, lang, s.default_language) if s.turn_label is not None else ""
    return text or tr("turn.label", lang)
