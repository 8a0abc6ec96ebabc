"""Player intent as action objects; a game's decisions are a list of them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar

from game.errors import ActionRefused, Codes, Message, ResultError

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """A frozen dataclass with slots, given an ``__init__`` that fills each slot through its
    own descriptor: a game makes many actions and decisions, and the generated ``__init__``
    (``object.__setattr__`` by name, for each field) takes half as long again."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    setters = {f"set_{n}": getattr(cls, n).__set__ for n in names}
    lines = [f"def __init__(self, {', '.join(names)}):"]
    lines += [f"    set_{n}(self, {n})" for n in names]
    exec("\n".join(lines), setters)  # names are the class's own fields, no outside text
    cls.__init__ = setters["__init__"]  # type: ignore[method-assign,misc]
    return cls


@quick_init
@dataclass(frozen=True, slots=True)  # many per game: slots make them cheaper
class Adopt:
    """Adopt a policy this turn."""

    policy: str


@quick_init
@dataclass(frozen=True, slots=True)
class Cancel:
    """Cancel a policy in force."""

    policy: str


@quick_init
@dataclass(frozen=True, slots=True)
class Choose:
    """Answer an event that fired this turn."""

    event: str
    choice: str


Action = Adopt | Cancel | Choose


class RecordCode(Codes):
    """Why a decision or a prediction stored in a result file cannot be read or checked."""

    DECISION_TURN = "record.decision_turn"
    DECISION_UNREADABLE = "record.decision_unreadable"
    PREDICTION_UNREADABLE = "record.prediction_unreadable"
    PREDICTION_NO_ADOPTION = "record.prediction_no_adoption"
    PREDICTION_NO_METRIC = "record.prediction_no_metric"
    PREDICTION_QUARTER = "record.prediction_quarter"


class Refusal(Codes):
    """Why an action is refused (an ActionRefused's Message)."""

    UNKNOWN_POLICY = "refused.unknown_policy"
    UNKNOWN_CHOICE = "refused.unknown_choice"
    REQUIRES = "refused.requires"
    EXCLUDED = "refused.excluded"
    NO_BUDGET = "refused.no_budget"
    ARREARS_OWED = "refused.arrears_owed"
    GAME_OVER = "refused.game_over"
    ALREADY_ACTIVE = "refused.already_active"
    EVENT_PENDING = "refused.event_pending"
    NOT_AVAILABLE = "refused.not_available"
    NO_ACTIONS = "refused.no_actions"
    NOT_ACTIVE = "refused.not_active"
    NO_EVENT = "refused.no_event"
    CONDITION = "refused.condition"

    @property
    def reason(self) -> str:
        """The short stable code a program reads (``ActionRefused.reason``): the catalog key's
        last part, except where two texts share one reason."""
        return _SHARED_REASON.get(self.value, self.value.removeprefix("refused."))


# catalog key -> the reason it shares with another (the texts differ, the program's case not)
_SHARED_REASON = {
    Refusal.UNKNOWN_POLICY.value: "unknown",
    Refusal.UNKNOWN_CHOICE.value: "unknown",
    Refusal.CONDITION.value: "requires",
    Refusal.ARREARS_OWED.value: "no_budget",
}


@dataclass(frozen=True)
class Verdict:
    """Whether an action may be taken now; when not, ``reason`` says why.

    True in a condition when the action is allowed: ``if game.can_adopt("x"): ...``.
    """

    reason: ActionRefused | None = None

    @property
    def allowed(self) -> bool:
        """True when nothing blocks the action."""
        return self.reason is None

    def __bool__(self) -> bool:
        return self.reason is None


@quick_init
@dataclass(frozen=True, slots=True)
class Decision:
    """An action taken in a given turn: the unit of a replayable record."""

    turn: int
    action: Action

    def to_json(self) -> dict[str, Any]:
        """As stored in a result file."""
        a = self.action
        if isinstance(a, Adopt):
            return {"turn": self.turn, "adopt": a.policy}
        if isinstance(a, Cancel):
            return {"turn": self.turn, "cancel": a.policy}
        return {"turn": self.turn, "choose": [a.event, a.choice]}

    @staticmethod
    def from_json(data: Any) -> Decision:
        """Read one stored decision; raise ResultError when malformed."""
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("turn"), int)
            or isinstance(data.get("turn"), bool)
        ):
            raise ResultError(Message.of(RecordCode.DECISION_TURN))
        keys = set(data) - {"turn"}
        if keys == {"adopt"} and isinstance(data["adopt"], str):
            return Decision(data["turn"], Adopt(data["adopt"]))
        if keys == {"cancel"} and isinstance(data["cancel"], str):
            return Decision(data["turn"], Cancel(data["cancel"]))
        choose = data.get("choose")
        if (
            keys == {"choose"}
            and isinstance(choose, list)
            and len(choose) == 2
            and all(isinstance(x, str) for x in choose)
        ):
            return Decision(data["turn"], Choose(choose[0], choose[1]))
        raise ResultError(Message.of(RecordCode.DECISION_UNREADABLE, data=f"{data!r:.60}"))
