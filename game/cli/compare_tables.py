"""The tables ``agen results compare`` prints for one group of comparable results: the score
of each class, and each measure of each class against the first class."""

from __future__ import annotations

import math

from rich.table import Table

from game.cli.common import CliText
from game.i18n import both
from game.results.compare import Measure, effect_words
from game.safe_text import terminal_text


def number_cell(x: float | None, digits: int = 2) -> str:
    """A number for a table cell: ``-`` when there is none (or it is not a number)."""
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def score_table(group: str, score: Measure) -> Table:
    """The score of each class of one group: n, mean, median, spread."""
    table = Table(title=both(CliText.SCORE_BY_CLASS, group=group))
    for head in (
        both(CliText.COL_CLASS),
        "n",
        both(CliText.COL_MEAN),
        "Median",
        both(CliText.COL_SD),
        "Q1–Q3",
        both(CliText.COL_IQR),
        both(CliText.COL_RANGE),
    ):
        table.add_column(
            head, justify="left" if head.startswith("Kelas") else "right", overflow="fold"
        )
    for c, s in score.summaries.items():
        table.add_row(
            terminal_text(c),
            str(s.n),
            number_cell(s.mean),
            number_cell(s.median),
            number_cell(s.sd),
            f"{number_cell(s.q1)}–{number_cell(s.q3)}",
            number_cell(s.iqr),
            f"{number_cell(s.minimum)}–{number_cell(s.maximum)}",
        )
    return table


def difference_table(group: str, measures: list[Measure], cohorts: list[str]) -> Table:
    """Each measure of each class against the first class: difference, CI, effect size."""
    first = terminal_text(cohorts[0])
    diff = Table(title=both(CliText.DIFFERENCE_FROM, first=first, group=group))
    for head in (
        both(CliText.COL_MEASURE),
        both(CliText.COL_CLASS),
        f"{both(CliText.COL_MEAN_OF)} {first}",
        both(CliText.COL_MEAN_OF),
        both(CliText.COL_DIFF),
        both(CliText.COL_CI),
        "d",
        "g",
        both(CliText.COL_EFFECT),
    ):
        left = head.startswith(("Ukuran", "Kelas", "Efek"))
        diff.add_column(head, justify="left" if left else "right", overflow="fold")
    for m in measures:
        for c, d in m.differences.items():
            diff.add_row(
                m.label,
                terminal_text(c),
                number_cell(m.summaries[cohorts[0]].mean),
                number_cell(m.summaries[c].mean),
                number_cell(d.diff),
                "-" if d.low is None else f"{number_cell(d.low)}…{number_cell(d.high)}",
                number_cell(d.cohen_d),
                number_cell(d.hedges_g),
                effect_words(d.hedges_g),
            )
    return diff
