"""The results store: SQLite by default (one file in the user data folder) or PostgreSQL.

``open_store(url)`` returns a :class:`ResultStore`; it creates or upgrades the schema.
Imports verify every file by replay first, then write the batch in one transaction;
a result already stored (same canonical record) is kept once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, not_, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from game import paths
from game.errors import Message, ResultError
from game.i18n import english_first
from game.results.collector import cycles_uncollected
from game.results.files import collect_files
from game.results.record import ResultRecord, read_result
from game.results.result_text import ResultText
from game.results.store_insert import insert_new
from game.results.store_tables import ensure_schema, results
from game.results.verify import ScenarioLibrary, verify

_PG_LOCK = 7_301_955  # advisory lock id held while creating or upgrading the schema


def default_results_dir() -> Path:
    """Where the game writes result files."""
    return paths.results_dir()


def default_db_path() -> Path:
    """The default SQLite store."""
    return paths.store_path()


@dataclass(frozen=True)
class LeaderRow:
    """One line of a leaderboard."""

    rank: int
    player: str
    score: float
    grade: str | None
    goals: int
    player_id: str | None = None
    cohort: str = ""
    scenario_id: str = ""
    scenario_version: str = ""
    same_path: int | None = None  # group of identical decision paths in the class (a copy?)


@dataclass(frozen=True)
class StoredResult:
    """A verified result as stored."""

    key: str
    record: ResultRecord
    imported_at: str


@dataclass
class ImportReport:
    """What an import did with each file."""

    imported: list[Path]
    duplicates: list[Path]
    refused: list[tuple[Path, str]]

    @property
    def ok(self) -> bool:
        """True when no file was refused."""
        return not self.refused


def resolve_url(url: str | None) -> str:
    """A SQLAlchemy URL from a URL, a plain file path or None (the default SQLite file)."""
    if url is None or not url.strip():
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    url = url.strip()
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        if path.is_dir():
            raise ResultError(Message.of(ResultText.DB_IS_FOLDER, url=url))
        if not path.parent.is_dir():
            raise ResultError(
                f"{url}: {english_first(ResultText.FOLDER_MISSING, folder=path.parent)}"
            )
        return f"sqlite:///{path}"
    # every spelling of PostgreSQL goes through psycopg (version 3), installed with the game
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    scheme = url.split("://", 1)[0]
    if scheme.startswith("postgresql+") and scheme != "postgresql+psycopg":
        raise ResultError(f"{scheme}://: {english_first(ResultText.PSYCOPG_ONLY)}")
    return url


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [ln.strip() for ln in str(orig).splitlines() if ln.strip()]
    return lines[0] if lines else type(orig).__name__


def open_store(url: str | None = None) -> ResultStore:
    """Open (creating or upgrading) the store at ``url``; raise ResultError with one line."""
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise ResultError(Message.of(ResultText.DB_KIND, url=_safe(resolved)))
        engine = _engine(resolved, parsed.get_backend_name())
        store = ResultStore(engine)
        store.migrate()
    except ImportError:
        raise ResultError(english_first(ResultText.PSYCOPG_MISSING)) from None
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise ResultError(
            Message.of(ResultText.DB_URL, url=str(url), reason=_reason(exc))
        ) from None
    except SQLAlchemyError as exc:
        raise ResultError(
            Message.of(ResultText.DB_OPEN, url=_safe(resolved), reason=_reason(exc))
        ) from None
    return store


def _engine(url: str, backend: str) -> Engine:
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # writers take the lock at once (waiting up to the timeout), so none is lost
            write = conn.get_execution_options().get("agen_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


# A short-form game's canonical record holds "quarters":N (a later field, absent from full
# games); inside a JSON string a quote is escaped, so no player name can fake the match.
SHORT_FORM = results.c.record.contains('"quarters":')


class ResultStore:
    """Verified results in a database; safe to use from several processes at once."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def migrate(self) -> int:
        """Create or upgrade the schema; return its version."""
        with self._writing() as conn:
            if self.backend == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            return ensure_schema(conn)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(agen_write=True) as conn, conn.begin():
            yield conn

    # -- writing ------------------------------------------------------------------------

    def import_files(
        self, paths: Iterable[Path], scenarios: ScenarioLibrary | Path | None = None
    ) -> ImportReport:
        """Verify every result file under ``paths`` by replay; store the good ones in one batch."""
        library = (
            scenarios if isinstance(scenarios, ScenarioLibrary) else ScenarioLibrary.of(scenarios)
        )
        files, refused = collect_files(paths)
        good: list[tuple[Path, ResultRecord]] = []
        with cycles_uncollected():
            for file in files:
                try:
                    record = read_result(file)
                    verify(record, library)
                except ResultError as exc:
                    refused.append((file, str(exc)))
                    continue
                good.append((file, record))
        added = self.insert_records([r for _, r in good])
        report = ImportReport([], [], refused)
        for (file, _), new in zip(good, added, strict=True):
            (report.imported if new else report.duplicates).append(file)
        return report

    def insert_records(self, records: Sequence[ResultRecord]) -> list[bool]:
        """Store already verified records in one transaction; True for each newly added one."""
        if not records:
            return []
        try:
            with self._writing() as conn:
                return self.insert_within(conn, records)
        except SQLAlchemyError as exc:
            raise ResultError(Message.of(ResultText.DB_WRITE, reason=_reason(exc))) from None

    def insert_within(
        self,
        conn: Connection,
        records: Sequence[ResultRecord],
        keyed: Sequence[tuple[str, str]] | None = None,
    ) -> list[bool]:
        """Store verified records inside the caller's open write transaction (the class
        server writes a result and its seat together); True for each newly added one.
        ``keyed``: each record's ``canonical_and_key()`` when the caller has it already."""
        return insert_new(conn, self.backend, records, keyed)

    # -- reading ------------------------------------------------------------------------

    def leaderboard(
        self, scenario_id: str | None, cohort: str | None, limit: int = 50, short: bool = False
    ) -> list[LeaderRow]:
        """The best results first (one row per game); equal scores share a rank.

        Full games and short-form games are never ranked together: ``short`` picks which."""
        c = results.c
        query = select(
            c.player,
            c.player_id,
            c.score,
            c.grade,
            c.goals_count,
            c.cohort,
            c.scenario_id,
            c.scenario_version,
            c.path_sha256,
        )
        twins = select(c.cohort, c.scenario_id, c.scenario_version, c.path_sha256)
        if scenario_id is not None:
            sid, _, version = scenario_id.partition("@")
            query = query.where(c.scenario_id == sid)
            twins = twins.where(c.scenario_id == sid)
            if version:
                query = query.where(c.scenario_version == version)
                twins = twins.where(c.scenario_version == version)
        if cohort is not None:
            query = query.where(c.cohort == cohort)
            twins = twins.where(c.cohort == cohort)
        query = query.where(SHORT_FORM if short else not_(SHORT_FORM))
        query = query.order_by(c.score.desc()).limit(max(0, limit))
        twins = twins.group_by(c.cohort, c.scenario_id, c.scenario_version, c.path_sha256).having(
            func.count() > 1
        )

        def read(conn: Connection) -> tuple[list[Any], set[tuple[Any, ...]]]:
            found = list(conn.execute(query).all())
            # Only the paths of the rows shown can be flagged: look those up (by index),
            # not every path of the whole store.
            paths = {r.path_sha256 for r in found if r.path_sha256 is not None}
            if not paths:
                return found, set()
            near = twins.where(c.path_sha256.in_(sorted(paths)))
            return found, {tuple(t) for t in conn.execute(near).all()}

        rows, shared = self._read(read)
        return _ranked(rows, shared)

    def results(
        self, cohorts: Sequence[str] = (), scenario: str | None = None
    ) -> list[StoredResult]:
        """Stored results, filtered by cohort codes and ``ID`` or ``ID@VERSION``; oldest first."""
        c = results.c
        query = select(c.key, c.record, c.imported_at).order_by(c.id)
        if cohorts:
            query = query.where(c.cohort.in_(list(cohorts)))
        if scenario:
            sid, _, version = scenario.partition("@")
            query = query.where(c.scenario_id == sid)
            if version:
                query = query.where(c.scenario_version == version)
        rows = self._read(lambda conn: conn.execute(query).all())
        return [
            StoredResult(k, ResultRecord.model_validate(json.loads(rec)), at) for k, rec, at in rows
        ]

    def versions(self, cohort: str | None, scenario: str | None = None) -> list[tuple[str, int]]:
        """The ``ID@VERSION`` of the scenarios played (by a cohort), with their result counts."""
        c = results.c
        query = select(c.scenario_id, c.scenario_version, func.count()).group_by(
            c.scenario_id, c.scenario_version
        )
        if cohort is not None:
            query = query.where(c.cohort == cohort)
        if scenario:
            sid, _, version = scenario.partition("@")
            query = query.where(c.scenario_id == sid)
            if version:
                query = query.where(c.scenario_version == version)
        rows = self._read(
            lambda conn: conn.execute(query.order_by(c.scenario_id, c.scenario_version)).all()
        )
        return [(f"{sid}@{version}", int(n)) for sid, version, n in rows]

    def count(self) -> int:
        """How many results are stored."""
        value = self._read(
            lambda conn: conn.execute(select(func.count()).select_from(results)).scalar()
        )
        return int(value or 0)

    def _read(self, fn: Any) -> Any:
        try:
            with self.engine.connect() as conn:
                return fn(conn)
        except SQLAlchemyError as exc:
            raise ResultError(Message.of(ResultText.DB_READ, reason=_reason(exc))) from None


def _ranked(rows: list[Any], shared: set[tuple[Any, ...]]) -> list[LeaderRow]:
    """The rows best first, equal scores sharing a rank, and each game whose path others of
    its class also played numbered by its group, so identical games are seen on the board."""
    rows.sort(key=lambda r: (-r.score, r.player.casefold()))
    groups: dict[tuple[Any, ...], int] = {}
    for r in rows:
        path = (r.cohort, r.scenario_id, r.scenario_version, r.path_sha256)
        if path in shared:
            groups.setdefault(path, len(groups) + 1)
    out: list[LeaderRow] = []
    for i, r in enumerate(rows):
        rank = out[-1].rank if out and out[-1].score == r.score else i + 1
        out.append(
            LeaderRow(
                rank,
                r.player,
                r.score,
                r.grade,
                r.goals_count,
                r.player_id,
                r.cohort,
                r.scenario_id,
                r.scenario_version,
                groups.get((r.cohort, r.scenario_id, r.scenario_version, r.path_sha256)),
            )
        )
    return out
