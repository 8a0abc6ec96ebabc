"""Numbers as players read them: 1.234,5 in Indonesian, 1,234.5 in English, with each
metric's own decimals. Shared by the window, the command line and the Word draft."""

from __future__ import annotations

import math

from game.errors import Codes, Message, words
from game.scenario.format_model import Scenario

# Beyond this a value is no number a player can read: an expression overflowed (a power
# saturates at 1e300) and the value is shown as "too large" (the limit of a number written
# in an expression too).
TOO_LARGE = 1e15


class NumberCode(Codes):
    """How a value that is no readable number is said."""

    TOO_LARGE = "number.too_large"
    TOO_LARGE_NEGATIVE = "number.too_large_negative"


def too_large(value: float) -> bool:
    """Whether ``value`` overflowed (not finite, or beyond :data:`TOO_LARGE`)."""
    return not math.isfinite(value) or abs(value) >= TOO_LARGE


def too_large_text(value: float, lang: str) -> str:
    """ "too large" (or "too large (negative)") in ``lang``."""
    code = NumberCode.TOO_LARGE_NEGATIVE if value < 0 else NumberCode.TOO_LARGE
    return words(Message.of(code), lang)


def number(value: float, places: int, lang: str, sign: bool = False) -> str:
    """A number in the language's style; a proper minus sign; "too large" for an overflow."""
    if too_large(value):
        return too_large_text(value, lang)
    text = f"{value:{'+' if sign else ''},.{places}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "−")


def decimals(s: Scenario, name: str) -> int:
    """Decimals to display (the metric's own, else 0 for metrics and 1 for derived values)."""
    item = s.metrics[name] if name in s.metrics else s.derived[name]
    d = item.decimals
    return d if d is not None else 1 if name in s.derived else 0


def show(s: Scenario, name: str, value: float, lang: str, sign: bool = False) -> str:
    """A metric's value formatted with its decimals."""
    return number(value, decimals(s, name), lang, sign)


def turn_ranges(turns: tuple[int, ...]) -> str:
    """'2–5, 7' from a sorted tuple of turns: runs of consecutive turns as ranges."""
    runs: list[list[int]] = []
    for t in turns:
        if runs and t == runs[-1][1] + 1:
            runs[-1][1] = t
        else:
            runs.append([t, t])
    return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in runs)
