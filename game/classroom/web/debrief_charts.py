"""The browser debrief's charts: each key indicator over the quarters as an inline SVG line,
drawn by the server on an honest scale (``game.engine.values.chart_range``).

The SVG holds only shapes; every word and number of a chart is HTML beside it (so it
wraps, keeps its size on a phone, and a screen reader reads it once, from the caption).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.game import Game
from game.engine.indicators import chart_range, charted_metrics, item, label
from game.engine.numbers import show
from game.i18n import tr

WIDTH = 300.0  # the SVG's own units; it is drawn at the width of its column
HEIGHT = 110.0
PAD = 8.0  # room for the end dots inside the box


@dataclass(frozen=True)
class Chart:
    """One key indicator: its words, and the shapes of its line in SVG units."""

    name: str
    label: str
    start: str  # the first value, formatted
    end: str  # the last value, formatted
    low: str  # the bottom of the scale, formatted
    high: str  # the top of the scale, formatted
    good: bool  # whether the change from start to end is for the better
    points: str  # the polyline, "x,y x,y ..."
    first: tuple[float, float]  # where the start dot sits
    last: tuple[float, float]  # where the end dot sits
    caption: str  # the chart in one sentence, for a screen reader and for the page

    @property
    def tone(self) -> str:
        """The CSS class of the line's colour."""
        return "good" if self.good else "bad"


def _scaled(series: list[float], lo: float, hi: float) -> list[tuple[float, float]]:
    """The series as points: x from the first turn to the last, y from ``lo`` (bottom) to
    ``hi`` (top)."""
    span = hi - lo or 1.0
    step = (WIDTH - 2 * PAD) / max(1, len(series) - 1)
    return [
        (
            round(PAD + i * step, 1),
            round(HEIGHT - PAD - (v - lo) / span * (HEIGHT - 2 * PAD), 1),
        )
        for i, v in enumerate(series)
    ]


def chart(game: Game, name: str, lang: str) -> Chart:
    """The chart of one metric over the turns played (the start included)."""
    s = game.scenario
    series = game.history_of(name)
    lo, hi = chart_range(s, name, series)
    points = _scaled(series, lo, hi)
    delta = series[-1] - series[0]
    higher = item(s, name).higher_is_better
    good = delta == 0 or (delta > 0) == higher
    title = label(s, name, lang)
    start, end = show(s, name, series[0], lang), show(s, name, series[-1], lang)
    low, high = show(s, name, lo, lang), show(s, name, hi, lang)
    caption = tr(
        "play.debrief.chart_caption",
        lang,
        metric=title,
        start=start,
        end=end,
        low=low,
        high=high,
    )
    return Chart(
        name,
        title,
        start,
        end,
        low,
        high,
        good,
        " ".join(f"{x},{y}" for x, y in points),
        points[0],
        points[-1],
        caption,
    )


def charts(game: Game, lang: str) -> list[Chart]:
    """The key indicators' charts, in the window's debrief order."""
    return [chart(game, name, lang) for name in charted_metrics(game)]
