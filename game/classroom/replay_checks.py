"""What the class server accepts: progress replayed up to its turn, results replayed whole.

Each check raises a :class:`~game.classroom.refusal.Refusal` (Invalid, or NotYet: try later)
naming what is wrong; nothing
is stored before every check has passed.
"""

from __future__ import annotations

import re
from typing import Any

from game.classroom.api_text import ApiText
from game.classroom.refusal import Invalid, NotYet, Words
from game.classroom.rooms import Room, SeatRow
from game.engine import Decision, Game, replay
from game.errors import AgenError, PlanError, ResultError
from game.i18n import say_error
from game.results.record import ResultRecord, parse_result
from game.results.verify import verify_on
from game.scenario import LoadedScenario
from game.scenario.compiled import Compiled

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def has_control(text: str) -> bool:
    """Whether a name holds control or direction-changing characters."""
    return bool(CONTROL.search(text))


def playable(room: Room, turns_done: int) -> None:
    """Refuse (NotYet: try later) while the class is paused or the quarter is not open yet;
    Invalid once it is closed."""
    if room.state == "closed":
        raise Invalid(ApiText.CLOSED)
    if room.state == "paused":
        raise NotYet(ApiText.PAUSED)
    if room.lockstep and turns_done > room.open_quarter:
        raise NotYet(ApiText.WAIT_QUARTER, quarter=turns_done, open=room.open_quarter)


def check_progress(
    compiled: Compiled, seed: int, turn: int, raw: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Replay the decisions up to the end of ``turn`` on the scenario as the class plays it
    (short or full); return them in their stored form."""
    turns = compiled.scenario.turns
    if not 1 <= turn <= turns:
        raise Invalid(ApiText.BAD_TURN, turn=turn, turns=turns)
    try:
        decisions = [Decision.from_json(d) for d in raw]
    except ResultError as exc:
        raise Invalid(ApiText.BAD_DECISIONS, reason=str(exc)) from None
    late = next((d for d in decisions if d.turn > turn), None)
    if late is not None:
        raise Invalid(ApiText.FUTURE_DECISION, at=late.turn, turn=turn)
    try:
        game = replay(compiled, seed, decisions, until_turn=turn + 1)
    except PlanError as exc:
        raise Invalid(
            ApiText.NOT_REPLAYABLE,
            reason=_words(exc),
        ) from None
    if game.over and game.outcome is not None and game.outcome.turns_played < turn:
        raise Invalid(ApiText.ENDED_BEFORE, at=game.outcome.turns_played, turn=turn)
    played = [d.to_json() for d in game.decisions]
    given = [d.to_json() for d in decisions]
    if played != given:
        raise Invalid(ApiText.INCOMPLETE, made=len(played), sent=len(given))
    return given


def read_result(body: bytes) -> ResultRecord:
    """The result file sent, or Invalid naming what is malformed."""
    try:
        return parse_result(body)
    except ResultError as exc:
        raise Invalid(ApiText.BAD_RESULT, reason=_words(exc)) from None


def check_result(room: Room, seat: SeatRow, record: ResultRecord, loaded: LoadedScenario) -> Game:
    """Refuse a result of another class, scenario version, seed or player, or a bot's result
    where bots are not allowed; then replay it whole (as ``agen results import`` does)."""
    if record.cohort != room.code:
        raise Invalid(ApiText.OTHER_CLASS, cohort=record.cohort, code=room.code)
    if (
        record.scenario_id != room.scenario_id
        or record.scenario_version != room.scenario_version
        or record.scenario_sha256 != room.scenario_sha256
    ):
        raise Invalid(
            ApiText.OTHER_SCENARIO,
            played=f"{record.scenario_id}@{record.scenario_version}",
            wanted=f"{room.scenario_id}@{room.scenario_version}",
        )
    if record.seed != room.seed:
        raise Invalid(ApiText.OTHER_SEED, seed=record.seed)
    full = loaded.scenario.turns
    if (record.quarters or full) != (room.quarters or full):
        raise Invalid(
            ApiText.OTHER_FORM,
            played=record.quarters or full,
            wanted=room.quarters or full,
        )
    if record.player.strip().casefold() != seat.player.casefold():
        raise Invalid(ApiText.OTHER_PLAYER, player=record.player, seat=seat.player)
    if record.origin is not None and record.origin.is_bot and not room.allow_bots:
        raise Invalid(ApiText.BOT)
    try:
        return verify_on(record, loaded)
    except ResultError as exc:
        raise Invalid(ApiText.NOT_VERIFIED, reason=_words(exc)) from None


def _words(exc: AgenError) -> Words:
    """An error's reason in each language of the answer."""
    return Words(say_error(exc, "id"), say_error(exc, "en"))
