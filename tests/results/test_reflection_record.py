"""Result files with predictions and short forms: written, read, verified by replay,
stored apart; an old file without them keeps importing under the same key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Adopt, Game
from game.engine.prediction import Prediction
from game.errors import ResultError
from game.results.record import (
    ResultRecord,
    parse_result,
    read_result,
    record_from_game,
    write_result,
)
from game.results.store import open_store
from game.results.verify import ScenarioLibrary, verify
from game.scenario import LoadedScenario, load_scenario
from game.scenario.reflection_keys import with_turns
from tests.results.helpers import SCENARIO, MakeRecord


def _played(compiled: object, adopt_turn1: str = "online_services") -> Game:
    game = Game(compiled, 5)  # type: ignore[arg-type]
    while not game.over:
        for e in game.pending_events():
            from game.engine import Choose

            game.act(Choose(e, game.default_choice(e)))
        if game.turn == 1:
            game.act(Adopt(adopt_turn1))
        game.end_turn()
    return game


def _with_predictions(loaded: LoadedScenario) -> ResultRecord:
    game = _played(loaded.compiled)
    preds = (
        Prediction(1, "online_services", "capacity", 2, "up"),
        Prediction(1, "online_services", "digital", 2, "up"),
    )
    return record_from_game(
        game, loaded, player="Rina", player_id=None, cohort="R", language="en", predictions=preds
    )


def test_predictions_round_trip_and_verify(tmp_path: Path, loaded: LoadedScenario) -> None:
    record = _with_predictions(loaded)
    path = write_result(record, tmp_path / "r.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["predictions"][0] == {
        "turn": 1,
        "policy": "online_services",
        "metric": "capacity",
        "by": 2,
        "expect": "up",
    }
    back = read_result(path)
    assert back.prediction_objects()[1].metric == "digital"
    game = verify(back, ScenarioLibrary.of(SCENARIO.parent))
    assert game.outcome is not None and game.outcome.score == record.score


def test_predictions_change_nothing_in_the_replay(loaded: LoadedScenario) -> None:
    record = _with_predictions(loaded)
    bare = record.model_copy(update={"predictions": ()})
    library = ScenarioLibrary.of(SCENARIO.parent)
    with_them, without = verify(record, library), verify(bare, library)
    assert all(with_them.history_of(n) == without.history_of(n) for n in without.values)
    assert record.key() != bare.key()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"policy": "full_wfa"}, "no adoption of 'full_wfa' in turn 1"),
        ({"turn": 2}, "no adoption of 'online_services' in turn 2"),
        ({"metric": "budget"}, "'budget' is not a metric"),
        ({"by": 99}, "quarter 99 is outside"),
    ],
)
def test_a_prediction_that_does_not_fit_the_decisions_is_refused(
    loaded: LoadedScenario, change: dict[str, object], message: str
) -> None:
    record = _with_predictions(loaded)
    data = record.to_json()
    data["predictions"][0].update(change)
    bad = parse_result(json.dumps(data).encode())
    with pytest.raises(ResultError, match=message):
        verify(bad, ScenarioLibrary.of(SCENARIO.parent))


def test_a_malformed_prediction_is_refused_on_reading(loaded: LoadedScenario) -> None:
    data = _with_predictions(loaded).to_json()
    data["predictions"][0]["expect"] = "sideways"
    with pytest.raises(ResultError, match=r"predictions.*prediction 1"):
        parse_result(json.dumps(data).encode())


def test_an_old_file_without_the_new_fields_imports_with_its_key(
    tmp_path: Path, make_record: MakeRecord
) -> None:
    record = make_record(11)
    data = record.to_json()
    assert "predictions" not in data and "quarters" not in data
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    back = read_result(old)
    assert back.predictions == () and back.quarters is None and back.key() == record.key()
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        report = store.import_files([old], SCENARIO.parent)
        assert report.imported == [old]
    finally:
        store.close()


def test_short_form_is_verified_and_ranked_apart(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    text = SCENARIO.read_text(encoding="utf-8") + "\n[short_form]\nturns = 3\n"
    (folder / "s.toml").write_text(text, encoding="utf-8")
    loaded = load_scenario(folder / "s.toml")
    short_game = _played(with_turns(loaded.compiled, 3))
    full_game = _played(loaded.compiled)
    short = record_from_game(
        short_game, loaded, player="Short", player_id=None, cohort="K", language="id"
    )
    full = record_from_game(
        full_game, loaded, player="Full", player_id=None, cohort="K", language="id"
    )
    assert short.quarters == 3 and short.turns_played == 3 and full.quarters is None
    library = ScenarioLibrary.of(folder)
    verify(short, library)
    with pytest.raises(ResultError, match="quarters: 5 turns is not offered"):
        verify(short.model_copy(update={"quarters": 5}), library)
    with pytest.raises(ResultError):  # the same decisions do not make a full game
        verify(short.model_copy(update={"quarters": None}), library)
    files = [write_result(r, tmp_path / "res") for r in (short, full)]
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        store.import_files(files, folder)
        full_board = store.leaderboard(loaded.scenario.id, "K")
        short_board = store.leaderboard(loaded.scenario.id, "K", short=True)
    finally:
        store.close()
    assert [r.player for r in full_board] == ["Full"]
    assert [r.player for r in short_board] == ["Short"]


def test_predictions_export_on_their_own_sheet(tmp_path: Path, loaded: LoadedScenario) -> None:
    from openpyxl import load_workbook

    from game.results.export import export
    from game.results.store import StoredResult

    record = _with_predictions(loaded)
    item = StoredResult(record.key(), record, "2026-01-01T00:00:00+00:00")
    (out,) = export([item], tmp_path / "kelas.xlsx", "xlsx")
    sheet = load_workbook(out)["tebakan_predictions"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-5:] == ("turn", "policy", "metric", "by_turn", "expected")
    assert [r[-3:] for r in rows[1:]] == [("capacity", 2, "up"), ("digital", 2, "up")]
    written = export([item], tmp_path / "kelas.csv", "csv")
    assert [p.name for p in written] == [
        "kelas.csv",
        "kelas_decisions.csv",
        "kelas_predictions.csv",
    ]


def test_the_class_report_carries_the_reflection(tmp_path: Path, loaded: LoadedScenario) -> None:
    from game.results.class_report import write_report
    from game.results.store import StoredResult

    record = _with_predictions(loaded)
    items = [StoredResult(record.key(), record, "2026-01-01T00:00:00+00:00")]
    page = write_report(items, "R", tmp_path / "rep", ScenarioLibrary.of(SCENARIO.parent), "en")
    html = page.read_text(encoding="utf-8")
    assert "Reflection of the class" in html
    assert "of 2 predictions of the class came true" in html


def test_compare_never_pools_short_and_full_games(make_record: MakeRecord) -> None:
    from game.results.compare import group_results
    from game.results.store import StoredResult

    full = [make_record(i, cohort=c) for i in range(2) for c in ("A", "B")]
    short = [r.model_copy(update={"quarters": 3}) for r in full]
    items = [StoredResult(r.key(), r, "") for r in full + short]
    groups, skipped = group_results(items, ["A", "B"])
    assert skipped == []
    assert sorted(g.name for g in groups) == [
        "dukcapil-sukamaju@1.0.0",
        "dukcapil-sukamaju@1.0.0/3q",
    ]
    assert all(len(v) == 2 for g in groups for v in g.by_cohort.values())
