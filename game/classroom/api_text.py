"""Every answer and refusal of the class server as a message code; the words are in the
catalogs (``class.api.*``). A code is a member here, never a string written at the place it
is raised, so a misspelt one fails at import and the message-code test finds a
code without words.
"""

from __future__ import annotations

from game.errors import Codes


class ApiText(Codes):
    """What the class server answers (an answer's code, or a refusal's)."""

    NO_CLASS = "class.api.no_class"
    BAD_CONTROL = "class.api.bad_control"
    CLOSED = "class.api.closed"
    NAME_TAKEN = "class.api.name_taken"
    NO_TOKEN = "class.api.no_token"
    BAD_TOKEN = "class.api.bad_token"
    REMOVED = "class.api.removed"
    WENT_BACK = "class.api.went_back"
    HISTORY_CHANGED = "class.api.history_changed"
    ONE_RESULT = "class.api.one_result"
    NOT_LOCKSTEP = "class.api.not_lockstep"
    LAST_QUARTER = "class.api.last_quarter"
    NO_TIMER = "class.api.no_timer"
    BAD_ACTION = "class.api.bad_action"
    NO_SEAT = "class.api.no_seat"
    PAUSED = "class.api.paused"
    WAIT_QUARTER = "class.api.wait_quarter"
    BAD_TURN = "class.api.bad_turn"
    BAD_DECISIONS = "class.api.bad_decisions"
    FUTURE_DECISION = "class.api.future_decision"
    NOT_REPLAYABLE = "class.api.not_replayable"
    ENDED_BEFORE = "class.api.ended_before"
    INCOMPLETE = "class.api.incomplete"
    BAD_RESULT = "class.api.bad_result"
    OTHER_CLASS = "class.api.other_class"
    OTHER_SCENARIO = "class.api.other_scenario"
    OTHER_SEED = "class.api.other_seed"
    OTHER_PLAYER = "class.api.other_player"
    BOT = "class.api.bot"
    NOT_VERIFIED = "class.api.not_verified"
    TOO_LARGE = "class.api.too_large"
    TOO_FAST = "class.api.too_fast"
    BAD_NAME = "class.api.bad_name"
    STORED = "class.api.stored"
    ALREADY = "class.api.already"
    BAD_REQUEST = "class.api.bad_request"
    STORE_BUSY = "class.api.store_busy"
    OTHER_FORM = "class.api.other_form"
