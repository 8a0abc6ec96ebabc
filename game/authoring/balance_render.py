"""The balance report as terminal tables (rich); headings in Bahasa Indonesia and English."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from game.authoring.authoring_text import AuthoringText as T
from game.authoring.runs import FAVOUR
from game.i18n import both

FLAGS = {"dominant": T.DOMINANT, "dead": T.DEAD}


def short_form(turns: int) -> str:
    """ "versi pendek: 4 giliran / short form: 4 turns"."""
    return both("shortform.played", n=turns)


def bot_label(name: str) -> str:
    """``favour:people`` -> ``greedy+people``."""
    return "greedy+" + name[len(FAVOUR) :] if name.startswith(FAVOUR) else name


def columns(report: dict[str, Any]) -> list[tuple[str, dict[str, int]]]:
    """Per-bot columns: each engine bot alone, the category-favouring bots pooled as one."""
    sizes = {b["bot"]: int(b["n"]) for b in report["bots"]}
    plain = [(bot_label(b), {b: n}) for b, n in sizes.items() if not b.startswith(FAVOUR)]
    favour = {b: n for b, n in sizes.items() if b.startswith(FAVOUR)}
    return plain + ([("greedy+cat", favour)] if favour else [])


def pooled(by_bot: dict[str, float], weights: dict[str, int]) -> str:
    """The share over a group of bots, weighted by their games."""
    total = sum(weights.values())
    return pct(sum(by_bot[b] * n for b, n in weights.items()) / total) if total else ""


def pct(x: float) -> str:
    """A share as a percentage."""
    return f"{100 * x:.1f}%"


def render(report: dict[str, Any], console: Console) -> None:
    """Print the whole report: the heading, then one table or block per part, in order."""
    sc = report["scenario"]
    console.print(
        f"[bold]{both(T.TITLE)}[/bold]: {sc['id']} v{sc['version']} ({sc['path']})"
        + (f", {short_form(sc['quarters'])}" if sc.get("quarters") else "")
        + " — "
        f"{report['games']:,} games, {report['seconds']:.1f} s, {report['jobs']} core(s), "
        f"seeds from {report['seed_start']}"
    )
    groups = columns(report)
    console.print(_score_table(report))
    best = report["best_path"]
    console.print(
        f"[bold]{both(T.BEST_PATH)}[/bold] (seed {best['seed']}, "
        f"{best['evaluations']:,} plays): score {best['score']:.2f}"
    )
    console.print(best["plan_toml"], markup=False, highlight=False)
    console.print(_policy_table(report))
    for table in (_event_table, _goal_table, _ending_table):
        console.print(table(report, groups))
    render_seeds(report.get("seeds"), console)
    _render_findings(report, console)


def _score_table(report: dict[str, Any]) -> Table:
    t = Table(title=both(T.SCORE_SPREAD))
    for col in ("bot", "n", "min", "p10", "median", "p90", "max", "mean"):
        t.add_column(col, justify="left" if col == "bot" else "right")
    for b in report["bots"]:
        t.add_row(
            bot_label(b["bot"]),
            str(b["n"]),
            *(f"{b[k]:.1f}" for k in ("min", "p10", "median", "p90", "max", "mean")),
        )
    return t


def _policy_table(report: dict[str, Any]) -> Table:
    t = Table(title=both(T.POLICIES))
    for col in ("policy", "category", "adopted", "in top 10%", "top-half games", "flag"):
        t.add_column(col, justify="left" if col in ("policy", "category", "flag") else "right")
    for p in report["policies"]:
        flag = both(FLAGS[p["flag"]]) if p["flag"] in FLAGS else ""
        t.add_row(
            p["id"],
            p["category"],
            pct(p["adopted_share"]),
            pct(p["top10_share"]),
            str(p["top_half_games"]),
            flag,
            style="bold red" if p["flag"] else None,
        )
    return t


Groups = list[tuple[str, dict[str, int]]]  # the bot columns: (label, the bots pooled in it)


def _shares_table(title: str, heads: tuple[str, ...], groups: Groups) -> Table:
    """A table of shares: its first columns, then one column per group of bots."""
    t = Table(title=title)
    t.add_column(heads[0])
    for head in heads[1:]:
        t.add_column(head, justify="right" if head == "all" else "left")
    for label, _ in groups:
        t.add_column(label, justify="right")
    return t


def _event_table(report: dict[str, Any], groups: Groups) -> Table:
    t = _shares_table(both(T.EVENTS_SHARE), ("event", "all"), groups)
    t.add_column("mean times", justify="right")
    for e in report["events"]:
        pooled_shares = (pooled(e["by_bot"], w) for _, w in groups)
        t.add_row(e["id"], pct(e["fired_share"]), *pooled_shares, f"{e['mean_times']:.2f}")
    return t


def _goal_table(report: dict[str, Any], groups: Groups) -> Table:
    t = _shares_table(both(T.GOALS_SHARE), ("goal", "all"), groups)
    t.add_column("best path")
    for g in report["goals"]:
        pooled_shares = (pooled(g["by_bot"], w) for _, w in groups)
        t.add_row(g["id"], pct(g["share"]), *pooled_shares, "✓" if g["best_path"] else "")
    return t


def _ending_table(report: dict[str, Any], groups: Groups) -> Table:
    t = _shares_table(both(T.ENDINGS_SHARE), ("ending", "kind", "all"), groups)
    for en in report["endings"]:
        name = en["id"] or f"({both(T.FULL_GAME)})"
        t.add_row(name, en["kind"], pct(en["share"]), *(pooled(en["by_bot"], w) for _, w in groups))
    return t


def _render_findings(report: dict[str, Any], console: Console) -> None:
    """The notes, then the dominant and the dead policies, if any."""
    for line in report["notes"]:
        console.print(f"• {line}", markup=False, highlight=False)
    if report["dominant"]:
        console.print(
            f"[bold red]{both(T.DOMINANT_POLICIES)}:[/bold red] {', '.join(report['dominant'])}"
        )
    if report["dead"]:
        console.print(
            f"[bold yellow]{both(T.DEAD_POLICIES)}:[/bold yellow] {', '.join(report['dead'])}"
        )


def render_seeds(seeds: dict[str, Any] | None, console: Console) -> None:
    """How harsh the class seed is among the seeds checked, and the harshest of them."""
    if not seeds:
        return
    d = seeds["default"]
    verdict = (
        f"[green]{both(T.FAIR)}[/green]"
        if seeds["default_fair"]
        else f"[bold red]{both(T.CROWDED)}[/bold red]"
    )
    console.print(
        f"[bold]{both(T.CLASS_SEED)}[/bold] {d['seed']}: {verdict} — "
        f"{both(T.MOST_SHOCKS, n=d['most_shocks_in_one_turn'])}; "
        f"{both(T.PASSIVE_SCORE)} {d['passive_score']:.1f} ({-d['shortfall']:+.1f} vs "
        f"median {seeds['median_passive']:.1f}); {both(T.HARSHNESS_RANK)} "
        f"{seeds['default_rank']}/{seeds['checked']} (1 = {both(T.HARSHEST)})"
    )
    t = Table(title=both(T.HARSHEST_SEEDS))
    for col in ("seed", "crowded turns (shocks)", "passive score", "shortfall", "ending"):
        t.add_column(col, justify="left" if col.startswith("crowded") else "right")
    for p in seeds["harshest"]:
        crowded = "; ".join(f"T{t}: {', '.join(e)}" for t, e in p["crowded_turns"].items())
        t.add_row(
            str(p["seed"]),
            crowded or "-",
            f"{p['passive_score']:.1f}",
            f"{p['shortfall']:+.1f}",
            p["ending"] or "",
        )
    console.print(t)
    fair = ", ".join(str(s) for s in seeds["fair_seeds"][:12])
    console.print(f"{both(T.FAIR_SEEDS)}: {fair}", markup=False, highlight=False)
