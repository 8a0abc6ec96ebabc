"""Numbers as players read them: 1.234,5 in Indonesian, 1,234.5 in English, with each
metric's own decimals. Shared by the window, the command line and the Word draft."""

from __future__ import annotations

from game.scenario.format_model import Scenario


def number(value: float, places: int, lang: str, sign: bool = False) -> str:
    """A number in the language's style; a proper minus sign."""
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
