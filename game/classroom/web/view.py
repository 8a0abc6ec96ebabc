"""What the play pages show, worked out from a seat's game: indicators with their causes,
policy cards with their terms and effects in words, events, the turn report.

Plain data for the templates (no HTML here). The facts are the window's: the same engine
views (``Game.causes``, ``cause_label``, ``can_adopt``...), numbers (``engine.numbers``) and
catalog words; ``game.ui`` itself is out of reach of the class server (layers): the indicators' own
helpers come from ``game.engine.indicators`` (as the window's), the few others a page needs
are read here from the scenario as ``game/ui/facts.py`` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.classroom.web.debrief_words import reveal_line
from game.engine import Game
from game.engine.explain import cause_label
from game.engine.indicators import item, label
from game.engine.numbers import decimals, number, show
from game.engine.prediction import Prediction, reveal
from game.i18n import english_plural, say, tr, tr_n
from game.results.requirement_words import say_requirement
from game.scenario import Scenario, localize
from game.scenario.format_model import Effect

IKM_BANDS = ((88.31, "A"), (76.61, "B"), (65.0, "C"), (25.0, "D"))  # as game/ui/facts.py
# (went up?, for the better?) -> the words
CHANGE_WORDS = {
    (True, True): "web.change_up_good",
    (True, False): "web.change_up_bad",
    (False, True): "web.change_down_good",
    (False, False): "web.change_down_bad",
}
MOVE_WORDS = {
    (True, True): "web.moves_up_good",
    (True, False): "web.moves_up_bad",
    (False, True): "web.moves_down_good",
    (False, False): "web.moves_down_bad",
}


@dataclass(frozen=True)
class Cause:
    """One line of "why did this move?"."""

    text: str
    amount: str
    tone: str  # good, bad


@dataclass(frozen=True)
class MetricView:
    """An indicator: its value, band, change since last quarter and the causes of it."""

    name: str
    label: str
    value: str
    band: str | None
    change: str
    tone: str  # good, bad, flat
    change_words: str  # the change for a screen reader ("up 2, for the better")
    causes: tuple[Cause, ...]
    none: str  # what to say when there is no cause to list
    spark: str  # SVG polyline points of the trend, in a 100x28 box


@dataclass(frozen=True)
class Move:
    """What a policy tends to do to one indicator, in words."""

    arrow: str
    tone: str  # good, bad, mixed
    text: str


@dataclass
class PolicyView:
    """A policy card."""

    id: str
    name: str
    description: str
    cost: str
    upkeep: str
    delay: str
    moves: list[Move] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    active: bool = False
    held: str = ""
    refusal: str | None = None  # why it cannot be adopted (or cancelled, when in force)


def turn_label(s: Scenario, lang: str) -> str:
    """What a turn is called ("Triwulan", "Quarter")."""
    text = localize(s.turn_label, lang, s.default_language) if s.turn_label is not None else ""
    return text or tr("turn.label", lang)


def turns(s: Scenario, n: int, lang: str) -> str:
    """A count of turns in the scenario's words: "1 quarter", "2 triwulan"."""
    word = turn_label(s, lang)
    lower = word if word.isupper() else word[:1].lower() + word[1:]
    return tr_n("count.turns", n, lang, label=lower, labels=english_plural(lower))


def band(s: Scenario, name: str, value: float, lang: str) -> str | None:
    """The grade band of a value: the metric's own bands, else IKM A–D for IKM-like metrics."""
    m = item(s, name)
    if m.bands:
        hit = next((b for b in sorted(m.bands, key=lambda b: -b.min) if value >= b.min), None)
        return localize(hit.label, lang, s.default_language) if hit else None
    text = " ".join(str(v) for v in (m.label.values() if isinstance(m.label, dict) else [m.label]))
    lo, hi = getattr(m, "min", 0.0), getattr(m, "max", 100.0)
    if "IKM" in text.upper() and lo >= 0 and hi <= 100:
        return next((b for lo_b, b in IKM_BANDS if value >= lo_b), None)
    return None


def good(s: Scenario, name: str, delta: float) -> bool:
    """Whether a change is for the better."""
    return (delta > 0) == item(s, name).higher_is_better


def _tiny(s: Scenario, name: str, delta: float) -> bool:
    return bool(abs(delta) < 0.5 * 10.0 ** -decimals(s, name))


def spark(series: list[float]) -> str:
    """The trend as polyline points in a 100x28 box (flat in the middle when it never moved)."""
    if len(series) < 2:
        series = series * 2
    lo, hi = min(series), max(series)
    span = hi - lo or 1.0
    step = 100 / (len(series) - 1)
    ys = [14.0 if hi == lo else 26 - 24 * (v - lo) / span for v in series]
    return " ".join(f"{i * step:.1f},{y:.1f}" for i, y in enumerate(ys))


def causes_of(game: Game, name: str, turn: int, lang: str, n: int = 5) -> tuple[Cause, ...]:
    """The largest causes of an indicator's change in ``turn``, named as in the window."""
    s = game.scenario
    if turn < 1 or name not in s.metrics:
        return ()
    return tuple(
        Cause(
            cause_label(game.compiled, c, lang),
            show(s, name, c.delta, lang, sign=True),
            "good" if good(s, name, c.delta) else "bad",
        )
        for c in game.causes(turn, name)[:n]
        if not _tiny(s, name, c.delta)
    )


def metric_view(game: Game, name: str, lang: str, turn: int | None = None) -> MetricView:
    """An indicator after ``turn`` (default: now), with the causes of its change in that turn."""
    s = game.scenario
    turn = game.turns_played if turn is None else turn
    series = game.history_of(name)[: turn + 1]
    value = series[-1]
    delta = value - series[-2] if turn > 0 else 0.0
    unit = turn_label(s, lang).lower()
    if turn == 0 or _tiny(s, name, delta):
        tone, shown = "flat", "±0" if turn else ""
        words = tr("web.change_none", lang, label=unit) if turn else ""
    else:
        tone = "good" if good(s, name, delta) else "bad"
        shown = ("▲ " if delta > 0 else "▼ ") + show(s, name, delta, lang, sign=True)
        words = tr(CHANGE_WORDS[(delta > 0, tone == "good")], lang, label=unit)
    why = causes_of(game, name, turn, lang)
    none = (
        ""
        if why
        else tr("why.derived" if name in s.derived and turn else "why.none", lang)
        if turn
        else tr("why.first_turn", lang)
    )
    return MetricView(
        name,
        label(s, name, lang),
        show(s, name, value, lang),
        band(s, name, value, lang),
        shown,
        tone,
        words,
        why,
        none,
        spark(series),
    )


def moves(game: Game, effects: tuple[Effect, ...], lang: str) -> list[Move]:
    """Which way a policy's effects push each visible indicator, in words."""
    s = game.scenario
    signs: dict[str, str] = {}
    for e in effects:
        if e.metric == s.budget or (e.metric in s.metrics and s.metrics[e.metric].hidden):
            continue
        d = e.delta
        sign = "±" if isinstance(d, str) else "+" if d > 0 else "-" if d < 0 else ""
        if sign:
            prev = signs.get(e.metric)
            signs[e.metric] = sign if prev in (None, sign) else "±"
    out = []
    for metric, sign in signs.items():
        name = label(s, metric, lang)
        if sign == "±":
            out.append(Move("↕", "mixed", tr("web.moves_depends", lang, metric=name)))
            continue
        up = sign == "+"
        tone = "good" if good(s, metric, 1.0 if up else -1.0) else "bad"
        key = MOVE_WORDS[(up, tone == "good")]
        out.append(Move("▲" if up else "▼", tone, tr(key, lang, metric=name)))
    return out


def policy_view(game: Game, policy_id: str, lang: str) -> PolicyView:
    """A policy card: terms, effects in words, what it needs, and why it is unavailable."""
    s = game.scenario
    p = game.policy(policy_id)
    dl = s.default_language
    delay = min((e.delay for e in p.effects), default=0)
    view = PolicyView(
        p.id,
        localize(p.name, lang, dl),
        localize(p.description, lang, dl) if p.description is not None else "",
        number(game.cost_of(p.id), 0, lang),
        number(game.upkeep_of(p.id), 0, lang) if game.upkeep_of(p.id) else "—",
        tr("card.delay_n", lang, turns=turns(s, delay, lang)) if delay else tr("card.now", lang),
        moves(game, p.effects, lang),
    )
    names = {q.id: localize(q.name, lang, dl) for q in s.policies}
    if p.available is not None:
        said = say_requirement(p.available, s, lang, p.available_text)
        view.needs.append(tr("web.available", lang, condition=said))
    if p.requires:
        view.needs.append(tr("web.needs", lang, names=", ".join(names[r] for r in p.requires)))
    if p.excludes:
        view.needs.append(tr("web.excludes", lang, names=", ".join(names[x] for x in p.excludes)))
    view.active = game.active(p.id)
    if view.active:
        view.held = tr("card.active", lang, turns=turns(s, game.held(p.id), lang))
        refusal = game.why_not_cancel(p.id)
    else:
        refusal = game.why_not_adopt(p.id)
    if refusal is not None and refusal.reason == "not_available" and p.available is not None:
        view.refusal = tr("web.not_yet", lang, condition=view.needs[0])
    else:
        view.refusal = say(refusal.said, lang) if refusal is not None else None
    return view


def categories(game: Game, lang: str) -> list[tuple[str, str, list[PolicyView]]]:
    """The policy cards by category, in the scenario's order: (id, name, cards)."""
    groups: dict[str, list[PolicyView]] = {}
    for p in game.scenario.policies:
        groups.setdefault(p.category, []).append(policy_view(game, p.id, lang))
    return [(cat, tr(f"category.{cat}", lang), cards) for cat, cards in groups.items()]


@dataclass(frozen=True)
class RevealLine:
    """A prediction next to what happened."""

    right: bool
    text: str


def reveal_lines(
    game: Game, predictions: list[Prediction], turn: int, lang: str
) -> list[RevealLine]:
    """The predictions that come due in ``turn`` (and, when the game is over, those it ended
    before), each with what the policy really did: the window's turn-report reveals."""
    due = [p for p in predictions if p.by == turn or (game.over and p.by > turn)]
    found = (reveal(game, p) for p in due)
    return [RevealLine(r.right, reveal_line(game, r, lang)) for r in found if r is not None]


def event_view(game: Game, event_id: str, lang: str) -> dict[str, object]:
    """A pending event: its title, text and choices (cost, and why a choice is closed)."""
    s = game.scenario
    dl = s.default_language
    ev = game.event(event_id)
    choices = []
    for ch in ev.choices:
        verdict = game.can_choose(ev.id, ch.id)
        refusal = say(verdict.reason.said, lang) if verdict.reason is not None else ""
        if verdict.reason is not None and verdict.reason.reason == "requires":
            said = say_requirement(ch.requires or True, s, lang, ch.requires_text)
            refusal = tr("web.not_yet", lang, condition=said)
        cost = game.evaluate(ch.cost) if not isinstance(ch.cost, float) else ch.cost
        choices.append(
            {
                "id": ch.id,
                "label": localize(ch.label, lang, dl),
                "cost": tr("web.choice_cost", lang, cost=number(cost, 0, lang)) if cost else "",
                "refusal": refusal,
            }
        )
    if all(c["refusal"] for c in choices):  # none open: the last is taken anyway
        choices[-1]["refusal"] = ""
    return {
        "id": ev.id,
        "title": localize(ev.title, lang, dl),
        "text": localize(ev.text, lang, dl),
        "choices": choices,
    }
