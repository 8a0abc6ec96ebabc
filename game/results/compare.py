"""Cohort comparison: results grouped by scenario version, summaries and differences per measure.

Results of different scenarios or scenario versions, or of a short form and the full game,
are never pooled: each (id, version, length) played by every cohort compared is a separate comparison, and the rest is named as skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.i18n import both
from game.results.record import ResultRecord
from game.results.result_text import ReportText
from game.results.stats import Difference, Summary, compare, summarize
from game.results.store import StoredResult
from game.results.verify import ScenarioLibrary
from game.scenario import localize

SCORE = "score"


@dataclass
class Group:
    """The results of one scenario version, by cohort."""

    scenario_id: str
    version: str
    by_cohort: dict[str, list[ResultRecord]] = field(default_factory=dict)
    quarters: int | None = None  # a short form's turns; short and full games never pooled

    @property
    def name(self) -> str:
        """``id@version``, with the short form's turns when it is one (``id@version/4q``)."""
        short = f"/{self.quarters}q" if self.quarters is not None else ""
        return f"{self.scenario_id}@{self.version}{short}"


@dataclass(frozen=True)
class Measure:
    """One compared measure (the score or a final metric): summaries and differences."""

    id: str
    label: str
    summaries: dict[str, Summary]
    differences: dict[str, Difference]  # each later cohort against the first


def group_results(
    results: Sequence[StoredResult], cohorts: Sequence[str]
) -> tuple[list[Group], list[str]]:
    """Groups played by every cohort, and one message per scenario version left out."""
    groups: dict[tuple[str, str, int], Group] = {}
    for item in results:
        r = item.record
        group = groups.setdefault(
            (r.scenario_id, r.scenario_version, r.quarters or 0),
            Group(r.scenario_id, r.scenario_version, quarters=r.quarters),
        )
        group.by_cohort.setdefault(r.cohort, []).append(r)
    shared, skipped = [], []
    for key in sorted(groups):
        group = groups[key]
        missing = [c for c in cohorts if c not in group.by_cohort]
        if missing:
            counts = ", ".join(f"{c}: {len(v)}" for c, v in sorted(group.by_cohort.items()))
            skipped.append(
                both(
                    ReportText.NOT_COMPARED,
                    group=group.name,
                    missing=", ".join(missing),
                    counts=counts,
                )
            )
        else:
            shared.append(group)
    return shared, skipped


def compared_metrics(
    group: Group, library: ScenarioLibrary | None, lang: str
) -> list[tuple[str, str]]:
    """(id, label) of the metrics to compare: the visible ones when the scenario is at hand."""
    first = next(iter(group.by_cohort.values()))[0]
    loaded = library.by_hash(first.scenario_sha256) if library is not None else None
    if loaded is None:
        return [(m, m) for m in first.metrics]
    s = loaded.scenario
    out = [
        (mid, localize(m.label, lang, s.default_language))
        for mid, m in s.metrics.items()
        if not m.hidden
    ]
    out += [
        (did, localize(d.label, lang, s.default_language))
        for did, d in s.derived.items()
        if not d.hidden
    ]
    return [(mid, label) for mid, label in out if mid in first.metrics]


def compare_group(
    group: Group, cohorts: Sequence[str], metrics: Sequence[tuple[str, str]]
) -> list[Measure]:
    """The score and each metric: summary per cohort, difference of each cohort to the first."""
    measures: list[Measure] = []
    for mid, label in [(SCORE, both(ReportText.SCORE)), *metrics]:
        values = {
            c: [r.score if mid == SCORE else r.metrics[mid] for r in group.by_cohort[c]]
            for c in cohorts
        }
        base = values[cohorts[0]]
        measures.append(
            Measure(
                mid,
                label,
                {c: summarize(v) for c, v in values.items()},
                {c: compare(base, values[c]) for c in cohorts[1:]},
            )
        )
    return measures


def effect_words(g: float | None) -> str:
    """Cohen's conventional size of a standardized difference, in both languages."""
    if g is None:
        return "-"
    size = abs(g)
    if size < 0.2:
        return both(ReportText.EFFECT_NEGLIGIBLE)
    if size < 0.5:
        return both(ReportText.EFFECT_SMALL)
    if size < 0.8:
        return both(ReportText.EFFECT_MEDIUM)
    return both(ReportText.EFFECT_LARGE)
