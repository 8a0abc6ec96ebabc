"""The indicators a finished game's debrief charts, shared by the window's debrief and the
browser's: which metrics the player sees, their labels, the ones charted first (those the
score reads), and each chart's honest range.
"""

from __future__ import annotations

from game.engine.game import Game
from game.scenario.format_model import Derived, Metric, Scenario
from game.scenario.text import localize

CHARTS = 6
MIN_SPAN_SHARE = 0.2  # a chart spans at least this share of its metric's declared range
DERIVED_MIN_SPAN = 1.0  # derived values have no declared bounds: at least this much


def item(s: Scenario, name: str) -> Metric | Derived:
    """The metric or derived value called ``name``."""
    return s.metrics[name] if name in s.metrics else s.derived[name]


def visible(s: Scenario) -> list[str]:
    """Metrics and derived values the player sees, budget excluded (it has its own place)."""
    names = [k for k, m in s.metrics.items() if not m.hidden and k != s.budget]
    return names + [k for k, d in s.derived.items() if not d.hidden]


def label(s: Scenario, name: str, lang: str) -> str:
    """The label of a metric or derived value."""
    return localize(item(s, name).label, lang, s.default_language)


def charted_metrics(game: Game) -> list[str]:
    """The metrics to chart: those the score reads first, then the rest shown."""
    s = game.scenario
    shown = visible(s)
    formula = s.scoring.formula if isinstance(s.scoring.formula, str) else ""
    scored = [n for n in shown if n in formula]
    return [*scored, *[n for n in shown if n not in scored]][:CHARTS]


def chart_range(s: Scenario, name: str, series: list[float]) -> tuple[float, float]:
    """The span a chart of ``name`` shows: the values' own range, widened about its middle
    to at least a fifth of the metric's declared range (so 55→52 of 0..100 reads as the
    small dip it is, not a crash), kept inside the declared bounds."""
    lo, hi = min(series), max(series)
    m = item(s, name)
    if isinstance(m, Metric):
        floor, ceiling = m.min, m.max
        need = MIN_SPAN_SHARE * (ceiling - floor)
    else:
        floor, ceiling = float("-inf"), float("inf")
        need = max(DERIVED_MIN_SPAN, MIN_SPAN_SHARE * max(abs(lo), abs(hi)))
    if hi - lo >= need:
        return lo, hi
    mid = (lo + hi) / 2
    lo, hi = mid - need / 2, mid + need / 2
    if lo < floor:
        lo, hi = floor, floor + need
    if hi > ceiling:
        lo, hi = max(floor, ceiling - need), ceiling
    return lo, hi
