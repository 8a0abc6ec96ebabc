"""What the screens show, worked out from the scenario and the game (no pygame here):
visible metrics, number formats, grade bands, what a policy tends to move.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Game
from game.engine.actions import Refusal
from game.engine.indicators import chart_range as chart_range  # the screens read these here
from game.engine.indicators import item as item
from game.engine.indicators import label as label
from game.engine.indicators import visible as visible
from game.engine.numbers import decimals as decimals  # the screens read these from here
from game.engine.numbers import number as number
from game.engine.numbers import show as show
from game.errors import ActionRefused
from game.i18n import english_plural, say, tr, tr_n
from game.results.requirement_words import say_requirement
from game.scenario import Scenario, localize
from game.scenario.format_model import Effect
from game.scenario.text import Text
from game.ui.turn_words import turn_label as turn_label  # the screens read it from here

Requirement = tuple[str | bool, Text | None]  # an expression and the author's own words

IKM_BANDS = ((88.31, "A"), (76.61, "B"), (65.0, "C"), (25.0, "D"))


def turns(s: Scenario, n: int, lang: str) -> str:
    """A count of turns in the scenario's words: "1 quarter", "2 quarters", "2 triwulan"."""
    word = turn_label(s, lang)
    lower = word if word.isupper() else word[:1].lower() + word[1:]
    return tr_n("count.turns", n, lang, label=lower, labels=english_plural(lower))


def band(s: Scenario, name: str, value: float, lang: str) -> str | None:
    """The grade band of a value: the metric's own ``bands``, else IKM A–D for IKM-like metrics."""
    m = item(s, name)
    if m.bands:
        ordered = sorted(m.bands, key=lambda b: -b.min)
        hit = next((b for b in ordered if value >= b.min), None)
        return localize(hit.label, lang, s.default_language) if hit else None
    text = " ".join(str(v) for v in (m.label.values() if isinstance(m.label, dict) else [m.label]))
    lo = getattr(m, "min", 0.0)
    hi = getattr(m, "max", 100.0)
    if "IKM" in text.upper() and lo >= 0 and hi <= 100:
        return next((b for lo_b, b in IKM_BANDS if value >= lo_b), None)
    return None


def good_change(s: Scenario, name: str, delta: float) -> bool:
    """Whether a change is for the better."""
    return (delta > 0) == item(s, name).higher_is_better


@dataclass(frozen=True)
class Move:
    """What a policy tends to do to one metric: '+', '-' or '±' (depends on the state)."""

    metric: str
    direction: str


def moves(effects: tuple[Effect, ...], s: Scenario) -> list[Move]:
    """Directions only, per metric, from the effects' constant deltas."""
    out: dict[str, str] = {}
    for e in effects:
        if e.metric == s.budget or (e.metric in s.metrics and s.metrics[e.metric].hidden):
            continue
        d = e.delta
        sign = "±" if isinstance(d, str) else "+" if d > 0 else "-" if d < 0 else ""
        if not sign:
            continue
        prev = out.get(e.metric)
        out[e.metric] = sign if prev in (None, sign) else "±"
    return [Move(m, d) for m, d in out.items()]


def first_delay(effects: tuple[Effect, ...]) -> int:
    """Turns before the first effect acts."""
    return min((e.delay for e in effects), default=0)


def trend(game: Game, name: str) -> list[float]:
    """The value of a metric after each turn so far (start included)."""
    return game.history_of(name)


def change(game: Game, name: str) -> float:
    """Change since the last turn."""
    series = trend(game, name)
    return series[-1] - series[-2] if len(series) > 1 else 0.0


def last_turn(game: Game) -> int:
    """The last resolved turn (0 before the first)."""
    return game.turns_played


def refusal_words(
    game: Game, refusal: ActionRefused, lang: str, requirement: Requirement | None = None
) -> str:
    """Why an action is refused, in the player's words: a requirement the trainer wrote as
    an expression (a choice's ``requires``, a policy's ``available``) is said from the metric
    and policy labels ("Jejaring mitra minimal 45"), never as code."""
    code = refusal.said.code
    if requirement is not None and code in (Refusal.CONDITION, Refusal.NOT_AVAILABLE):
        expr, own = requirement
        words = say_requirement(expr, game.scenario, lang, own)
        return tr("refused.condition", lang, condition=words)
    return say(refusal.said, lang)
