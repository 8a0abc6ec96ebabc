"""The balance report as PNG charts (matplotlib, Agg backend: no window)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.authoring.render import bot_label


def write_charts(report: dict[str, Any], folder: Path) -> list[Path]:
    """Write scores.png, policies.png, events.png and goals.png into ``folder``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(fig: Any, name: str) -> None:
        path = folder / name
        fig.tight_layout()
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)

    bots = report["bots"]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(bots) + 1.5))
    labels = [bot_label(b["bot"]) for b in bots]
    for y, b in enumerate(bots):
        ax.plot([b["min"], b["max"]], [y, y], color="#9aa5b1", linewidth=1)
        ax.plot([b["p10"], b["p90"]], [y, y], color="#1f6feb", linewidth=6, solid_capstyle="butt")
        ax.plot([b["median"]], [y], marker="|", color="black", markersize=14)
    ax.axvline(report["best_path"]["score"], color="#d1242f", linestyle="--", label="best path")
    ax.set_yticks(range(len(bots)), labels)
    ax.set_xlabel("skor / score (min–max, p10–p90, median)")
    ax.set_title("Sebaran skor per bot / Score spread per bot")
    ax.legend(loc="lower right")
    save(fig, "scores.png")

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
    ax.set_title("Kebijakan / Policies")
    ax.legend(loc="lower right")
    save(fig, "policies.png")

    events = report["events"]
    if events:
        fig, ax = plt.subplots(figsize=(9, 0.35 * len(events) + 1.5))
        ax.barh(range(len(events)), [e["fired_share"] * 100 for e in events], color="#8250df")
        ax.set_yticks(range(len(events)), [e["id"] for e in events])
        ax.set_xlabel("% of games in which it fired")
        ax.set_title("Peristiwa / Events")
        save(fig, "events.png")

    goals = report["goals"]
    if goals:
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
        ax.set_title("Sasaran / Goals")
        ax.legend(fontsize="x-small", loc="lower right")
        save(fig, "goals.png")
    return written
