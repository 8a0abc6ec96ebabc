"""Small statistics for comparing cohorts: summaries, Welch's interval, Cohen's d / Hedges' g.

Pure Python (no SciPy): Student's t quantile from the regularized incomplete beta function.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Centre and spread of a sample."""

    n: int
    mean: float
    median: float
    sd: float
    q1: float
    q3: float
    minimum: float
    maximum: float

    @property
    def iqr(self) -> float:
        """Interquartile range."""
        return self.q3 - self.q1


@dataclass(frozen=True)
class Difference:
    """Mean of B minus mean of A, its confidence interval and effect sizes."""

    diff: float
    low: float | None
    high: float | None
    df: float | None
    cohen_d: float | None
    hedges_g: float | None
    level: float = 0.95


def summarize(values: Sequence[float]) -> Summary:
    """n, mean, median, sample SD, quartiles (inclusive method), min, max."""
    if not values:
        nan = math.nan
        return Summary(0, nan, nan, nan, nan, nan, nan, nan)
    xs = sorted(float(v) for v in values)
    sd = statistics.stdev(xs) if len(xs) > 1 else 0.0
    if len(xs) > 1:
        q1, _, q3 = statistics.quantiles(xs, n=4, method="inclusive")
    else:
        q1 = q3 = xs[0]
    return Summary(len(xs), statistics.fmean(xs), statistics.median(xs), sd, q1, q3, xs[0], xs[-1])


def compare(a: Sequence[float], b: Sequence[float], level: float = 0.95) -> Difference:
    """Welch's interval for mean(b) − mean(a) and the standardized effect size."""
    sa, sb = summarize(a), summarize(b)
    diff = sb.mean - sa.mean
    if sa.n < 2 or sb.n < 2:
        return Difference(diff, None, None, None, None, None, level)
    va, vb = sa.sd**2 / sa.n, sb.sd**2 / sb.n
    se = math.sqrt(va + vb)
    if se == 0:
        low = high = diff
        df: float | None = float(sa.n + sb.n - 2)
    else:
        denominator = va**2 / (sa.n - 1) + vb**2 / (sb.n - 1)
        df = (va + vb) ** 2 / denominator if denominator > 0 else float(sa.n + sb.n - 2)
        t = t_quantile(0.5 + level / 2, df)
        low, high = diff - t * se, diff + t * se
    pooled = math.sqrt(((sa.n - 1) * sa.sd**2 + (sb.n - 1) * sb.sd**2) / (sa.n + sb.n - 2))
    if pooled == 0:
        return Difference(diff, low, high, df, None, None, level)
    d = diff / pooled
    correction = 1 - 3 / (4 * (sa.n + sb.n) - 9)
    return Difference(diff, low, high, df, d, d * correction, level)


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    x = df / (df + t * t)
    tail = 0.5 * _betainc(df / 2, 0.5, x)
    return 1 - tail if t > 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t with P(T ≤ t) = p (bisection on :func:`t_cdf`)."""
    if not 0 < p < 1:
        raise ValueError("p must be between 0 and 1")
    lo, hi = -1e3, 1e3
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2


def _betainc(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta I_x(a, b) (continued fraction, Numerical Recipes)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    ln_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(ln_front)
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def _betacf(a: float, b: float, x: float) -> float:
    tiny, eps = 1e-300, 3e-16
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1 + aa * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < eps:
            break
    return h
