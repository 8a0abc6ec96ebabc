"""The class debrief from the store: statistics, charts, questions with the class's numbers,
identical paths, and this class against an earlier class of the same scenario version."""

from __future__ import annotations

from pathlib import Path

from game.classroom import class_debrief
from game.classroom.class_store import ClassStore
from game.engine import BOTS, Game, play_bot
from game.results.record import record_from_game
from game.results.store import open_store
from game.scenario import load_scenario
from tests.files import ROOT

DUKCAPIL = ROOT / "scenarios" / "dukcapil.toml"


def test_debrief_of_a_class(tmp_path: Path) -> None:
    loaded = load_scenario(DUKCAPIL)
    classes = ClassStore(open_store(str(tmp_path / "r.sqlite")))
    seed = loaded.scenario.seed
    classes.create(loaded, "KELAS-B", seed=seed, language="id")
    room = classes.room("KELAS-B")
    empty = class_debrief.build(classes, "KELAS-B", "en")
    assert empty.players == 0 and empty.charts == {}
    # an earlier class of the same version, imported as files would be
    earlier = [
        record_from_game(
            play_bot(Game(loaded.compiled, seed), BOTS["random"], 100 + i),
            loaded,
            player=f"Lama {i}",
            player_id=None,
            cohort="KELAS-A",
            language="id",
        )
        for i in range(6)
    ]
    classes.store.insert_records(earlier)
    names = []
    for i in range(8):
        bot = BOTS["greedy"] if i < 2 else BOTS["random"]  # two greedy games: the same path
        game = play_bot(Game(loaded.compiled, seed), bot, 1 if i < 2 else i)
        seat, _token = classes.join(room, f"Baru {i}", None, ())
        record = record_from_game(
            game, loaded, player=seat.player, player_id=None, cohort="KELAS-B", language="id"
        )
        assert classes.save_result(seat, record)
        names.append(seat.player)
    d = class_debrief.build(classes, "KELAS-B", "en")
    assert d.players == 8
    assert set(d.charts) >= {"scores", "paths", "policies", "values", "groups"}
    assert all(uri.startswith("data:image/png;base64,") for uri in d.charts.values())
    scores = [score for _rank, _player, _grade, score in d.ranking]
    assert len(d.ranking) == 8 and scores == sorted(scores, reverse=True)  # everyone, ranked
    en_grades = {str(g.name["en"]) for g in loaded.scenario.scoring.grades}  # type: ignore[index]
    assert {grade for _r, _p, grade, _s in d.ranking} <= en_grades  # played in id, shown in en
    assert ["Baru 0", "Baru 1"] in d.duplicates
    assert d.questions and all("{" not in q for q in d.questions)
    assert any(ch.isdigit() for q in d.questions for ch in q)  # the class's numbers filled in
    assert [c.cohort for c in d.comparisons] == ["KELAS-A"]
    score = d.comparisons[0].rows[0]
    mine = sum(stored.record.score for stored in classes.store.results(["KELAS-B"])) / 8
    assert abs(score["mine"] - mine) < 1e-9
    assert abs(score["diff"] - (score["mine"] - score["theirs"])) < 1e-9


def test_questions_before_any_result_show_no_braces() -> None:
    loaded = load_scenario(DUKCAPIL)
    for lang in ("id", "en"):
        found = class_debrief.questions(loaded, lang)
        assert found and all("{" not in q for q in found)
