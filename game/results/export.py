"""Export for spreadsheets: one row per player (game), per decision and per prediction.

The tables are named in :data:`SHEETS` and :data:`CSV_SUFFIXES`; the formats are
:data:`WRITERS`, one entry each: how a format writes the tables, which files it writes (the
overwrite guard checks exactly those) and the words ``agen results export --help`` shows for
it, derived from those names. CSV files are
UTF-8 with BOM so Excel reads the accents. Text that a spreadsheet would take for a formula is
prefixed with an apostrophe; characters an Excel cell cannot hold (control characters in a
name) are left out of the workbook only.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.atomic import write_atomic
from game.errors import Message, ResultError
from game.i18n import both, english_first
from game.results.duplicates import group_numbers
from game.results.result_text import ResultText
from game.safe_text import sheet_text

if TYPE_CHECKING:  # the store (SQLAlchemy) is not loaded for --help
    from game.results.store import StoredResult

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
# sheet name (Excel), suffix of the file beside FILE (CSV; the first table is FILE itself)
SHEETS = ("hasil_results", "keputusan_decisions", "tebakan_predictions")
CSV_SUFFIXES = ("", "_decisions", "_predictions")


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


def csv_paths(out: Path) -> list[Path]:
    """The CSV files of an export to ``out``: ``out`` itself, then one beside it per table."""
    return [
        out if not suffix else out.with_name(f"{out.stem}{suffix}.csv") for suffix in CSV_SUFFIXES
    ]


def decisions_path(out: Path) -> Path:
    """The second CSV file beside ``out``."""
    return csv_paths(out)[1]


def predictions_path(out: Path) -> Path:
    """The third CSV file beside ``out``."""
    return csv_paths(out)[2]


Table = tuple[list[str], list[list[Any]]]
Writer = Callable[[list[Table], Path], list[Path]]


@dataclass(frozen=True)
class Format:
    """One export format: its writer, the files it writes for an ``--out`` (the overwrite
    guard reads these, so a format never needs a case of its own there) and its help words."""

    write: Writer
    files: Callable[[Path], list[Path]]
    about: Callable[[], str]  # English, for --help


def export(results: Sequence[StoredResult], out: Path, fmt: str, force: bool = False) -> list[Path]:
    """Write the tables in format ``fmt``; return the files written. Raise ResultError with
    one line. An existing file is replaced only with ``force``."""
    chosen = WRITERS.get(fmt)
    if chosen is None:
        raise ResultError(
            Message.of(ResultText.UNKNOWN_FORMAT, format=fmt, choices=" or ".join(WRITERS))
        )
    if not out.parent.is_dir():
        raise ResultError(f"{out}: {english_first(ResultText.FOLDER_MISSING, folder=out.parent)}")
    existing = [p for p in chosen.files(out) if p.exists()]
    if existing and not force:
        raise ResultError(f"{existing[0]}: {both(ResultText.EXISTS)}")
    tables = [player_rows(results), decision_rows(results), prediction_rows(results)]
    try:
        return chosen.write(tables, out)
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.WRITE_EXPORT, path=str(out), reason=exc.strerror or str(exc))
        ) from None


def formats_help() -> str:
    """What each format writes, for ``agen results export --help`` (from :data:`WRITERS`)."""
    return "; ".join(f"{name}: {chosen.about()}" for name, chosen in WRITERS.items())


def write_csv(tables: list[Table], out: Path) -> list[Path]:
    """Players in ``out``; decisions and predictions in ``<stem>_decisions.csv`` and
    ``<stem>_predictions.csv`` beside it."""
    targets = csv_paths(out)
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


def _csv_about() -> str:
    names = ", ".join(p.name for p in csv_paths(Path("FILE.csv")))
    return f"{len(CSV_SUFFIXES)} files ({names})"


def _xlsx_about() -> str:
    return f"one workbook, {len(SHEETS)} sheets ({', '.join(SHEETS)})"


# format name (--format, and the suffix of --out) -> the format: a new one is one entry here
WRITERS: dict[str, Format] = {
    "csv": Format(write_csv, csv_paths, _csv_about),
    "xlsx": Format(write_xlsx, lambda out: [out], _xlsx_about),
}
