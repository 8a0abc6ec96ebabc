"""A class report: PNG charts and a one-page HTML (index.html) in a folder.

Every result is replayed on its scenario (found by hash in the scenarios folder) to get the
metric paths turn by turn; a class that played several scenario versions must pick one.
"""

from __future__ import annotations

import html
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.errors import Message, ResultError
from game.i18n import both, english_first, tr
from game.results import class_charts
from game.results.analysis import (
    PathGroup,
    Played,
    halves,
    path_groups,
    policy_shares,
    quarters,
    ranked,
    values_profile,
)
from game.results.collector import cycles_uncollected
from game.results.duplicates import duplicate_groups
from game.results.reflection_page import reflection_section
from game.results.result_text import ReportText, ResultText
from game.results.store import StoredResult
from game.results.verify import ScenarioLibrary, verify_on
from game.safe_text import terminal_text
from game.scenario import VALUES, LoadedScenario, localize

MAX_PANELS = 6
CHARTS = 5  # PNG files a report draws (score spread, metric paths, policies, values, groups)


def write_report(
    items: Sequence[StoredResult],
    cohort: str,
    out: Path,
    library: ScenarioLibrary,
    lang: str = "id",
    done: Callable[[str], None] | None = None,
) -> Path:
    """Write the charts and ``index.html`` into ``out``; return the page's path.

    ``done("replay")`` is called after each game is replayed, ``done("chart")`` after each of
    the ``CHARTS`` charts is drawn (for a progress line)."""
    tick = done or (lambda _kind: None)
    if not items:
        raise ResultError(both(ReportText.NO_RESULTS, cohort=terminal_text(cohort)))
    versions = sorted({f"{i.record.scenario_id}@{i.record.scenario_version}" for i in items})
    if len(versions) > 1:
        raise ResultError(
            f"cohort '{terminal_text(cohort)}' played several scenario versions ({', '.join(versions)}): "
            f"{english_first(ResultText.CHOOSE_VERSION)}"
        )
    lengths = sorted({i.record.quarters or 0 for i in items})
    if len(lengths) > 1:
        raise ResultError(
            f"cohort '{cohort}' played the short form and the full game: their scores are never "
            f"pooled; {english_first(ResultText.CHOOSE_QUARTERS)}"
        )
    hashes = {i.record.scenario_sha256 for i in items}
    loaded = library.by_hash(next(iter(hashes))) if len(hashes) == 1 else None
    if loaded is None:
        folders = ", ".join(map(str, library.folders))
        raise ResultError(
            Message.of(ResultText.REPORT_NOT_HERE, version=versions[0], folders=folders)
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.CREATE_FOLDER, path=str(out), reason=exc.strerror or str(exc))
        ) from None
    with cycles_uncollected():  # the charts' few cycles are freed once, after
        played = []
        for item in items:
            played.append(Played(item.record, verify_on(item.record, loaded)))
            tick("replay")
        groups = path_groups(played)  # the chart and the page show the same groups: cluster once
        try:
            # a chart title is drawn by matplotlib: "$" would start mathtext, controls have no glyph
            chart_title = terminal_text(cohort).replace("$", r"\$")
            files = _charts(played, loaded, chart_title, out, lang, groups, tick)
            page = out / "index.html"
            page.write_text(_html(played, loaded, cohort, files, lang, groups), encoding="utf-8")
        except OSError as exc:
            raise ResultError(
                Message.of(ResultText.WRITE_REPORT, path=str(out), reason=exc.strerror or str(exc))
            ) from None
    return page


def _charts(
    played: list[Played],
    loaded: LoadedScenario,
    cohort: str,
    out: Path,
    lang: str,
    groups: list[PathGroup] | None = None,
    tick: Callable[[str], None] = lambda _kind: None,
) -> dict[str, str]:
    """The report's charts, one helper each, written to ``out``: chart name -> file name."""
    at = _At(played, loaded, cohort, out, lang)
    files: dict[str, str] = {}
    for name, chart in (
        ("scores", _score_chart),
        ("paths", _paths_chart),
        ("policies", _policy_chart),
        ("values", _values_chart),
    ):
        files[name] = chart(at).name
        tick("chart")
    files["groups"] = _groups_chart(at, groups if groups is not None else path_groups(played)).name
    tick("chart")
    return files


@dataclass(frozen=True)
class _At:
    """What every chart of one report reads: the games, the scenario, the class, where, how."""

    played: list[Played]
    loaded: LoadedScenario
    cohort: str
    out: Path
    lang: str

    def said(self, text: Any) -> str:
        """A scenario text in the report's language."""
        return localize(text, self.lang, self.loaded.scenario.default_language)

    def policy_names(self) -> dict[str, str]:
        return {p.id: self.said(p.name) for p in self.loaded.scenario.policies}


def _score_chart(at: _At) -> Path:
    s = at.loaded.scenario
    grades = [(at.said(g.name), g.min) for g in s.scoring.grades]
    return class_charts.score_histogram(
        [p.record.score for p in at.played],
        grades,
        both(ReportText.SCORE_DISTRIBUTION, cohort=at.cohort),
        at.out / "score_distribution.png",
    )


def _paths_chart(at: _At) -> Path:
    s = at.loaded.scenario
    dl = s.default_language
    top_q, bottom_q = quarters(at.played)
    shown = [m for m, spec in s.metrics.items() if not spec.hidden][:MAX_PANELS]

    def paths(group: Sequence[Played], mid: str) -> list[list[float]]:
        return [p.game.history_of(mid) for p in group]

    panels = [
        (
            at.said(s.metrics[mid].label),
            paths(at.played, mid),
            paths(top_q, mid),
            paths(bottom_q, mid),
        )
        for mid in shown
    ]
    turn_label = f"{localize(s.turn_label, 'id', dl)} / {localize(s.turn_label, 'en', dl)}"
    return class_charts.metric_paths(
        panels,
        turn_label,
        both(ReportText.METRIC_PATHS, title=at.said(s.title)),
        at.out / "metric_paths.png",
    )


def _policy_chart(at: _At) -> Path:
    top_h, bottom_h = halves(at.played)
    pname = at.policy_names()
    shares = sorted(policy_shares(at.loaded, top_h, bottom_h), key=lambda r: -(r[1] - r[2]))
    return class_charts.policy_bars(
        [(pname[pid], a, b) for pid, a, b in shares],
        both(ReportText.POLICY_HALVES),
        at.out / "policy_choices.png",
    )


def _values_chart(at: _At) -> Path:
    top_h, bottom_h = halves(at.played)
    labels = [f"{tr(f'value.{v}', 'id')}\n({tr(f'value.{v}', 'en')})" for v in VALUES]

    def profile(group: Sequence[Played], breaches: bool = False) -> list[float]:
        counts = values_profile(at.loaded, group, breaches=breaches)
        return [counts[v] for v in VALUES]

    series = [(both(ReportText.CLASS), class_charts.MEDIAN, profile(at.played))]
    if top_h and bottom_h:
        series.append((both(ReportText.TOP_HALF), class_charts.TOP, profile(top_h)))
        series.append((both(ReportText.BOTTOM_HALF), class_charts.BOTTOM, profile(bottom_h)))
    breached = profile(at.played, breaches=True)
    if any(breached):
        series.append((both(ReportText.VALUES_BREACHED), class_charts.BREACH, breached))
    note = both(ReportText.VALUES_PROFILE_NOTE)
    return class_charts.values_radar(
        series,
        labels,
        f"{both(ReportText.VALUES_PROFILE, cohort=at.cohort)}\n({note})",
        at.out / "berakhlak.png",
    )


def _groups_chart(at: _At, groups: list[PathGroup]) -> Path:
    pname = at.policy_names()
    return class_charts.group_bars(
        [
            (f"{i}: {_short(g.common, pname)}", g.mean_score, len(g.members))
            for i, g in enumerate(groups, 1)
        ],
        both(ReportText.SIMILAR_PATHS),
        at.out / "path_groups.png",
    )


def _short(common: Sequence[str], names: dict[str, str], limit: int = 3) -> str:
    """The first typical policies of a group, on two lines at most, for a chart label."""
    if not common:
        return f"({both(ReportText.NO_POLICIES)})"
    shown = [names.get(x, x)[:40] for x in common[:limit]]
    more = f" +{len(common) - limit}" if len(common) > limit else ""
    return "\n".join([", ".join(shown[:2]), ", ".join(shown[2:]) + more]).strip()


def _h(code: ReportText) -> str:
    """A report heading in both languages, escaped: the page serves a mixed-language room."""
    return html.escape(both(code))


def _summary_rows(played: list[Played]) -> str:
    """The class's scores in one table, so a facilitator sees the spread before the names."""
    e = html.escape
    scores = [p.record.score for p in played]
    sd = statistics.stdev(scores) if len(scores) > 1 else 0.0
    q = (
        statistics.quantiles(scores, n=4, method="inclusive")
        if len(scores) > 1
        else [scores[0]] * 3
    )
    grade_counts = Counter(p.record.grade or "-" for p in played)
    grades = ", ".join(f"{e(k)}: {v}" for k, v in grade_counts.most_common())
    return f"""<table><tr><th>{_h(ReportText.PLAYERS)}</th><td>{len(scores)}</td></tr>
<tr><th>{_h(ReportText.MEAN)}</th><td>{statistics.fmean(scores):.2f}</td></tr>
<tr><th>Median</th><td>{statistics.median(scores):.2f}</td></tr>
<tr><th>{_h(ReportText.SD)}</th><td>{sd:.2f}</td></tr>
<tr><th>Q1–Q3 ({_h(ReportText.IQR)})</th><td>{q[0]:.2f}–{q[2]:.2f} ({q[2] - q[0]:.2f})</td></tr>
<tr><th>{_h(ReportText.GRADES)}</th><td>{grades}</td></tr></table>"""


def _top_ten_rows(played: list[Played]) -> str:
    """The ten best games' rows, ranked as the leaderboard ranks them."""
    e = html.escape
    return "".join(
        f"<tr><td>{i}</td><td>{e(p.record.player)}</td><td>{p.record.score:.2f}</td>"
        f"<td>{e(p.record.grade or '-')}</td><td>{len(p.record.goals)}</td></tr>"
        for i, p in enumerate(ranked(played)[:10], 1)
    )


def _path_group_rows(groups: list[PathGroup], policy_names: dict[str, str]) -> str:
    """One row per group of similar games, with the policies its members typically adopted."""
    e = html.escape
    return "".join(
        f"<tr><td>{i}</td><td>{len(g.members)}</td><td>{g.mean_score:.2f}</td>"
        f"<td>{e(', '.join(policy_names.get(x, x) for x in g.common) or '-')}</td></tr>"
        for i, g in enumerate(groups, 1)
    )


def _identical_games(played: list[Played]) -> str:
    """Games played move for move alike, so a facilitator can ask whether they were shared."""
    e = html.escape
    twins = duplicate_groups([p.record for p in played])
    same = "".join(
        f"<tr><td>={g.number}</td><td>"
        + e(", ".join(played[i].record.player for i in g.members))
        + f"</td><td>{played[g.members[0]].record.score:.2f}</td></tr>"
        for g in twins
    )
    return (
        f"<p>{e(both(ReportText.NONE))}</p>"
        if not twins
        else f"<p>{e(both(ReportText.TWINS_NOTE))}</p>"
        f"<table><tr><th>#</th><th>{e(both(ReportText.NAMES))}</th><th>{e(both(ReportText.SCORE))}</th></tr>"
        + same
        + "</table>"
    )


def _html(
    played: list[Played],
    loaded: LoadedScenario,
    cohort: str,
    files: dict[str, str],
    lang: str,
    groups: list[PathGroup],
) -> str:
    s = loaded.scenario
    dl = s.default_language
    e = html.escape
    h = _h
    pname = {p.id: localize(p.name, lang, dl) for p in s.policies}
    reflection = reflection_section([(p.record, p.game) for p in played], s, lang)
    img = "".join(
        f'<figure><img src="{e(name)}" alt="{e(key)}"></figure>' for key, name in files.items()
    )
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{h(ReportText.TITLE)} — {e(cohort)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;font-size:18px;color:#222}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:.3em .7em;text-align:left}}
figure{{margin:1.5em 0}}img{{max-width:100%}}h1{{margin-bottom:.2em}}</style></head><body>
<h1>{h(ReportText.TITLE)} — {e(cohort)}</h1>
<p>{e(localize(s.title, "id", dl))} / {e(localize(s.title, "en", dl))} — {e(s.id)}@{e(s.version)}</p>
<h2>{h(ReportText.SUMMARY)}</h2>
{_summary_rows(played)}
<h2>{h(ReportText.TOP10)}</h2>
<table><tr><th>#</th><th>{h(ReportText.NAME)}</th><th>{h(ReportText.SCORE)}</th><th>{h(ReportText.GRADE)}</th><th>{h(ReportText.GOALS)}</th></tr>{_top_ten_rows(played)}</table>
<h2>{h(ReportText.IDENTICAL)}</h2>
{_identical_games(played)}
<h2>{h(ReportText.GROUPS)}</h2>
<p>{h(ReportText.GROUPS_NOTE)}</p>
<table><tr><th>#</th><th>n</th><th>{h(ReportText.MEAN_SCORE)}</th><th>{h(ReportText.TYPICAL)}</th></tr>{_path_group_rows(groups, pname)}</table>
{reflection}
<h2>{h(ReportText.CHARTS)}</h2>{img}
</body></html>
"""


def write_charts(
    played: list[Played], loaded: LoadedScenario, cohort: str, out: Path, lang: str
) -> dict[str, str]:
    """The report's PNG charts in ``out`` (name by kind); the class server's debrief uses them."""
    return _charts(played, loaded, cohort, out, lang)
