"""Cohort statistics and the rule that different scenario versions are never pooled."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.results.compare import compare_group, group_results
from game.results.record import ResultRecord
from game.results.stats import compare, summarize, t_quantile
from game.results.store import StoredResult
from tests.results.helpers import PER_COHORT, MakeRecord


@pytest.mark.parametrize(
    ("df", "t"), [(1, 12.7062), (2, 4.3027), (10, 2.2281), (30, 2.0423), (1000, 1.9623)]
)
def test_t_quantile_matches_tables(df: float, t: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(t, abs=1e-4)


def test_welch_interval_and_effect_size_by_hand() -> None:
    a, b = [1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 3.0, 4.0, 5.0, 9.0]
    d = compare(a, b)
    va, vb = statistics.variance(a) / 5, statistics.variance(b) / 5
    df = (va + vb) ** 2 / (va**2 / 4 + vb**2 / 4)
    half = t_quantile(0.975, df) * math.sqrt(va + vb)
    assert d.diff == pytest.approx(1.6)
    assert d.low == pytest.approx(1.6 - half) and d.high == pytest.approx(1.6 + half)
    pooled = math.sqrt((statistics.variance(a) + statistics.variance(b)) / 2)
    assert d.cohen_d == pytest.approx(1.6 / pooled)
    assert d.hedges_g == pytest.approx(1.6 / pooled * (1 - 3 / (4 * 10 - 9)))


def test_summary_quartiles() -> None:
    s = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert (s.n, s.mean, s.median, s.q1, s.q3, s.iqr) == (9, 5, 5, 3, 7, 4)


def test_too_small_samples_have_no_interval() -> None:
    d = compare([1.0], [2.0, 3.0])
    assert d.diff == 1.5 and d.low is None and d.hedges_g is None


@given(
    st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=30),
    st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=30),
)
def test_interval_contains_the_difference(a: list[float], b: list[float]) -> None:
    d = compare(a, b)
    assert d.low is not None and d.high is not None
    assert d.low - 1e-9 <= d.diff <= d.high + 1e-9


def _stored(records: list[ResultRecord]) -> list[StoredResult]:
    return [StoredResult(r.key(), r, "now") for r in records]


def test_cohorts_compare_on_the_same_scenario_version(make_record: MakeRecord) -> None:
    a = [make_record(i, "random", "A") for i in range(PER_COHORT)]
    b = [make_record(i, "greedy", "B") for i in range(PER_COHORT)]
    groups, skipped = group_results(_stored(a + b), ["A", "B"])
    assert skipped == [] and len(groups) == 1
    measures = compare_group(groups[0], ["A", "B"], [("public_trust", "Kepercayaan")])
    score, trust = measures
    assert score.summaries["A"].n == PER_COHORT
    assert score.summaries["B"].mean == pytest.approx(statistics.fmean(r.score for r in b))
    assert score.differences["B"].diff == pytest.approx(
        statistics.fmean(r.score for r in b) - statistics.fmean(r.score for r in a)
    )
    assert trust.summaries["A"].median == pytest.approx(
        statistics.median(r.metrics["public_trust"] for r in a)
    )


def test_other_versions_are_separated_not_pooled(make_record: MakeRecord) -> None:
    a = [make_record(i, "random", "A") for i in range(5)]
    b = [make_record(i, "random", "B") for i in range(5)]
    newer = [r.model_copy(update={"scenario_version": "2.0.0"}) for r in b[:2]]
    groups, skipped = group_results(_stored(a + b + newer), ["A", "B"])
    assert [g.name for g in groups] == ["contoh-uji@1.0.0"]
    assert len(groups[0].by_cohort["B"]) == 5
    assert len(skipped) == 1 and "contoh-uji@2.0.0 not compared" in skipped[0]
