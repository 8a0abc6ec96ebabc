"""The player's actions as the session's use-cases, without a window: act then save, end the
quarter (the class's gate first), finish (result file, then the class hears of it)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Adopt, Choose
from game.errors import ActionRefused
from game.session import FileKeeper, JoinedClass, Notice, Player, Session, SessionText
from tests.files import TUTORIAL

CLASS = JoinedClass("http://127.0.0.1:1", "KLS-1", "tok")


@dataclass
class Sink:
    """A class sink that records what it was told (or cannot even queue it)."""

    sent: list[tuple[str, int, Any]] = field(default_factory=list)
    broken: bool = False

    def progress(self, joined: JoinedClass, turn: int, decisions: list[dict[str, Any]]) -> None:
        self._take("progress", turn, decisions)

    def result(self, joined: JoinedClass, turn: int, result: dict[str, Any]) -> None:
        self._take("result", turn, result)

    def _take(self, kind: str, turn: int, body: Any) -> None:
        if self.broken:
            raise PermissionError(13, "read-only outbox")
        self.sent.append((kind, turn, body))


def session(tmp: Path, joined: JoinedClass | None = None, folders: int = 1) -> Session:
    made = Session.start(TUTORIAL, Player("Ani", cohort="KLS-1"), "id", seed=7)
    made.keeper = FileKeeper(tmp / "save.json")
    made.joined = joined
    made.sink = Sink() if joined is not None else None
    made.result_folders = tuple(tmp / f"results{i}" for i in range(folders))
    return made


def adoptable(s: Session) -> str:
    return next(p.id for p in s.game.scenario.policies if s.game.can_adopt(p.id))


def codes(notices: list[Notice]) -> list[SessionText]:
    return [SessionText(n.message.code) for n in notices]


def play_out(s: Session) -> list[Notice]:
    notices: list[Notice] = []
    while not s.game.over:
        ended = s.end_quarter()
        assert ended is not None
        notices = ended[1]
    return notices


def test_an_action_is_saved_at_once_and_a_refused_one_changes_nothing(tmp_path: Path) -> None:
    s = session(tmp_path)
    policy = adoptable(s)
    assert s.act(Adopt(policy)) == []
    saved = json.loads((tmp_path / "save.json").read_text(encoding="utf-8"))
    assert saved["decisions"] == [{"turn": 1, "adopt": policy}]
    before = (tmp_path / "save.json").read_text(encoding="utf-8")
    with pytest.raises(ActionRefused):
        s.act(Adopt(policy))  # already in force
    assert (tmp_path / "save.json").read_text(encoding="utf-8") == before
    assert len(s.game.decisions) == 1


def test_a_save_that_fails_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    s = session(tmp_path)
    (tmp_path / "save.json").mkdir()  # a folder where the file should go
    notices = s.act(Adopt(adoptable(s)))
    assert codes(notices) == [SessionText.SAVE_FAILED] and not notices[0].good
    assert len(s.game.decisions) == 1  # the action itself stands


def test_a_blocked_quarter_does_not_end(tmp_path: Path) -> None:
    s = session(tmp_path, CLASS)
    assert s.end_quarter(lambda: "paused") is None
    assert s.game.turn == 1 and not (tmp_path / "save.json").exists()
    assert isinstance(s.sink, Sink) and s.sink.sent == []


def test_each_quarter_reaches_the_class_and_the_end_writes_the_result(tmp_path: Path) -> None:
    s = session(tmp_path, CLASS)
    s.act(Adopt(adoptable(s)))
    ended = s.end_quarter(lambda: None)
    assert ended is not None and ended[0] == 1 and s.game.turn == 2
    assert isinstance(s.sink, Sink)
    assert s.sink.sent[0] == ("progress", 1, [d.to_json() for d in s.game.decisions])
    notices = play_out(s)
    assert codes(notices) == [SessionText.RESULT_SAVED] and notices[0].good
    assert s.result_path is not None and s.result_path.parent == tmp_path / "results0"
    assert not (tmp_path / "save.json").exists()  # dropped once the result is written
    kinds = [kind for kind, _, _ in s.sink.sent]
    assert kinds == ["progress"] * s.game.scenario.turns + ["result"]
    assert s.sink.sent[-1] == ("result", s.game.scenario.turns + 1, s.result_json)
    assert s.finish() == []  # once only


def test_the_second_folder_takes_the_result_when_the_first_cannot(tmp_path: Path) -> None:
    s = session(tmp_path, folders=2)
    (tmp_path / "results0").write_text("a file, not a folder")
    notices = play_out(s)
    assert codes(notices) == [SessionText.RESULT_FAILED, SessionText.RESULT_SAVED]
    assert s.result_path is not None and s.result_path.parent == tmp_path / "results1"


def test_when_no_folder_takes_the_result_the_save_is_kept(tmp_path: Path) -> None:
    s = session(tmp_path)
    s.act(Adopt(adoptable(s)))
    (tmp_path / "results0").write_text("a file, not a folder")
    assert codes(play_out(s)) == [SessionText.RESULT_FAILED]
    assert (tmp_path / "save.json").exists() and not s.finished
    (tmp_path / "results0").unlink()
    assert codes(s.finish()) == [SessionText.RESULT_SAVED]  # tried again later: kept now


def test_without_folders_the_class_still_gets_the_result(tmp_path: Path) -> None:
    """The browser game keeps no file: the result goes to the class only."""
    s = session(tmp_path, CLASS, folders=0)
    assert play_out(s) == []
    assert isinstance(s.sink, Sink) and s.sink.sent[-1][0] == "result"
    assert s.sink.sent[-1][2]["player"] == "Ani" and s.result_path is None


def test_a_sink_that_cannot_queue_is_a_notice(tmp_path: Path) -> None:
    s = session(tmp_path, CLASS)
    assert isinstance(s.sink, Sink)
    s.sink.broken = True
    ended = s.end_quarter()
    assert ended is not None and codes(ended[1]) == [SessionText.SAVE_FAILED]
    assert s.game.turn == 2


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=12))
def test_any_play_resumes_from_its_save_as_it_was(tmp_path_factory: Any, picks: list[int]) -> None:
    """Whatever the player does through the session, the save replays to the same game."""
    tmp = tmp_path_factory.mktemp("resume")
    s = session(tmp)
    s.autosave()  # as a front end does when the game begins
    for pick in picks:
        if s.game.over:
            break
        g = s.game
        pending = g.pending_events()
        if pending:
            event = g.event(pending[0])
            choice = event.choices[pick % len(event.choices)].id
            if g.can_choose(event.id, choice):
                s.act(Choose(event.id, choice))
        elif pick % 3 == 0:
            s.end_quarter()
        else:
            open_ = [p.id for p in g.scenario.policies if g.can_adopt(p.id)]
            if open_:
                s.act(Adopt(open_[pick % len(open_)]))
    if s.game.over:
        return
    again = Session.resume(tmp / "save.json")
    assert [d.to_json() for d in again.game.decisions] == [d.to_json() for d in s.game.decisions]
    assert again.game.values == s.game.values
