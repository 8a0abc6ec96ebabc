"""The balance report as PNG charts (matplotlib, Agg backend: no window).

One function per chart, each drawing a figure from the report (or None when the scenario has
nothing of that kind); :func:`write_charts` saves them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from game.authoring.authoring_text import AuthoringText as T
from game.authoring.balance_render import bot_label
from game.i18n import both

Report = dict[str, Any]


def scores_chart(report: Report) -> Figure:
    """The score spread of each bot (min-max, p10-p90, median) against the best path."""
    bots = report["bots"]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(bots) + 1.5))
    labels = [bot_label(b["bot"]) for b in bots]
    for y, b in enumerate(bots):
        ax.plot([b["min"], b["max"]], [y, y], color="#9aa5b1", linewidth=1)
        ax.plot([b["p10"], b["p90"]], [y, y], color="#1f6feb", linewidth=6, solid_capstyle="butt")
        ax.plot([b["median"]], [y], marker="|", color="black", markersize=14)
    ax.axvline(report["best_path"]["score"], color="#d1242f", linestyle="--", label="best path")
    ax.set_yticks(range(len(bots)), labels)
    ax.set_xlabel(f"{both(T.SCORE_AXIS)} (min–max, p10–p90, median)")
    ax.set_title(both(T.SCORE_SPREAD))
    ax.legend(loc="lower right")
    return fig


def policies_chart(report: Report) -> Figure:
    """How often each policy was adopted, in all games and in the top 10%."""
    policies = report["policies"]
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(policies) + 1.5))
    ys = range(len(policies))
    ax.barh(
        [y + 0.2 for y in ys],
        [p["adopted_share"] * 100 for p in policies],
        height=0.4,
        label="all games",
    )
    ax.barh(
        [y - 0.2 for y in ys],
        [p["top10_share"] * 100 for p in policies],
        height=0.4,
        label="top 10%",
    )
    ax.axvline(90, color="#d1242f", linestyle=":", label="dominant above 90%")
    ax.set_yticks(list(ys), [p["id"] + (" ◆" if p["flag"] else "") for p in policies])
    ax.set_xlabel("% of games that adopted it")
    ax.set_title(both(T.POLICIES))
    ax.legend(loc="lower right")
    return fig


def events_chart(report: Report) -> Figure | None:
    """How often each event fired (None: the scenario has no events)."""
    events = report["events"]
    if not events:
        return None
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(events) + 1.5))
    ax.barh(range(len(events)), [e["fired_share"] * 100 for e in events], color="#8250df")
    ax.set_yticks(range(len(events)), [e["id"] for e in events])
    ax.set_xlabel("% of games in which it fired")
    ax.set_title(both(T.EVENTS))
    return fig


def goals_chart(report: Report) -> Figure | None:
    """How often each bot reached each goal (None: the scenario has no goals)."""
    goals = report["goals"]
    if not goals:
        return None
    bots = report["bots"]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(goals) + 1.5))
    width = 0.8 / max(1, len(bots))
    for k, b in enumerate(bots):
        ax.barh(
            [y + k * width for y in range(len(goals))],
            [g["by_bot"][b["bot"]] * 100 for g in goals],
            height=width,
            label=bot_label(b["bot"]),
        )
    ax.set_yticks([y + 0.4 - width / 2 for y in range(len(goals))], [g["id"] for g in goals])
    ax.set_xlabel("% of games reaching it")
    ax.set_title(both(T.GOALS))
    ax.legend(fontsize="x-small", loc="lower right")
    return fig


# The charts in the order they are written: file name, how to draw it.
CHARTS: tuple[tuple[str, Callable[[Report], Figure | None]], ...] = (
    ("scores.png", scores_chart),
    ("policies.png", policies_chart),
    ("events.png", events_chart),
    ("goals.png", goals_chart),
)


def save(fig: Figure, path: Path) -> Path:
    """Write one figure as PNG and free it."""
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_charts(report: Report, folder: Path) -> list[Path]:
    """Write scores.png, policies.png, events.png and goals.png into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, draw in CHARTS:
        fig = draw(report)
        if fig is not None:
            written.append(save(fig, folder / name))
    return written
