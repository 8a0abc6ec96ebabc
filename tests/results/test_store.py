"""The store: import of whole classes, ranking, duplicates, concurrency, migration, PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from game.errors import ResultError
from game.results.duplicates import path_sha256
from game.results.record import Origin, read_result
from game.results.store import open_store, resolve_url
from game.results.store_tables import SCHEMA_VERSION
from tests.results.helpers import FIXTURES, PER_COHORT, MakeRecord


def test_three_classes_import_and_rank(classes: dict[str, list[Path]], db: str) -> None:
    store = open_store(db)
    report = store.import_files(
        [f.parent for f in (files[0] for files in classes.values())], FIXTURES
    )
    assert report.ok and len(report.imported) == 3 * PER_COHORT and not report.duplicates
    for cohort, files in classes.items():
        records = [read_result(f) for f in files]
        board = store.leaderboard("contoh-uji", cohort, limit=100)
        assert len(board) == PER_COHORT
        assert [r.score for r in board] == sorted((r.score for r in records), reverse=True)
        assert {r.player for r in board} == {r.player for r in records}
        for row in board:
            assert row.rank == 1 + sum(
                r.score > row.score for r in records
            )  # equal scores share a rank
            assert row.cohort == cohort and row.goals == len(
                next(r for r in records if r.player == row.player).goals
            )
    assert len(store.leaderboard(None, "A", limit=5)) == 5
    assert store.versions("A") == [("contoh-uji@1.0.0", PER_COHORT)]


def test_same_result_twice_is_kept_once(
    classes: dict[str, list[Path]], db: str, tmp_path: Path
) -> None:
    store = open_store(db)
    copy = tmp_path / "copy.json"
    copy.write_bytes(classes["A"][0].read_bytes())
    report = store.import_files([classes["A"][0], copy], FIXTURES)
    assert len(report.imported) == 1 and report.duplicates == [copy]
    again = store.import_files([classes["A"][0]], FIXTURES)
    assert again.imported == [] and again.duplicates == [classes["A"][0]]
    assert store.count() == 1


def test_a_refused_file_does_not_stop_the_others(
    classes: dict[str, list[Path]], db: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    report = open_store(db).import_files([*classes["C"][:3], bad, tmp_path / "missing"], FIXTURES)
    assert len(report.imported) == 3
    assert [p for p, _ in report.refused] == [tmp_path / "missing", bad]


def test_concurrent_imports_lose_nothing(classes: dict[str, list[Path]], db: str) -> None:
    open_store(db)  # schema in place; the racing processes only insert
    a = [str(f) for f in classes["A"] + classes["B"]]
    b = [str(f) for f in classes["B"] + classes["C"]]  # B is imported by both at once
    code = (
        "import sys; from pathlib import Path; from game.results.store import open_store; "
        "r = open_store(sys.argv[1]).import_files([Path(p) for p in sys.argv[3:]], Path(sys.argv[2])); "
        "print(len(r.imported), len(r.duplicates), len(r.refused))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, db, str(FIXTURES), *files],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in (a, b)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    counts = [tuple(map(int, out.split())) for out, _ in outs]
    assert sum(c[0] for c in counts) == 3 * PER_COHORT  # each result stored by exactly one process
    assert sum(c[1] for c in counts) == PER_COHORT and all(c[2] == 0 for c in counts)
    assert open_store(db).count() == 3 * PER_COHORT


V1_DDL = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE results (
    id INTEGER PRIMARY KEY AUTOINCREMENT, key VARCHAR(64) NOT NULL UNIQUE,
    scenario_id VARCHAR(200) NOT NULL, scenario_version VARCHAR(100) NOT NULL,
    scenario_sha256 VARCHAR(64) NOT NULL, seed BIGINT NOT NULL, language VARCHAR(20) NOT NULL,
    player VARCHAR(200) NOT NULL, player_id VARCHAR(100), cohort VARCHAR(100) NOT NULL,
    started VARCHAR(40) NOT NULL, ended VARCHAR(40) NOT NULL, score FLOAT NOT NULL,
    grade VARCHAR(200), ending VARCHAR(200), record TEXT NOT NULL, imported_at VARCHAR(40) NOT NULL
)
"""


def test_version_1_database_is_migrated(db: str, make_record: MakeRecord) -> None:
    engine = create_engine(f"sqlite:///{db}")
    records = [make_record(s, "greedy") for s in range(3)]
    with engine.begin() as conn:
        for statement in V1_DDL.split(";"):
            conn.exec_driver_sql(statement)
        for i, r in enumerate(records):
            conn.execute(
                text(
                    "INSERT INTO results (key, scenario_id, scenario_version, scenario_sha256, seed, language, player,"
                    " cohort, started, ended, score, grade, ending, record, imported_at) VALUES (:k, :sid, :v, :sha,"
                    " :seed, 'id', :p, 'OLD', 'x', 'x', :score, :grade, NULL, :rec, 'x')"
                ),
                {
                    "k": r.key(),
                    "sid": r.scenario_id,
                    "v": r.scenario_version,
                    "sha": r.scenario_sha256,
                    "seed": r.seed,
                    "p": f"P{i}",
                    "score": r.score,
                    "grade": r.grade,
                    "rec": r.canonical(),
                },
            )
    engine.dispose()
    store = open_store(db)
    assert store.migrate() == SCHEMA_VERSION
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == SCHEMA_VERSION
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("results")}
        stored = conn.execute(text("SELECT origin, path_sha256 FROM results ORDER BY id")).all()
    assert "ix_results_board" in indexes and "ix_results_path" in indexes
    assert stored == [(None, path_sha256(r)) for r in records]  # old rows: origin unknown
    board = store.leaderboard("contoh-uji", "OLD")
    assert [row.goals for row in board] == [
        len(r.goals) for r in sorted(records, key=lambda r: -r.score)
    ]
    assert len(store.results(["OLD"])) == 3


def test_origin_is_stored_as_a_column(db: str, make_record: MakeRecord) -> None:
    store = open_store(db)
    made = [
        make_record(1).model_copy(update={"origin": Origin(tool="game")}),
        make_record(2).model_copy(update={"origin": Origin(tool="simulate", bot="greedy")}),
        make_record(3).model_copy(update={"origin": Origin(tool="simulate", plan="rencana.toml")}),
        make_record(4),
    ]
    store.insert_records(made)
    with store.engine.connect() as conn:
        origins = conn.execute(text("SELECT origin FROM results ORDER BY id")).scalars().all()
    assert origins == ["game", "simulate:greedy", "simulate:plan:rencana.toml", None]


def test_newer_schema_is_refused(db: str) -> None:
    store = open_store(db)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 99"))
    with pytest.raises(ResultError, match="newer than this app"):
        open_store(db)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/no/such/folder/x.sqlite", "does not exist"),
        ("mysql://u@h/db", "only SQLite and PostgreSQL"),
        ("notascheme://x", "only SQLite and PostgreSQL"),
        ("postgresql://h:port/db", "not a database URL"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot open the results database"),
    ],
)
def test_bad_database_is_one_line(url: str, reason: str) -> None:
    with pytest.raises(ResultError, match=reason) as info:
        open_store(url)
    assert "\n" not in str(info.value)


def test_postgresql_urls_use_psycopg3() -> None:
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert resolve_url("postgresql+psycopg2://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_other_postgresql_drivers_are_one_line() -> None:
    with pytest.raises(ResultError, match="postgresql://") as info:
        open_store("postgresql+asyncpg://u@127.0.0.1:1/db")
    assert "\n" not in str(info.value)


BLOCK_PSYCOPG = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg", "psycopg2"):
            raise ImportError("blocked")
sys.meta_path.insert(0, Block())
from game.cli import main
main()
"""


def test_missing_driver_says_what_to_install(tmp_path: Path) -> None:
    for url in ("postgresql://u@127.0.0.1:1/db", "postgresql+psycopg2://u@127.0.0.1:1/db"):
        proc = subprocess.run(
            [sys.executable, "-c", BLOCK_PSYCOPG, "results", "list", "--db", url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "pip install" in lines[0] and "psycopg[binary]" in lines[0]


@pytest.fixture()
def pg_url() -> str:
    """A fresh database on the PostgreSQL server of AGEN_TEST_PG_URL, or a visible skip."""
    url = os.environ.get("AGEN_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL tests skipped: AGEN_TEST_PG_URL is not set")
    try:
        store = open_store(url)
    except ResultError as exc:
        pytest.skip(f"PostgreSQL tests skipped: server unreachable ({exc})")
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS results, schema_version"))
    store.close()
    return url


@pytest.mark.parametrize(
    "scheme", ["postgresql://", "postgresql+psycopg://", "postgresql+psycopg2://"]
)
def test_every_postgresql_spelling_opens_the_store(pg_url: str, scheme: str) -> None:
    rest = pg_url.split("://", 1)[1]
    store = open_store(scheme + rest)
    assert store.backend == "postgresql" and store.count() == 0
    store.close()


def test_postgresql_store(pg_url: str, classes: dict[str, list[Path]]) -> None:
    store = open_store(pg_url)
    assert store.backend == "postgresql"
    report = store.import_files([classes["A"][0].parent, classes["B"][0].parent], FIXTURES)
    assert report.ok and len(report.imported) == 2 * PER_COHORT
    again = store.import_files([classes["A"][0]], FIXTURES)
    assert again.duplicates == [classes["A"][0]]
    board = store.leaderboard("contoh-uji", "B", limit=10)
    scores = sorted((read_result(f).score for f in classes["B"]), reverse=True)[:10]
    assert [r.score for r in board] == scores
    stored = store.results(["A"])
    assert {json.dumps(s.record.to_json(), sort_keys=True) for s in stored} == {
        json.dumps(read_result(f).to_json(), sort_keys=True) for f in classes["A"]
    }
    assert open_store(pg_url).migrate() == SCHEMA_VERSION  # opening again keeps the schema
