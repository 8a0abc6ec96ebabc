"""The optional tables beyond format 1 (all documented in docs/format-reference.md): arrears,
debrief questions, the short form and predictions. :mod:`format_model`'s ``Scenario`` holds them.
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from game.scenario.format_base import Condition, NumExpr, Table, Text


class Arrears(Table):
    """Extension: what upkeep and bills the budget cannot pay do (they carry over as arrears)."""

    carry: bool = Field(
        True,
        description="Whether what the budget cannot pay at its minimum carries over as arrears "
        "(default true); false writes it off, as format 1 first did.",
    )
    stall: NumExpr = Field(
        "min(1, 0.25 * arrears_turns)",
        description="While arrears are owed, the share (0 to 1) of the favourable effects of "
        "policies with upkeep that stalls; may read arrears and arrears_turns.",
    )
    label: Text | None = Field(
        None, description="What the arrears are called in the turn report (default: Arrears)."
    )


class Debrief(Table):
    """Extension: a debrief question, shown on the debrief with the player's numbers filled in."""

    id: str = Field(description="Unique id of the question.")
    question: Text = Field(
        description="The question; {metric.start}, {metric.end}, {metric.change}, {metric.low}, "
        "{metric.high}, {metric.before.policy}, {metric.after.policy}, {policy.quarters} and "
        "{policy.first} are filled in with the player's numbers."
    )
    otherwise: Text | None = Field(
        None,
        description="Asked instead when one of its policies was never adopted (default: the question "
        "is left out for that player).",
    )
    metrics: tuple[str, ...] = Field((), description="Metrics the question is about.")
    policies: tuple[str, ...] = Field((), description="Policies (decisions) it is about.")
    when: Condition | None = Field(
        None,
        description="Optional condition on the game's final state: the question is asked only "
        "when it holds (e.g. \"fired('sting_operation')\").",
    )


class Retime(Table):
    """Extension: when an event may fire in the short form (instead of its own timing)."""

    turns: tuple[int, int] | None = Field(
        None, description="Window [first, last] in which it may fire."
    )
    at: int | None = Field(None, ge=1, description="A scripted turn (instead of a window).")

    @model_validator(mode="after")
    def _timing(self) -> Retime:
        if (self.turns is None) == (self.at is None):
            raise PydanticCustomError("timing", "give either turns = [first, last] or at = N")
        if self.turns is not None and (self.turns[0] < 1 or self.turns[0] > self.turns[1]):
            raise PydanticCustomError(
                "timing", "turns must be [first, last] with 1 <= first <= last"
            )
        return self


class ShortForm(Table):
    """Extension: a shorter game for one class period; its scores are ranked apart."""

    turns: int = Field(
        ge=1, le=100, description="Turns of the short game (fewer than the full game)."
    )
    label: Text | None = Field(None, description='How it is offered, e.g. "45 menit".')
    events: dict[str, Retime] = Field(
        default_factory=dict,
        description="Events timed anew for the short game, by id: turns = [a, b] or at = N.",
    )


class Predictions(Table):
    """Extension: when the card asks the player to predict before a policy takes effect."""

    first: int | None = Field(
        None,
        ge=0,
        description="Ask for the first N adoptions of a game only (0 = never; default: every).",
    )
    horizon: int = Field(
        1, ge=0, le=20, description="Quarters after the adoption's quarter the prediction is about."
    )
