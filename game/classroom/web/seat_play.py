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
from typing import Any, Literal

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from game.classroom import checks
from game.classroom.refusal import Refusal, Words
from game.classroom.rooms import ClassStore, Room, SeatRow
from game.classroom.web.seat_tables import ensure_web_tables, web_actions
from game.engine import Adopt, Cancel, Choose, Game
from game.engine.prediction import Prediction
from game.errors import ActionRefused
from game.i18n import say, tr
from game.results.record import Origin, ResultRecord, record_from_game
from game.scenario import LoadedScenario

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
    """A browser seat and its game as the store holds them now."""

    room: Room
    seat: SeatRow
    loaded: LoadedScenario
    game: Game
    predictions: list[Prediction] = field(default_factory=list)
    steps: int = 0  # actions applied (the last ``seq``)
    started: float | None = None  # when the first action was taken
    ended: float | None = None  # when the last quarter ended (a finished game)


@dataclass(frozen=True)
class Outcome:
    """What became of an action: applied, or refused with its reason in both languages."""

    applied: bool
    words: Words | None = None
    repeated: bool = False  # this form was answered before (a double tap, a resubmit)
    ended_turn: int | None = None  # the quarter this action ended, if it ended one

    def say(self, lang: str) -> str:
        """The refusal in ``lang`` ("" when applied)."""
        if self.words is None:
            return ""
        return self.words.id if lang == "id" else self.words.en


def ensure_ready(classes: ClassStore) -> None:
    """Create the log table once per store and process."""
    if id(classes.engine) in _READY:
        return
    with classes.writing() as conn:
        ensure_web_tables(conn)
    _READY.add(id(classes.engine))


def apply(game: Game, predictions: list[Prediction], step: Step) -> None:
    """Carry out one step on the game (ActionRefused with the engine's reason when refused)."""
    if step.kind == "adopt":
        game.act(Adopt(step.policy))
        predictions.extend(step.predictions)
    elif step.kind == "cancel":
        game.act(Cancel(step.policy))
    elif step.kind == "choose":
        game.act(Choose(step.event, step.choice))
    else:
        game.end_turn()


def _rows(conn: Connection, seat_id: int) -> list[Any]:
    c = web_actions.c
    return list(
        conn.execute(
            select(c.seq, c.kind, c.payload, c.at)
            .where(c.seat_id == seat_id, c.seq.is_not(None))
            .order_by(c.seq)
        )
    )


def rebuild(classes: ClassStore, room: Room, seat: SeatRow, rows: list[Any]) -> SeatGame:
    """The seat's game: its logged steps replayed on the class's scenario and seed."""
    game = Game(classes.compiled(room), room.seed)
    found = SeatGame(room, seat, classes.loaded(room), game)
    for row in rows:
        apply(game, found.predictions, Step.read(row.kind, row.payload))
        found.steps = int(row.seq)
        found.started = row.at if found.started is None else found.started
        if row.kind == "end" and game.over:
            found.ended = row.at
    return found


def seat_game(classes: ClassStore, code: str, token: str | None) -> SeatGame:
    """The seat whose token this is and its game, rebuilt from the store (a 404 refusal
    without the class, a 401 refusal without the seat)."""
    ensure_ready(classes)
    room, seat = classes.seat_in(code, token)
    with classes.reading() as conn:
        rows = _rows(conn, seat.id)
    return rebuild(classes, room, seat, rows)


def _both(code: str, **fields: object) -> Words:
    return Words(tr(code, "id", **fields), tr(code, "en", **fields))


def _refusal_words(exc: ActionRefused | Refusal) -> Words:
    if isinstance(exc, ActionRefused):
        return Words(say(exc.said, "id"), say(exc.said, "en"))
    body = exc.body("id")
    return Words(body["message_id"], body["message_en"])


def _check(sg: SeatGame, step: Step, at_turn: int) -> None:
    """Refuse an action from a page older than the quarter being played, or any action while
    the class is paused, closed, or has not opened this quarter yet (lockstep)."""
    if sg.game.over:
        raise Refusal(422, "web.over")
    if at_turn != sg.game.turn:
        raise Refusal(409, "web.stale")
    checks.playable(sg.room, sg.game.turn)


def take(
    classes: ClassStore, code: str, token: str | None, key: str, step: Step, at_turn: int
) -> tuple[Outcome, SeatGame]:
    """Take one action of the seat: answered from the log when its key was seen, else checked
    (class, then engine), logged, and then stored as progress or result where it ended a
    quarter. Returns the outcome and the seat's game after it."""
    ensure_ready(classes)
    room, seat = classes.seat_in(code, token, count=True)
    c = web_actions.c
    try:
        with classes.writing() as conn:
            seen = conn.execute(
                select(c.seq, c.words).where(c.seat_id == seat.id, c.key == key)
            ).first()
            sg = rebuild(classes, room, seat, _rows(conn, seat.id))
            if seen is not None:
                return _seen(seen), sg
            outcome = _apply(sg, step, at_turn)
            conn.execute(
                web_actions.insert().values(
                    seat_id=seat.id,
                    seq=sg.steps + 1 if outcome.applied else None,
                    key=key,
                    kind=step.kind if outcome.applied else "refused",
                    payload=step.payload(),
                    words=None if outcome.words is None else json.dumps(list(outcome.words)),
                    at=time.time(),
                )
            )
    except IntegrityError:  # another process took this key or this step at the same moment
        return _raced(classes, seat, key), seat_game(classes, code, token)
    if outcome.applied:
        sg = seat_game(classes, code, token)
        store_progress(classes, sg)
    return outcome, sg


def _apply(sg: SeatGame, step: Step, at_turn: int) -> Outcome:
    turn = sg.game.turn
    try:
        _check(sg, step, at_turn)
        apply(sg.game, sg.predictions, step)
    except (ActionRefused, Refusal) as exc:
        return Outcome(False, _refusal_words(exc))
    return Outcome(True, ended_turn=turn if step.kind == "end" else None)


def _seen(row: Any) -> Outcome:
    if row.seq is not None:
        return Outcome(True, repeated=True)
    words = json.loads(row.words) if row.words else ["", ""]
    return Outcome(False, Words(words[0], words[1]), repeated=True)


def _raced(classes: ClassStore, seat: SeatRow, key: str) -> Outcome:
    found = logged(classes, seat.id, key)
    return found[1] if found is not None else Outcome(False, _both("web.stale"))


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


def store_progress(classes: ClassStore, sg: SeatGame, lang: str | None = None) -> None:
    """Bring the class's view of the seat up to its log: progress after each quarter ended,
    the result once the game is over. Safe to repeat: what is stored is not stored again."""
    game, seat = sg.game, sg.seat
    if game.over:
        if seat.result_key is None:
            classes.save_result(seat, make_record(sg, lang or sg.room.language))
        return
    done = game.turns_played
    if done > seat.turn_done:
        decisions = [d.to_json() for d in game.decisions if d.turn <= done]
        classes.save_progress(seat, done, decisions)


def make_record(sg: SeatGame, lang: str) -> ResultRecord:
    """The finished game's result, made on the server from the stored steps (so verified by
    construction), stamped with the times of its first and last step."""
    now = time.time()
    start = datetime.fromtimestamp(sg.started or now, timezone.utc)
    end = datetime.fromtimestamp(sg.ended or now, timezone.utc)
    return record_from_game(
        sg.game,
        sg.loaded,
        player=sg.seat.player,
        player_id=sg.seat.player_id,
        cohort=sg.room.code,
        language=lang,
        started=start,
        ended=end,
        origin=Origin(tool="browser"),
        predictions=tuple(sg.predictions),
    )
