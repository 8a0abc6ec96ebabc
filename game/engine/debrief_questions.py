"""Debrief questions with the player's own numbers filled in (``[[debrief]]`` of a scenario).

The numbers of one game are worked out as a table of placeholder -> value; the class's
numbers are the same tables averaged. A question needs every policy its placeholders name
to have been adopted; otherwise its ``otherwise`` text is asked, or it is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from game.engine.game import Game
from game.engine.numbers import decimals, number
from game.engine.timeline import first_adopted, spells, turns_in_force, value_after
from game.scenario.format_model import Debrief, Scenario
from game.scenario.reflection_keys import PLACEHOLDER, Placeholder, parse_placeholder, placeholders
from game.scenario.text import localize

Values = dict[str, float | None]


@dataclass(frozen=True)
class Question:
    """A debrief question as asked: its id, the text chosen and the numbers it needs."""

    id: str
    text: str  # the question or its 'otherwise', with placeholders still in it
    values: Values


def _value(game: Game, ph: Placeholder) -> float | None:
    if ph.field in ("quarters", "first"):
        if ph.field == "quarters":
            return float(len(turns_in_force(game, ph.name)))
        first = first_adopted(game, ph.name)
        return None if first is None else float(first)
    if ph.policy is not None:
        runs = spells(game, ph.policy)
        if not runs:
            return None
        if ph.field == "before":
            return value_after(game, ph.name, runs[0][0] - 1)
        return value_after(game, ph.name, runs[-1][1])
    values = game.history_of(ph.name)
    return {
        "start": values[0],
        "end": values[-1],
        "change": values[-1] - values[0],
        "low": min(values),
        "high": max(values),
    }[ph.field]


def _needs(text: str, s: Scenario) -> list[Placeholder]:
    found = (parse_placeholder(t, s) for t in placeholders(text))
    return [p for p in found if isinstance(p, Placeholder)]


def asked(game: Game, q: Debrief) -> bool:
    """Whether the question's ``when`` holds on the game's final state (true without one)."""
    condition = game.compiled.asked_when.get(q.id)
    return condition is None or bool(game.evaluate(condition))


def ask(game: Game, q: Debrief, lang: str) -> Question | None:
    """The question for this game: its text (or the 'otherwise' one) and its numbers; None
    when its ``when`` does not hold or no text can be filled in."""
    s = game.scenario
    if not asked(game, q):
        return None
    for source in (q.question, q.otherwise):
        if source is None:
            continue
        text = localize(source, lang, s.default_language)
        values = {ph.text: _value(game, ph) for ph in _needs(text, s)}
        if all(v is not None for v in values.values()):
            return Question(q.id, text, values)
    return None


def fill(text: str, values: Values, fmt: Callable[[str, float], str]) -> str:
    """The text with each placeholder replaced by its formatted value ("—" when missing)."""

    def one(match: object) -> str:
        key = match.group(1)  # type: ignore[attr-defined]
        value = values.get(key)
        return "—" if value is None else fmt(key, value)

    return PLACEHOLDER.sub(one, text)


def formatter(s: Scenario, lang: str) -> Callable[[str, float], str]:
    """How a placeholder's value reads: with its metric's decimals, or a whole count."""

    def fmt(key: str, value: float) -> str:
        parsed = parse_placeholder(key, s)
        if not isinstance(parsed, Placeholder) or parsed.field in ("quarters", "first"):
            return number(value, 0, lang)
        sign = parsed.field == "change"
        return number(value, decimals(s, parsed.name), lang, sign)

    return fmt


def questions(game: Game, lang: str) -> list[str]:
    """Every debrief question of the scenario asked of this game, numbers filled in (the one
    list the window's debrief and the Aksi draft read)."""
    return [text for _id, text in questions_asked(game, lang)]


def questions_asked(game: Game, lang: str) -> list[tuple[str, str]]:
    """(id, text with the numbers filled in) of every question asked of this game."""
    s = game.scenario
    fmt = formatter(s, lang)
    out = []
    for q in s.debrief:
        one = ask(game, q, lang)
        if one is not None:
            out.append((q.id, fill(one.text, one.values, fmt)))
    return out


def class_question(s: Scenario, q: Debrief, games: Iterable[Game], lang: str) -> str | None:
    """A question with the class's numbers: each placeholder the mean over the games that
    have it (the main question when most games can be asked it, else 'otherwise'); asked
    of the games where its ``when`` holds, not at all when it holds in none."""
    games = [g for g in games if asked(g, q)]
    if not games:
        return None
    fmt = formatter(s, lang)
    for source in (q.question, q.otherwise):
        if source is None:
            continue
        text = localize(source, lang, s.default_language)
        needs = _needs(text, s)
        rows = [{ph.text: _value(g, ph) for ph in needs} for g in games]
        complete = [r for r in rows if all(v is not None for v in r.values())]
        if not complete or (source is q.question and q.otherwise and len(complete) * 2 < len(rows)):
            continue
        means: Values = {
            ph.text: sum(r[ph.text] or 0.0 for r in complete) / len(complete) for ph in needs
        }
        return fill(text, means, fmt)
    return None
