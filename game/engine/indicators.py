"""The indicators a finished game's debrief charts, shared by the window's debrief and the
browser's: which metrics the player sees, their labels, the ones charted first (those the
score reads), and each chart's honest range.
"""

from __future__ import annotations

import math

from game.engine.game import Game
from game.scenario.format_model import Derived, Metric, Scenario
from game.scenario.text import localize

CHARTS = 6
MIN_SPAN_SHARE = 0.2  # a chart spans at least this share of its metric's declared range


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


def chart_range(s: Scenario, name: str, values: list[float]) -> tuple[float, float]:
    """The values a metric's chart runs between: the values themselves, widened to at least a
    fifth of the metric's declared range (so 55 to 52 on a 0-100 scale reads as the small
    fall it is, not a crash) and kept inside that range. A derived value, which declares no
    range, spans at least a fifth of its largest size."""
    lo, hi = min(values), max(values)
    m = item(s, name)
    if isinstance(m, Metric):
        floor, ceiling = m.min, m.max
    else:
        floor, ceiling = -math.inf, math.inf
    size = ceiling - floor if math.isfinite(ceiling - floor) else max(abs(lo), abs(hi))
    span = max(hi - lo, MIN_SPAN_SHARE * size) or 1.0
    lo -= (span - (hi - lo)) / 2
    hi = lo + span
    if lo < floor:
        lo, hi = floor, min(ceiling, floor + span)
    elif hi > ceiling:
        lo, hi = max(floor, ceiling - span), ceiling
    return lo, hi
