"""What the import and the report skip to be fast changes nothing: only the scenario a result
names is loaded, a batch of rows is stored as if one by one, the collector is paused only while
files are replayed or a report is drawn, and the decisions replayed are the record's own."""

from __future__ import annotations

import gc
import pickle
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Decision
from game.results.class_report import write_report
from game.results.record import ResultRecord, parse_result, write_result
from game.results.store import StoredResult, open_store
from game.results.verify import ScenarioLibrary
from game.scenario import LoadedScenario
from tests.results.helpers import FIXTURES, MakeRecord


def _library_with_broken_file(tmp_path: Path) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(FIXTURES / "format_example.toml", folder / "b.toml")
    (folder / "a.toml").write_text("not toml [", encoding="utf-8")
    return folder


def test_only_the_scenario_a_result_names_is_loaded(
    tmp_path: Path, make_record: MakeRecord, db: str
) -> None:
    library = ScenarioLibrary.of(_library_with_broken_file(tmp_path))
    result = write_result(make_record(31), tmp_path / "r.json")
    report = open_store(db).import_files([result], library)
    assert report.ok and len(report.imported) == 1
    assert library.broken == {}  # a.toml was never loaded: its hash is not the result's


def test_a_result_of_no_scenario_here_still_searches_every_file(
    tmp_path: Path, make_record: MakeRecord, db: str
) -> None:
    library = ScenarioLibrary.of(_library_with_broken_file(tmp_path))
    data = make_record(32).to_json()
    data["scenario_sha256"] = "0" * 64
    path = tmp_path / "r.json"
    path.write_bytes(ResultRecord.model_validate(data).canonical().encode("utf-8"))
    report = open_store(db).import_files([path], library)
    assert "scenario changed since play" in report.refused[0][1]
    assert list(library.broken) == [str(library.folders[0] / "a.toml")]


def test_by_hash_finds_the_file_played(tmp_path: Path, make_record: MakeRecord) -> None:
    library = ScenarioLibrary.of(_library_with_broken_file(tmp_path))
    found = library.by_hash(make_record(33).scenario_sha256)
    assert found is not None and Path(found.path).name == "b.toml"
    assert library.by_hash("f" * 64) is None


@settings(max_examples=30, deadline=None)
@given(
    stored=st.lists(st.integers(0, 3), max_size=3),
    batch=st.lists(st.integers(0, 3), max_size=8),
)
def test_a_batch_is_stored_as_if_one_by_one(
    make_record: MakeRecord, stored: list[int], batch: list[int]
) -> None:
    records = [make_record(40 + i, player=f"Pemain {i}") for i in range(4)]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "s.sqlite"))
        for i in stored:
            store.insert_records([records[i]])
        added = store.insert_records([records[i] for i in batch])
        seen = set(stored)
        expected = []
        for i in batch:
            expected.append(i not in seen)
            seen.add(i)
        assert added == expected
        order = list(dict.fromkeys([*stored, *batch]))  # first stored first
        assert [r.key for r in store.results()] == [records[i].key() for i in order]
        store.close()


class _Watching(ScenarioLibrary):
    """A library that notes whether the cyclic collector ran while each record was found."""

    seen: list[bool]

    def find(self, record: ResultRecord) -> LoadedScenario:
        self.seen.append(gc.isenabled())
        return super().find(record)


def test_the_collector_is_paused_only_while_replaying(
    tmp_path: Path, make_record: MakeRecord, db: str
) -> None:
    files = [write_result(make_record(50 + i), tmp_path / f"{i}.json") for i in range(3)]
    store = open_store(db)
    library = _Watching((FIXTURES,))
    library.seen = []
    assert gc.isenabled()
    store.import_files(files, library)
    assert library.seen == [False, False, False] and gc.isenabled()
    gc.disable()
    try:
        store.import_files(files, library)
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()


def test_the_decisions_replayed_are_the_record_s_own(make_record: MakeRecord) -> None:
    made = make_record(60)
    read = parse_result(made.canonical().encode("utf-8"))
    plain = [Decision.from_json(d) for d in read.decisions]
    assert read.decision_objects() == plain and read == made
    assert pickle.loads(pickle.dumps(read)).decision_objects() == plain
    other = make_record(61)
    moved = read.model_copy(update={"decisions": tuple(other.decisions)})
    assert moved.decision_objects() == [Decision.from_json(d) for d in other.decisions]
    assert read.to_json() == made.to_json() and isinstance(read.to_json()["decisions"], list)


def test_a_report_pauses_the_collector_only_while_it_is_made(
    tmp_path: Path, make_record: MakeRecord
) -> None:
    records = [make_record(70 + i) for i in range(3)]
    items = [StoredResult(r.key(), r, "2026-12-06T00:00:00+00:00") for r in records]
    seen: list[tuple[str, bool]] = []
    page = write_report(
        items,
        "A",
        tmp_path / "report",
        ScenarioLibrary.of(FIXTURES),
        done=lambda kind: seen.append((kind, gc.isenabled())),
    )
    assert page.is_file() and gc.isenabled()
    assert {kind for kind, _ in seen} == {"replay", "chart"}
    assert not any(on for _, on in seen)
