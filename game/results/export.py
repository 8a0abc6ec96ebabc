"""Export for spreadsheets: one row per player (game) and one row per decision.

CSV: ``FILE``, ``FILE-stem_decisions.csv`` and ``FILE-stem_predictions.csv`` (UTF-8 with BOM
so Excel reads the accents). Excel: one workbook, sheets ``hasil_results``,
``keputusan_decisions`` and ``tebakan_predictions`` (the participants' predictions).
Text that a spreadsheet would take for a formula is prefixed with an apostrophe; characters an
Excel cell cannot hold (control characters in a name) are left out of the workbook only.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.errors import ResultError
from game.results.duplicates import group_numbers
from game.results.store import StoredResult
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
                item.key,
                r.cohort,
                r.player,
                r.player_id or "",
                r.scenario_id,
                r.scenario_version,
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
                    item.key,
                    r.cohort,
                    r.player,
                    r.player_id or "",
                    r.scenario_id,
                    r.scenario_version,
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
                    item.key,
                    r.cohort,
                    r.player,
                    r.player_id or "",
                    r.scenario_id,
                    r.scenario_version,
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


def export(results: Sequence[StoredResult], out: Path, fmt: str) -> list[Path]:
    """Write the tables; return the files written. Raise ResultError with one line."""
    if fmt not in ("csv", "xlsx"):
        raise ResultError(f"unknown format '{fmt}': choose csv or xlsx")
    if not out.parent.is_dir():
        raise ResultError(f"{out}: folder {out.parent} does not exist / folder tidak ada")
    tables = [player_rows(results), decision_rows(results), prediction_rows(results)]
    try:
        if fmt == "csv":
            targets = [out, decisions_path(out), predictions_path(out)]
            for target, (header, rows) in zip(targets, tables):
                _atomic(target, lambda f, h=header, rs=rows: _write_csv(f, h, rs))
            return targets
        _atomic(out, lambda f: _write_xlsx(f, tables))
        return [out]
    except OSError as exc:
        raise ResultError(f"{out}: cannot write: {exc.strerror or exc}") from None


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([[_cell(v) for v in row] for row in rows])


def _write_xlsx(path: Path, tables: list[tuple[list[str], list[list[Any]]]]) -> None:
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


def _atomic(target: Path, write: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
