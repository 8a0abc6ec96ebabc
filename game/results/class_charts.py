"""The report's charts as PNG (matplotlib, Agg backend): large type, titles in both languages."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from game.i18n import both
from game.results.result_text import ReportText

TOP, BOTTOM, OTHERS, MEDIAN = "#1b7f3b", "#c0392b", "#b8bec6", "#1f3a93"
BREACH = "#e67e22"  # values gone against (the optional `breaches` tags)
STYLE: dict[Any, Any] = {
    "font.size": 15,
    "axes.titlesize": 19,
    "axes.labelsize": 16,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "legend.fontsize": 14,
    "figure.titlesize": 22,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=100, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return path


def score_histogram(
    scores: Sequence[float], grades: Sequence[tuple[str, float]], title: str, path: Path
) -> Path:
    """Histogram of the class's scores with the mean, median and grade thresholds marked."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(12, 6.5))
        bins = max(5, min(20, int(math.sqrt(len(scores))) * 2))
        ax.hist(scores, bins=bins, color="#4a78c2", edgecolor="white")
        mean, median = statistics.fmean(scores), statistics.median(scores)
        ax.axvline(mean, color="black", linewidth=2.5, label=both(ReportText.CHART_MEAN, mean=mean))
        ax.axvline(
            median, color="black", linewidth=2.5, linestyle="--", label=f"median {median:.1f}"
        )
        grade_labels(ax, grades)
        ax.set_title(title)
        ax.set_xlabel(both(ReportText.SCORE))
        ax.set_ylabel(both(ReportText.CHART_PLAYERS))
        ax.legend(loc="upper left")
        return _save(fig, path)


def grade_labels(ax: Any, grades: Sequence[tuple[str, float]]) -> list[Any]:
    """Mark each grade threshold in view with a dotted line and its name; a name that would
    overlap one already placed goes a line lower, so close thresholds stay readable."""
    lo, hi = ax.get_xlim()
    top = ax.get_ylim()[1]
    renderer = ax.figure.canvas.get_renderer()
    placed: list[Any] = []
    texts = []
    for name, threshold in sorted(grades, key=lambda g: g[1]):
        if not lo <= threshold <= hi:
            continue
        ax.axvline(threshold, color="#e67e22", linewidth=1.5, linestyle=":")
        text = ax.text(threshold, top * 0.97, f" {name}", color="#a04000", va="top", fontsize=13)
        for level in range(12):
            text.set_y(top * (0.97 - 0.075 * level))
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                break
        placed.append(text.get_window_extent(renderer))
        texts.append(text)
    return texts


def metric_paths(
    panels: Sequence[tuple[str, list[list[float]], list[list[float]], list[list[float]]]],
    turn_label: str,
    title: str,
    path: Path,
) -> Path:
    """Small multiples: per metric, every player's path (grey), top quarter (green), bottom (red)."""
    n = len(panels)
    cols = 2 if n > 1 else 1
    rows = math.ceil(n / cols)
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(rows, cols, figsize=(8 * cols, 4.6 * rows), squeeze=False)
        for ax, (label, everyone, top, bottom) in zip(axes.flat, panels):
            for series, color, width in (
                (everyone, OTHERS, 1.0),
                (bottom, BOTTOM, 2.0),
                (top, TOP, 2.0),
            ):
                # one collection per group: a class of 500 is 500 lines, drawn as one artist
                lines = [list(enumerate(line)) for line in series if line]
                ax.add_collection(LineCollection(lines, colors=color, linewidths=width, alpha=0.8))
            ax.autoscale_view()
            if everyone:
                turns = max(len(p) for p in everyone)  # games that ended early have shorter paths
                med = [
                    statistics.median(p[t] for p in everyone if len(p) > t) for t in range(turns)
                ]
                ax.plot(range(turns), med, color=MEDIAN, linewidth=3.5, linestyle="--")
            ax.set_title(label)
            ax.set_xlabel(turn_label)
            ax.grid(alpha=0.3)
        for ax in list(axes.flat)[n:]:
            ax.axis("off")
        handles = [
            Line2D([], [], color=TOP, linewidth=3, label=both(ReportText.TOP_QUARTER)),
            Line2D([], [], color=BOTTOM, linewidth=3, label=both(ReportText.BOTTOM_QUARTER)),
            Line2D([], [], color=OTHERS, linewidth=3, label=both(ReportText.OTHERS)),
            Line2D(
                [],
                [],
                color=MEDIAN,
                linewidth=3,
                linestyle="--",
                label=both(ReportText.CLASS_MEDIAN),
            ),
        ]
        fig.legend(handles=handles, loc="lower center", ncol=4, bbox_to_anchor=(0.5, -0.02))
        fig.suptitle(title)
        fig.tight_layout(rect=(0, 0.04, 1, 0.97))
        return _save(fig, path)


def policy_bars(rows: Sequence[tuple[str, float, float]], title: str, path: Path) -> Path:
    """Horizontal bars: share of the top half and of the bottom half that adopted each policy."""
    labels = [r[0] for r in rows][::-1]
    top = [100 * r[1] for r in rows][::-1]
    bottom = [100 * r[2] for r in rows][::-1]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(13, max(5.0, 0.62 * len(rows) + 2)))
        y = range(len(rows))
        ax.barh([i + 0.2 for i in y], top, height=0.4, color=TOP, label=both(ReportText.TOP_HALF))
        ax.barh(
            [i - 0.2 for i in y],
            bottom,
            height=0.4,
            color=BOTTOM,
            label=both(ReportText.BOTTOM_HALF),
        )
        ax.set_yticks(list(y), labels)
        ax.set_xlim(0, 100)
        ax.set_xlabel(both(ReportText.ADOPTED_SHARE))
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
        ax.grid(axis="x", alpha=0.3)
        return _save(fig, path)


def values_radar(
    series: Sequence[tuple[str, str, Sequence[float]]],
    labels: Sequence[str],
    title: str,
    path: Path,
) -> Path:
    """Radar of the BerAKHLAK values: one closed line per (name, colour, values)."""
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)]
    with plt.rc_context(STYLE):
        fig = plt.figure(figsize=(10, 9.5))
        ax: Any = fig.add_subplot(projection="polar")
        top = max((max(v) for _, _, v in series if v), default=1.0) or 1.0
        for name, color, values in series:
            closed = [*values, values[0]]
            ax.plot([*angles, angles[0]], closed, color=color, linewidth=3, label=name)
            ax.fill([*angles, angles[0]], closed, color=color, alpha=0.15)
        ax.set_xticks(angles, labels)
        ax.set_ylim(0, top * 1.1)
        ax.set_rlabel_position(180 / n)
        ax.tick_params(axis="y", labelsize=12, labelcolor="#555555")
        ax.tick_params(axis="x", pad=22)
        ax.set_title(title, pad=40)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=len(series))
        return _save(fig, path)


def group_bars(groups: Sequence[tuple[str, float, int]], title: str, path: Path) -> Path:
    """Mean score of each group of similar decision paths (n in the label)."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(13, max(4.5, 1.5 * len(groups) + 2)))
        names = [f"{name} (n={n})" for name, _, n in groups][::-1]
        means = [m for _, m, _ in groups][::-1]
        bars = ax.barh(range(len(groups)), means, color="#4a78c2")
        ax.bar_label(bars, labels=[f"{m:.1f}" for m in means], padding=6, fontsize=15)
        ax.set_yticks(range(len(groups)), names)
        ax.set_xlabel(both(ReportText.MEAN_SCORE))
        ax.set_title(title)
        lo = min(means) if means else 0
        ax.set_xlim(min(0.0, lo * 1.1), (max(means) if means else 1) * 1.15)
        return _save(fig, path)
