"""Import refuses any result whose decisions do not reproduce it; the store stays unchanged."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.results.store import open_store
from game.results.verify import ScenarioLibrary
from tests.results.helpers import FIXTURES, MakeRecord


def _edit(tmp_path: Path, make_record: MakeRecord, change: object) -> Path:
    data = make_record(11, "random", "A", "Curang").to_json()
    assert callable(change)
    change(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    return path


def _adopt_index(data: dict[str, list[dict[str, object]]]) -> int:
    return next(i for i, d in enumerate(data["decisions"]) if "adopt" in d)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(score=d["score"] + 5), "score does not match"),
        (lambda d: d.update(score=d["score"] + 1e-6), "score does not match"),
        (lambda d: d.update(grade="Sangat baik"), "grade does not match"),
        (lambda d: d["metrics"].update(public_trust=99.0), "public_trust"),
        (lambda d: d["decisions"].pop(_adopt_index(d)), "do(es)? not (match|replay)"),
        (lambda d: d["decisions"].pop(), "do(es)? not (match|replay)|decisions incomplete"),
        (lambda d: d["decisions"].pop(0), "do(es)? not (match|replay)|decisions incomplete"),
        (lambda d: d.update(seed=d["seed"] + 1), "do(es)? not (match|replay)|decisions incomplete"),
        (lambda d: d.update(scenario_version="9.9.9"), "unknown scenario"),
    ],
)
def test_tampered_result_is_refused_and_store_unchanged(
    tmp_path: Path, make_record: MakeRecord, db: str, change: object, reason: str
) -> None:
    store = open_store(db)
    good = make_record(12)
    assert store.insert_records([good]) == [True]
    report = store.import_files([_edit(tmp_path, make_record, change)], FIXTURES)
    assert report.imported == [] and len(report.refused) == 1
    assert re.search(reason, report.refused[0][1]), report.refused[0][1]
    assert [r.key for r in store.results()] == [good.key()]


def test_untouched_result_verifies(tmp_path: Path, make_record: MakeRecord, db: str) -> None:
    report = open_store(db).import_files([_edit(tmp_path, make_record, lambda d: None)], FIXTURES)
    assert len(report.imported) == 1 and report.ok


def test_scenario_changed_after_play_is_refused(
    tmp_path: Path, make_record: MakeRecord, db: str
) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    text = (FIXTURES / "format_example.toml").read_text(encoding="utf-8")
    (folder / "example.toml").write_text(
        text.replace("start = 71", "start = 72", 1), encoding="utf-8"
    )
    result = _edit(tmp_path, make_record, lambda d: None)
    store = open_store(db)
    report = store.import_files([result], ScenarioLibrary.of(folder))
    assert report.refused and "scenario changed since play" in report.refused[0][1]
    assert store.count() == 0


def test_scenario_found_among_several_files(
    tmp_path: Path, make_record: MakeRecord, db: str
) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(FIXTURES / "format_example.toml", folder / "b.toml")
    (folder / "a.toml").write_text("not toml [", encoding="utf-8")
    report = open_store(db).import_files([_edit(tmp_path, make_record, lambda d: None)], folder)
    assert report.ok and len(report.imported) == 1
