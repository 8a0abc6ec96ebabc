"""Export for spreadsheets: one row per player (game) and one row per decision.

CSV: ``FILE``, ``FILE-stem_decisions.csv`` and ``FILE-stem_predictions.csv`` (UTF-8 with BOM
so Excel reads the accents). Excel: one workbook, sheets ``hasil_results``,
``keputusan_decisions`` and ``tebakan_predictions`` (the participants' predictions).
Text that a spreadsheet would take for a formula is prefixed with an apostrophe; characters an
Excel cell cannot hold (control characters in a name) are left out of the workbook only.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from game.atomic import write_atomic
from game.errors import Message, ResultError
from game.i18n import both, english_first
from game.results.duplicates import group_numbers
from game.results.store import StoredResult
from game.results.words import ResultText
from game.safe_text import sheet_text

PLAYER_COLUMNS = (
    "result_key",
    "cohort",
    "player",
    "player_id",
    "scenario_id",
    "scenario_version",
    "seed",
    "language",
    "started",
    "ended",
    "score",
    "grade",
    "goals_met",
    "goals",
    "ending",
    "turns_played",
    "decisions",
    "origin",  # game | simulate:BOT | simulate:plan:FILE; empty: unknown (an older file)
    "same_path_group",  # results of one class and version with identical decisions share it
    "quarters",
)
DECISION_COLUMNS = (
    "result_key",
    "cohort",
    "player",
    "player_id",
    "scenario_id",
    "scenario_version",
    "order",
    "turn",
    "action",
    "policy",
    "event",
    "choice",
)
METRIC_PREFIX = "final_"
PREDICTION_COLUMNS = (
    "result_key",
    "cohort",
    "player",
    "player_id",
    "scenario_id",
    "scenario_version",
    "turn",
    "policy",
    "metric",
    "by_turn",
    "expected",
)
SHEETS = ("hasil_results", "keputusan_decisions", "tebakan_predictions")


def player_rows(results: Sequence[StoredResult]) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the per-player table (final metrics as ``final_<id>`` columns)."""
    metrics: list[str] = []
    for item in results:
        metrics += [m for m in item.record.metrics if m not in metrics]
    header = [*PLAYER_COLUMNS, *(METRIC_PREFIX + m for m in metrics)]
    same = group_numbers([item.record for item in results])
    rows = []
    for item, group in zip(results, same, strict=True):
        r = item.record
        rows.append(
            [
                *_who(item),
                r.seed,
                r.language,
                r.started.isoformat(),
                r.ended.isoformat(),
                r.score,
                r.grade or "",
                len(r.goals),
                ";".join(r.goals),
                r.ending or "",
                r.turns_played,
                len(r.decisions),
                r.origin_label() or "",
                "" if group is None else group,
                r.quarters or "",
                *(r.metrics.get(m, "") for m in metrics),
            ]
        )
    return header, rows


def _who(item: StoredResult) -> list[Any]:
    """The columns that open every table's row: which result, which class, who, which scenario."""
    r = item.record
    return [item.key, r.cohort, r.player, r.player_id or "", r.scenario_id, r.scenario_version]


def decision_rows(results: Sequence[StoredResult]) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the per-decision table."""
    rows = []
    for item in results:
        r = item.record
        for i, d in enumerate(r.decisions, start=1):
            action = "choose" if "choose" in d else "adopt" if "adopt" in d else "cancel"
            policy = d.get("adopt") or d.get("cancel") or ""
            event, choice = d.get("choose", ("", ""))
            rows.append(
                [
                    *_who(item),
                    i,
                    d["turn"],
                    action,
                    policy,
                    event,
                    choice,
                ]
            )
    return list(DECISION_COLUMNS), rows


def prediction_rows(results: Sequence[StoredResult]) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the per-prediction table (what each player expected, before seeing)."""
    rows = []
    for item in results:
        r = item.record
        for p in r.predictions:
            rows.append(
                [
                    *_who(item),
                    p["turn"],
                    p["policy"],
                    p["metric"],
                    p["by"],
                    p["expect"],
                ]
            )
    return list(PREDICTION_COLUMNS), rows


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def decisions_path(out: Path) -> Path:
    """The second CSV file beside ``out``."""
    return out.with_name(f"{out.stem}_decisions.csv")


def predictions_path(out: Path) -> Path:
    """The third CSV file beside ``out``."""
    return out.with_name(f"{out.stem}_predictions.csv")


Table = tuple[list[str], list[list[Any]]]
Writer = Callable[[list[Table], Path], list[Path]]


def export(results: Sequence[StoredResult], out: Path, fmt: str, force: bool = False) -> list[Path]:
    """Write the tables with the writer of ``fmt``; return the files written. Raise
    ResultError with one line. An existing file is replaced only with ``force``."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ResultError(
            Message.of(ResultText.UNKNOWN_FORMAT, format=fmt, choices=" or ".join(WRITERS))
        )
    if not out.parent.is_dir():
        raise ResultError(f"{out}: {english_first(ResultText.FOLDER_MISSING, folder=out.parent)}")
    beside = [decisions_path(out), predictions_path(out)] if fmt == "csv" else []
    existing = [p for p in (out, *beside) if p.exists()]
    if existing and not force:
        raise ResultError(f"{existing[0]}: {both(ResultText.EXISTS)}")
    tables = [player_rows(results), decision_rows(results), prediction_rows(results)]
    try:
        return writer(tables, out)
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.WRITE_EXPORT, path=str(out), reason=exc.strerror or str(exc))
        ) from None


def write_csv(tables: list[Table], out: Path) -> list[Path]:
    """Players in ``out``; decisions and predictions in ``<stem>_decisions.csv`` and
    ``<stem>_predictions.csv`` beside it."""
    targets = [out, decisions_path(out), predictions_path(out)]
    for target, table in zip(targets, tables):
        write_atomic(target, partial(_write_csv, table=table))
    return targets


def write_xlsx(tables: list[Table], out: Path) -> list[Path]:
    """One workbook, a sheet per table."""
    write_atomic(out, lambda f: _write_xlsx(f, tables))
    return [out]


def _write_csv(path: Path, table: Table) -> None:
    header, rows = table
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([[_cell(v) for v in row] for row in rows])


def _write_xlsx(path: Path, tables: list[Table]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, (header, rows) in zip(SHEETS, tables):
        sheet = book.create_sheet(name)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(sheet_text(v) if isinstance(v, str) else v) for v in row])
        sheet.freeze_panes = "A2"
        for i, title in enumerate(header, start=1):
            sheet.column_dimensions[sheet.cell(1, i).column_letter].width = max(
                10, min(40, len(title) + 2)
            )
    book.save(path)


# format name (--format, and the suffix of --out) -> the writer of that format
WRITERS: dict[str, Writer] = {"csv": write_csv, "xlsx": write_xlsx}
