"""The scenario format as frozen, strict pydantic models (docs/format-reference.md, version 1).

Every table rejects unknown keys with a "did you mean"; numbers that may be expressions are
kept as written (``float | str``) and compiled by :mod:`game.scenario.compile`. Optional keys
beyond the format (all documented in docs/authoring) are marked "extension". The vocabularies,
value types and the base table are in :mod:`game.scenario.format_base`.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, field_validator, model_validator

from game.scenario.codes import LoadCode as C
from game.scenario.format_base import (
    ID_RE,
    LANG_RE,
    NAME_RE,
    Condition,
    NumExpr,
    Table,
    Text,
    refuse,
)
from game.scenario.format_extras import Arrears, Debrief, Predictions, Retime, ShortForm
from game.scenario.vocabulary import (
    CATEGORIES,
    PRINCIPLES,
    ROLES,
    VALUES,
    Category,
    Principle,
    Role,
    Value,
)

__all__ = [
    "CATEGORIES",
    "ID_RE",
    "NAME_RE",
    "PRINCIPLES",
    "ROLES",
    "VALUES",
    "Arrears",
    "Debrief",
    "Predictions",
    "Retime",
    "ShortForm",
    "Text",
    "Value",
]


class Band(Table):
    """Extension: a named band of a metric's value (e.g. IKM grade A from 88.31)."""

    min: float = Field(description="Lowest value inside the band.")
    label: Text = Field(
        description='Name of the band, e.g. "A" or { id = "Zona hijau", en = "Green zone" }.'
    )


class Drift(Table):
    """A pull toward a value each turn: rate × (toward − value)."""

    toward: NumExpr = Field(description="The value the metric drifts toward.")
    rate: NumExpr = Field(description="Share of the gap closed each turn, 0 to 1.")


class Metric(Table):
    """A stock carried from turn to turn."""

    label: Text = Field(description="Name shown to players.")
    start: float = Field(description="Value at the start of the game.")
    min: float = Field(description="Lowest value; the metric is held inside [min, max].")
    max: float = Field(description="Highest value.")
    decimals: int | None = Field(None, ge=0, le=6, description="Decimals to display.")
    higher_is_better: bool = Field(
        True, description="Colours changes: green when it moves this way."
    )
    hidden: bool = Field(False, description="Hidden metrics still act; players do not see them.")
    drift: Drift | None = Field(None, description="Optional pull toward a value each turn.")
    description: Text | None = Field(
        None, description="Extension: a sentence explaining the metric."
    )
    bands: tuple[Band, ...] = Field(
        (), description="Extension: named bands such as IKM grades, highest first or any order."
    )
    role: Role | None = Field(
        None,
        description="Extension: what the metric stands for on the 'Netflix culture' page "
        "(quality, trust, integrity, staff); at most one metric per role.",
    )

    @field_validator("start", "min", "max")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise refuse(C.NOT_FINITE)
        return value


class Derived(Table):
    """A value computed from the metrics after every turn; read-only."""

    label: Text = Field(description="Name shown to players.")
    formula: NumExpr = Field(description="Expression computing the value.")
    decimals: int | None = Field(None, ge=0, le=6, description="Decimals to display.")
    higher_is_better: bool = Field(True, description="Colours changes.")
    hidden: bool = Field(False, description="Hide it from players.")
    description: Text | None = Field(
        None, description="Extension: a sentence explaining the value."
    )
    bands: tuple[Band, ...] = Field((), description="Extension: named bands such as IKM grades.")


class Rule(Table):
    """A flow applied every turn, whatever the player does."""

    id: str = Field(description="Unique id of the rule.")
    label: Text | None = Field(None, description="Name shown when it explains a change.")
    metric: str = Field(description="The metric it changes.")
    delta: NumExpr = Field(description="Change per turn.")
    when: Condition | None = Field(None, description="Optional condition checked each turn.")


class Effect(Table):
    """What a policy or an event choice does to one metric."""

    metric: str = Field(description="The metric it changes.")
    delta: NumExpr = Field(description="Change per acting turn (number or expression).")
    delay: int = Field(0, ge=0, description="Turns before it first acts (0 = the same turn).")
    ramp: int | None = Field(None, ge=1, description="Turns to grow linearly to full strength.")
    duration: int | None = Field(None, ge=1, description="Turns it acts once started.")
    when: Condition | None = Field(None, description="Optional condition checked each turn.")
    outlives_cancel: bool = Field(
        False,
        description="Extension (policy effects only): what the policy set in motion while in "
        "force still lands after a cancellation: with a duration, the whole run; without, one "
        "acting turn for each turn the policy was in force (a backlash, a habit, a promise "
        "withdrawn).",
    )


class Policy(Table):
    """A policy card the player may adopt."""

    id: str = Field(description="Unique id, used in requires/excludes and active()/held().")
    category: Category = Field(description="One of the fixed categories.")
    name: Text = Field(description="Name on the card.")
    description: Text | None = Field(None, description="What it is, in a sentence or two.")
    cost: NumExpr = Field(0.0, description="Paid once on adoption from the budget metric.")
    upkeep: NumExpr = Field(0.0, description="Paid every turn while in force.")
    requires: tuple[str, ...] = Field((), description="Policies that must be in force to adopt it.")
    excludes: tuple[str, ...] = Field(
        (), description="Policies that cannot be in force together with it."
    )
    available: Condition | None = Field(None, description="Condition for it to be offered.")
    available_text: Text | None = Field(
        None, description="Extension: `available` in the author's own words, shown to players."
    )
    values: tuple[Value, ...] = Field((), description="BerAKHLAK values it expresses.")
    breaches: tuple[Value, ...] = Field(
        (), description="Extension: BerAKHLAK values it goes against (shown beside `values`)."
    )
    sources: tuple[str, ...] = Field((), description="Rules and studies behind its effects.")
    effects: tuple[Effect, ...] = Field((), description="What it does while in force.")
    principles: tuple[Principle, ...] = Field(
        (),
        description="Extension: the 'Netflix culture' principles it puts into practice "
        "(freedom, output_measure, consequence, tech_literacy, collaboration, citizen_innovation).",
    )
    safeguards: tuple[Principle, ...] = Field(
        (),
        description="Extension: the principles this policy makes safe to practise (an output "
        "measure for freedom, due process for consequence); once any policy safeguards a "
        "principle, only those policies count as its safeguard. Not one it practises itself.",
    )


class Choice(Table):
    """One answer to an event."""

    id: str = Field(description="Unique id within the event.")
    label: Text = Field(description="The answer as the player reads it.")
    outcome: Text | None = Field(None, description="Shown after choosing.")
    requires: Condition | None = Field(None, description="Condition for the choice to be open.")
    requires_text: Text | None = Field(
        None, description="Extension: `requires` in the author's own words, shown to players."
    )
    cost: NumExpr = Field(0.0, description="Paid when chosen.")
    values: tuple[Value, ...] = Field((), description="BerAKHLAK values it expresses.")
    breaches: tuple[Value, ...] = Field(
        (), description="Extension: BerAKHLAK values it goes against (shown beside `values`)."
    )
    effects: tuple[Effect, ...] = Field((), description="Effects; delay counts from the choice.")


class Event(Table):
    """Something that happens, with choices."""

    id: str = Field(description="Unique id of the event.")
    title: Text = Field(description="Headline of the event.")
    text: Text = Field(description="What happened.")
    turns: tuple[int, int] | None = Field(
        None, description="Window [first, last] in which it may fire."
    )
    at: int | None = Field(None, ge=1, description="A scripted turn (instead of a window).")
    chance: NumExpr = Field(1.0, description="Chance 0..1 to fire at a turn it can (default 1).")
    when: Condition | None = Field(None, description="Optional condition for it to fire.")
    once: bool | None = Field(
        None, description="Fires at most once (default true unless cooldown is set)."
    )
    cooldown: int | None = Field(
        None, ge=0, description="Turns it rests after firing before it may fire again."
    )
    choices: tuple[Choice, ...] = Field(
        min_length=1, description="The answers; the first is the default."
    )

    @model_validator(mode="after")
    def _timing(self) -> Event:
        if self.turns is not None and self.at is not None:
            raise refuse(C.TURNS_AND_AT)
        if self.turns is not None and (self.turns[0] < 1 or self.turns[0] > self.turns[1]):
            raise refuse(C.TURNS_ORDER)
        if self.once is True and self.cooldown is not None:
            raise refuse(C.ONCE_AND_COOLDOWN)
        return self

    @property
    def repeats(self) -> bool:
        """Whether the event may fire more than once."""
        return self.once is False or (self.once is None and self.cooldown is not None)


class Goal(Table):
    """A goal checked on the final state; met goals add their bonus to the score."""

    id: str = Field(description="Unique id of the goal.")
    label: Text = Field(description="The goal as players read it.")
    condition: Condition = Field(description="Condition on the final state.")
    bonus: NumExpr = Field(0.0, description="Points added to the score when met.")


class Grade(Table):
    """A grade: the first (highest min) one the score reaches names it."""

    name: Text = Field(description="Name of the grade.")
    min: float = Field(description="Lowest score for this grade.")
    requires: Condition | None = Field(
        None,
        description="Extension: a condition on the final state the grade also needs "
        "(e.g. staff morale that can keep the unit going); unmet, the next grade down is tried.",
    )
    requires_text: Text | None = Field(
        None, description="Extension: `requires` in the author's own words, shown to players."
    )


class Scoring(Table):
    """How the final state becomes a score, goals and a grade."""

    formula: NumExpr = Field(description="Score on the final state.")
    goals: tuple[Goal, ...] = Field((), description="Goals with bonuses.")
    grades: tuple[Grade, ...] = Field((), description="Grades, highest min first.")


class Ending(Table):
    """Ends the game early when its condition holds after a turn."""

    id: str = Field(description="Unique id of the ending.")
    condition: Condition = Field(description="Checked after every turn.")
    text: Text = Field(description="What the player reads.")
    title: Text | None = Field(None, description="Extension: a headline for the ending.")
    kind: Literal["lose", "win"] = Field(
        "lose", description="Extension: whether it is a loss (default) or an early win."
    )


class PlanStep(Table):
    """One turn of a plan: policies to adopt and cancel, events to answer."""

    turn: int = Field(ge=1, description="The turn of these decisions (1-based).")
    adopt: tuple[str, ...] = Field((), description="Policies to adopt.")
    cancel: tuple[str, ...] = Field((), description="Policies to cancel.")
    choose: dict[str, str] = Field(default_factory=dict, description="Event id -> choice id.")


class Expect(Table):
    """The author's own check: play a plan, then test a condition."""

    id: str = Field(description="Unique id of the expectation.")
    label: Text | None = Field(None, description="What the author intends, in words.")
    plan: tuple[PlanStep, ...] = Field((), description="Decisions by turn.")
    assert_: Condition = Field(alias="assert", description="Condition on the final state.")
    seed: int | None = Field(
        None, description="Extension: seed to play with (default: the scenario's)."
    )


class Scenario(Table):
    """A whole scenario file."""

    format: Literal[1] = Field(description="Version of the format; 1.")
    id: str = Field(
        pattern=r"^[a-z0-9-]+$", description="Scenario id: lowercase letters, digits, '-'."
    )
    version: str = Field(description="The author's own version; results record it.")
    languages: tuple[str, ...] = Field(
        min_length=1, description="Languages provided; the first is the default."
    )
    turns: int = Field(ge=1, le=100, description="Number of turns.")
    turn_label: Text | None = Field(
        None, description='What a turn is called, e.g. { id = "Triwulan", en = "Quarter" }.'
    )
    actions_per_turn: int = Field(
        ge=1, le=50, description="Adoptions + cancellations allowed per turn."
    )
    seed: int = Field(1, description="Default class seed.")
    title: Text = Field(description="Title of the scenario.")
    briefing: Text = Field(description="The briefing players read before they start.")
    author: str | None = Field(None, description="Who wrote it.")
    budget: str | None = Field(None, description="The metric costs and upkeep are paid from.")
    metrics: dict[str, Metric] = Field(min_length=1, description="The stocks of the simulation.")
    derived: dict[str, Derived] = Field(
        default_factory=dict, description="Values computed from the metrics."
    )
    rules: tuple[Rule, ...] = Field((), description="Flows applied every turn.")
    policies: tuple[Policy, ...] = Field((), description="Policy cards.")
    events: tuple[Event, ...] = Field((), description="Events with choices.")
    scoring: Scoring = Field(description="Score, goals and grades.")
    endings: tuple[Ending, ...] = Field((), description="Early endings.")
    expect: tuple[Expect, ...] = Field((), description="The author's checks, run by agen check.")
    debrief: tuple[Debrief, ...] = Field(
        (), description="Extension: debrief questions with the player's numbers filled in."
    )
    short_form: ShortForm | None = Field(
        None, description="Extension: a shorter game for one class period."
    )
    predictions: Predictions | None = Field(
        None, description="Extension: when players are asked to predict a policy's effect."
    )
    arrears: Arrears | None = Field(
        None,
        description="Extension: what the budget cannot pay carries over as arrears; how they "
        "stall programmes (default: arrears carry over, stall grows 25% a turn).",
    )

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for lang in value:
            if not LANG_RE.match(lang):
                raise refuse(C.NOT_A_LANGUAGE, lang=lang)
        if len(set(value)) != len(value):
            raise refuse(C.LANGUAGE_TWICE)
        return value

    @property
    def default_language(self) -> str:
        """The first listed language."""
        return self.languages[0]


class PlanFile(Table):
    """A plan file for ``agen simulate --plan``: ``plan = [...]``."""

    plan: tuple[PlanStep, ...] = Field(description="Decisions by turn.")
    seed: int | None = Field(None, description="Optional seed to play with.")
