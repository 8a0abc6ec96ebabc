"""A browser seat's game, played on the class server: rebuilt from the store on every request.

The seat's actions are a log in the store (:mod:`game.classroom.web.seat_tables`); its game
is the replay of that log, so any server process can answer any request and nothing lives
only in one process's memory. An action is checked by the engine and by the class (paused,
lockstep), stored with its form's idempotency key, and only then answered. A quarter's end
is also stored as the seat's progress, and the game's end as its result (origin
"browser"), through the class store's own methods, so the projector, the control page, the
class debrief and ``agen results`` see a browser seat as any other.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from game.classroom import replay_checks
from game.classroom.class_store import ClassStore
from game.classroom.refusal import Refusal, Words
from game.classroom.rooms import Room, SeatRow
from game.classroom.web.seat_tables import ensure_web_tables, web_actions
from game.engine import Cancel, Choose, Game
from game.engine.prediction import Prediction
from game.errors import ActionRefused, AgenError
from game.i18n import say, tr
from game.results.record import Origin, ResultRecord
from game.scenario import LoadedScenario
from game.session import JoinedClass, Player, Session

Kind = Literal["adopt", "cancel", "choose", "end"]
KINDS: tuple[Kind, ...] = ("adopt", "cancel", "choose", "end")
_READY: set[int] = set()  # the stores (by engine id) whose log table is known to exist


@dataclass(frozen=True)
class Step:
    """One action of a browser seat, as logged."""

    kind: Kind
    policy: str = ""
    event: str = ""
    choice: str = ""
    predictions: tuple[Prediction, ...] = ()

    def payload(self) -> str:
        """The JSON kept in the log."""
        data: dict[str, Any] = {}
        if self.policy:
            data["policy"] = self.policy
        if self.event:
            data["event"], data["choice"] = self.event, self.choice
        if self.predictions:
            data["predictions"] = [p.to_json() for p in self.predictions]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def read(kind: str, payload: str) -> Step:
        """A logged step back (written by :meth:`payload`, so trusted to be well formed)."""
        data = json.loads(payload)
        predictions = tuple(Prediction.from_json(p) for p in data.get("predictions", []))
        return Step(
            kind,  # type: ignore[arg-type]
            str(data.get("policy", "")),
            str(data.get("event", "")),
            str(data.get("choice", "")),
            predictions,
        )


@dataclass
class SeatGame:
    """A browser seat and its game (a :class:`~game.session.Session`, as the window's) as the
    store holds them now."""

    room: Room
    seat: SeatRow
    loaded: LoadedScenario
    session: Session
    steps: int = 0  # actions applied (the last ``seq``)
    started: float | None = None  # when the first action was taken
    ended: float | None = None  # when the last quarter ended (a finished game)

    @property
    def game(self) -> Game:
        """The engine game."""
        return self.session.game

    @property
    def predictions(self) -> list[Prediction]:
        """What the player predicted when adopting."""
        return self.session.predictions


@dataclass(frozen=True)
class Outcome:
    """What became of an action: applied, or refused with its reason in both languages."""

    applied: bool
    words: Words | None = None
    repeated: bool = False  # this form was answered before (a double tap, a resubmit)

    def say(self, lang: str) -> str:
        """The refusal in ``lang`` ("" when applied)."""
        if self.words is None:
            return ""
        return self.words.id if lang == "id" else self.words.en


@dataclass
class StoreSink:
    """The browser game's :class:`~game.session.ClassSink`: what the session tells the class
    (progress after a quarter, the result at the end) is held here while the action's own
    row is written, then stored through the class store (:meth:`flush`)."""

    items: list[tuple[str, int, Any]] = field(default_factory=list)

    def progress(self, joined: JoinedClass, turn: int, decisions: list[dict[str, Any]]) -> None:
        """The decisions up to the end of ``turn``."""
        self.items.append(("progress", turn, decisions))

    def result(self, joined: JoinedClass, turn: int, result: dict[str, Any]) -> None:
        """The finished game's result."""
        self.items.append(("result", turn, result))

    def flush(self, classes: ClassStore, seat: SeatRow) -> None:
        """Store what was told, in order (what was stored before is not stored again)."""
        for kind, turn, data in self.items:
            if kind == "progress":
                classes.save_progress(seat, turn, data)
            else:
                classes.save_result(seat, ResultRecord.model_validate(data))
        self.items.clear()


def ensure_ready(classes: ClassStore) -> None:
    """Create the log table once per store and process."""
    if id(classes.engine) in _READY:
        return
    with classes.writing() as conn:
        ensure_web_tables(conn)
    _READY.add(id(classes.engine))


def new_session(classes: ClassStore, room: Room, seat: SeatRow, lang: str) -> Session:
    """The seat's session: the class's scenario, form, seed and prediction setting, the
    seat's player; no keeper (the store is the save) and, until told, no class to tell."""
    loaded = classes.loaded(room)
    return Session(
        Path(loaded.path),
        loaded,
        Player(seat.player, seat.player_id, room.code),
        lang,
        room.seed,
        quarters=room.quarters,
        predict_first=room.predict_first,
        origin=Origin(tool="browser"),
    )


def apply(session: Session, step: Step) -> None:
    """Carry out one step through the session (ActionRefused when the engine refuses)."""
    if step.kind == "adopt":
        session.adopt_predicting(step.policy, step.predictions)
    elif step.kind == "cancel":
        session.act(Cancel(step.policy))
    elif step.kind == "choose":
        session.act(Choose(step.event, step.choice))
    else:
        session.end_quarter()


def _rows(conn: Connection, seat_id: int) -> list[Any]:
    c = web_actions.c
    return list(
        conn.execute(
            select(c.seq, c.kind, c.payload, c.at)
            .where(c.seat_id == seat_id, c.seq.is_not(None))
            .order_by(c.seq)
        )
    )


def rebuild(
    classes: ClassStore, room: Room, seat: SeatRow, rows: list[Any], lang: str | None = None
) -> SeatGame:
    """The seat's game: its logged steps replayed on the class's scenario and seed."""
    session = new_session(classes, room, seat, lang or room.language)
    found = SeatGame(room, seat, session.loaded, session)
    for row in rows:
        apply(session, Step.read(row.kind, row.payload))
        found.steps = int(row.seq)
        found.started = row.at if found.started is None else found.started
        if row.kind == "end" and session.game.over:
            found.ended = row.at
    if found.started is not None:
        session.started = datetime.fromtimestamp(found.started, timezone.utc).isoformat()
    return found


def seat_game(
    classes: ClassStore, code: str, token: str | None, lang: str | None = None
) -> SeatGame:
    """The seat whose token this is and its game, rebuilt from the store (NotFound without
    the class, NotAllowed without the seat); ``lang``: the player's language now."""
    ensure_ready(classes)
    room, seat = classes.seat_in(code, token)
    with classes.reading() as conn:
        rows = _rows(conn, seat.id)
    return rebuild(classes, room, seat, rows, lang)


def _both(code: str, **fields: object) -> Words:
    return Words(tr(code, "id", **fields), tr(code, "en", **fields))


class PageRefusal(AgenError):
    """The browser game's own "no": the page was out of date, or the game is over."""

    def __init__(self, key: str) -> None:
        super().__init__(tr(key, "en"))
        self.words = _both(key)


def _refusal_words(exc: ActionRefused | Refusal | PageRefusal) -> Words:
    if isinstance(exc, ActionRefused):
        return Words(say(exc.said, "id"), say(exc.said, "en"))
    if isinstance(exc, PageRefusal):
        return exc.words
    body = exc.body("id")
    return Words(body["message_id"], body["message_en"])


def _check(sg: SeatGame, at_turn: int) -> None:
    """Refuse an action from a page older than the quarter being played, or any action while
    the class is paused, closed, or has not opened this quarter yet (lockstep)."""
    if sg.game.over:
        raise PageRefusal("web.over")
    if at_turn != sg.game.turn:
        raise PageRefusal("web.stale")
    replay_checks.playable(sg.room, sg.game.turn)


def take(
    classes: ClassStore,
    code: str,
    token: str | None,
    action: tuple[str, Step, int],
    lang: str | None = None,
) -> tuple[Outcome, SeatGame]:
    """Take one action of the seat, ``(key, step, the quarter its page showed)``: answered
    from the log when its key was seen, else checked (class, then engine, through the
    session), logged, and then what the session told the class stored (progress after a
    quarter, the result at the end). Returns the outcome and the seat's game after it.

    The game is rebuilt and the action checked outside the write transaction; the log's
    unique (seat, seq) and (seat, key) make the one INSERT fail when another request took
    the same step or the same form meanwhile, which is then answered as that one was."""
    key, step, at_turn = action
    ensure_ready(classes)
    room, seat = classes.seat_in(code, token, count=True)
    seen = logged(classes, seat.id, key)
    with classes.reading() as conn:
        sg = rebuild(classes, room, seat, _rows(conn, seat.id), lang)
    if seen is not None:
        return seen[1], sg
    sink = StoreSink()
    outcome = _apply(sg, step, at_turn, sink)
    try:
        with classes.writing() as conn:
            conn.execute(
                web_actions.insert().values(
                    seat_id=seat.id,
                    seq=sg.steps if outcome.applied else None,
                    key=key,
                    kind=step.kind if outcome.applied else "refused",
                    payload=step.payload(),
                    words=None if outcome.words is None else json.dumps(list(outcome.words)),
                    at=time.time(),
                )
            )
    except IntegrityError:  # another request took this key or this step at the same moment
        return _raced(classes, seat, key), seat_game(classes, code, token, lang)
    sink.flush(classes, seat)
    return outcome, sg


def _apply(sg: SeatGame, step: Step, at_turn: int, sink: StoreSink) -> Outcome:
    """Check and carry out the step; from here on the session tells the class (``sink``)."""
    session = sg.session
    session.sink, session.joined = sink, JoinedClass("", sg.room.code, "")
    try:
        _check(sg, at_turn)
        apply(session, step)
    except (ActionRefused, Refusal, PageRefusal) as exc:
        return Outcome(False, _refusal_words(exc))
    sg.steps += 1
    return Outcome(True)


def _seen(row: Any) -> Outcome:
    if row.seq is not None:
        return Outcome(True, repeated=True)
    words = json.loads(row.words) if row.words else ["", ""]
    return Outcome(False, Words(words[0], words[1]), repeated=True)


def _raced(classes: ClassStore, seat: SeatRow, key: str) -> Outcome:
    found = logged(classes, seat.id, key)
    return found[1] if found is not None else Outcome(False, _both("web.stale"))


def has_steps(classes: ClassStore, seat_id: int) -> bool:
    """Whether the seat has taken an action in the browser (it is then no longer "untouched":
    its name cannot be taken back by joining again, see ``SeatStore.join``)."""
    ensure_ready(classes)
    c = web_actions.c
    with classes.reading() as conn:
        row = conn.execute(select(c.id).where(c.seat_id == seat_id).limit(1)).first()
    return row is not None


def logged(classes: ClassStore, seat_id: int, key: str) -> tuple[Step | None, Outcome] | None:
    """The action a form key stands for: its step (None when refused) and its outcome."""
    c = web_actions.c
    with classes.reading() as conn:
        row = conn.execute(
            select(c.seq, c.kind, c.payload, c.words).where(c.seat_id == seat_id, c.key == key)
        ).first()
    if row is None:
        return None
    step = Step.read(row.kind, row.payload) if row.seq is not None else None
    return step, _seen(row)


def store_progress(classes: ClassStore, sg: SeatGame) -> None:
    """Bring the class's view of the seat up to its log (after a crash between the log and
    the class store): progress after each quarter ended, the result once the game is over.
    Safe to repeat: what is stored is not stored again."""
    game, seat = sg.game, sg.seat
    if game.over:
        if seat.result_key is None:
            classes.save_result(seat, sg.session.record())
        return
    done = game.turns_played
    if done > seat.turn_done:
        decisions = [d.to_json() for d in game.decisions if d.turn <= done]
        classes.save_progress(seat, done, decisions)
