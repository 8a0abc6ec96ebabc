"""Result files: what they hold, atomic writing, strict reading."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from game.errors import ResultError
from game.results.record import ResultRecord, read_result, record_from_game, write_result
from game.scenario import LoadedScenario
from tests.results.helpers import MakeRecord, play


def test_record_holds_what_replay_needs(make_record: MakeRecord, loaded: LoadedScenario) -> None:
    record = make_record(7, "random", "PKA-II", "Siti Aminah")
    data = record.to_json()
    assert data["format"] == 1
    assert data["scenario_id"] == "contoh-uji" and data["scenario_version"] == "1.0.0"
    assert data["scenario_sha256"] == loaded.sha256
    assert data["seed"] == 7 and data["cohort"] == "PKA-II" and data["player"] == "Siti Aminah"
    game = play(loaded, "random", 7)
    assert data["decisions"] == [d.to_json() for d in game.decisions]
    assert game.outcome is not None and data["score"] == game.outcome.score


def test_write_then_read_is_the_same_record(tmp_path: Path, make_record: MakeRecord) -> None:
    record = make_record(3)
    path = write_result(record, tmp_path / "one.json")
    assert path == tmp_path / "one.json"
    assert read_result(path) == record
    assert [p.name for p in tmp_path.iterdir()] == ["one.json"]  # no temporary file left


def test_folder_target_gets_a_safe_unique_name(tmp_path: Path, make_record: MakeRecord) -> None:
    record = make_record(3, cohort="PKA/2026 B", player="Dr. Budi: S*")
    first = write_result(record, tmp_path)
    second = write_result(record, tmp_path)
    assert first != second and first.parent == tmp_path == second.parent
    assert first.name.startswith("PKA-2026-B_Dr-Budi-S_contoh-uji_")
    assert all(c.isalnum() or c in "-_.~" for c in first.name + second.name)


def test_missing_folders_are_created(tmp_path: Path, make_record: MakeRecord) -> None:
    path = write_result(make_record(1), tmp_path / "a" / "b")
    assert path.parent == tmp_path / "a" / "b" and path.suffix == ".json"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere: permission test skipped")
def test_unwritable_folder_is_one_line(tmp_path: Path, make_record: MakeRecord) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ResultError, match="cannot write"):
            write_result(make_record(1), tmp_path / "x.json")
    finally:
        tmp_path.chmod(0o700)


def test_write_into_a_file_as_folder_is_refused(tmp_path: Path, make_record: MakeRecord) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ResultError, match="cannot write"):
        write_result(make_record(1), blocker / "x.json")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "no 'format'"),
        ('{"format": 2}', "format 2 is not supported"),
        ('{"format": 1, "player": "x"}', "Field required"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(ResultError, match=reason) as info:
        read_result(path)
    assert "\n" not in str(info.value)


def test_unknown_fields_and_bad_decisions_are_refused(
    tmp_path: Path, make_record: MakeRecord
) -> None:
    data = make_record(2).to_json()
    changes: list[tuple[Callable[[dict[str, Any]], None], str]] = [
        (lambda d: d.update(extra=1), "extra"),
        (lambda d: d["decisions"].append({"turn": 1, "fly": "x"}), "decision"),
    ]
    for change, reason in changes:
        copy = json.loads(json.dumps(data))
        change(copy)
        path = tmp_path / "x.json"
        path.write_text(json.dumps(copy))
        with pytest.raises(ResultError, match=reason):
            read_result(path)


def test_unfinished_game_has_no_record(loaded: LoadedScenario) -> None:
    from game.engine import Game

    with pytest.raises(ResultError, match="not finished"):
        record_from_game(
            Game(loaded.compiled, 1), loaded, player="x", player_id=None, cohort="A", language="id"
        )


def test_times_are_kept(make_record: MakeRecord, loaded: LoadedScenario) -> None:
    start = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
    end = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
    record = record_from_game(
        play(loaded, "random", 4),
        loaded,
        player="x",
        player_id="1987",
        cohort="A",
        language="en",
        started=start,
        ended=end,
    )
    again = ResultRecord.model_validate(record.to_json())
    assert (again.started, again.ended, again.player_id, again.language) == (
        start,
        end,
        "1987",
        "en",
    )
