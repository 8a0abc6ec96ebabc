"""The reflection's sentences for the browser debrief, from the window's catalog keys
(``reflect.*``): a prediction's reveal, a surprise with its causes, and each "Netflix
culture" principle as this game practised it. The window words the same figures in
``game/ui/reveals.py`` and ``game/ui/screens/reflection.py``, which hold pygame and so
cannot be imported by the class server.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.explain import cause_label
from game.engine.game import Game
from game.engine.indicators import item, label
from game.engine.numbers import decimals, show, turn_ranges
from game.engine.prediction import Reveal
from game.engine.principles import PrincipleUse, aspect_metrics
from game.i18n import english_plural, tr
from game.scenario import localize


@dataclass(frozen=True)
class Effect:
    """What a principle's policies did to one aspect (service, trust, integrity, staff)."""

    aspect: str
    text: str
    tone: str  # good / bad / none


@dataclass(frozen=True)
class PrincipleRow:
    """One "Netflix culture" principle as this game practised it."""

    title: str
    line: str
    practised: bool
    effects: tuple[Effect, ...]


def turn_word(game: Game, lang: str) -> str:
    """What a turn is called in this scenario ("Triwulan", "Quarter")."""
    s = game.scenario
    text = localize(s.turn_label, lang, s.default_language) if s.turn_label is not None else ""
    return text or tr("turn.label", lang)


def quarters_text(game: Game, turns: tuple[int, ...], lang: str) -> str:
    """'Quarter 2–5, 7' from a sorted tuple of turns."""
    return f"{turn_word(game, lang)} {turn_ranges(turns)}"


def _policy(game: Game, pid: str, lang: str) -> str:
    s = game.scenario
    return localize(game.policy(pid).name, lang, s.default_language)


def reveal_line(game: Game, r: Reveal, lang: str) -> str:
    """A prediction next to what came, with the quarters the number covers, in the words of
    the window's turn report (``report.reveal``, game/ui/reveals.py): "Online services ·
    Files done: you said up, it went up: +2,100 from this policy, quarters 1–3"."""
    p = r.prediction
    word = turn_word(game, lang)
    lower = word if word.isupper() else word[:1].lower() + word[1:]
    until = min(p.by, game.turns_played)
    if until <= p.turn:
        period = f"{lower} {p.turn}"
    else:
        period = f"{english_plural(lower) if lang == 'en' else lower} {p.turn}–{until}"
    return tr(
        "report.reveal",
        lang,
        policy=_policy(game, p.policy, lang),
        metric=label(game.scenario, p.metric, lang),
        said=tr(f"reflect.said_{p.expect}", lang),
        did=tr(f"reflect.did_{r.actual}", lang),
        amount=show(game.scenario, p.metric, r.amount, lang, sign=True),
        period=period,
    )


def surprise_line(game: Game, r: Reveal, lang: str) -> str:
    """A wrong prediction in a sentence, with when it paid and what else moved the metric."""
    s = game.scenario
    p = r.prediction
    word = turn_word(game, lang)
    metric = label(s, p.metric, lang)
    text = tr(
        f"reflect.surprise_{p.expect}",
        lang,
        policy=_policy(game, p.policy, lang),
        metric=metric,
        when=f"{word} {p.by}",
        did=tr(f"reflect.did_{r.actual}", lang),
    )
    hoped = (p.expect == "up") == item(s, p.metric).higher_is_better
    if r.paid_turn is not None and r.paid_turn > p.by:
        text += " " + tr("reflect.paid_in", lang, when=f"{word} {r.paid_turn}")
    elif r.paid_turn is None and p.expect != "same" and hoped:
        text += " " + tr("reflect.never_paid", lang)
    tiny = 0.5 * 10 ** -decimals(s, p.metric)
    shown = [c for c in r.causes if abs(c.delta) >= tiny]
    if shown:
        causes = ", ".join(
            f"{cause_label(game.compiled, c, lang)} ({show(s, p.metric, c.delta, lang, sign=True)})"
            for c in shown
        )
        text += " " + tr("reflect.meanwhile", lang, metric=metric, causes=causes)
    return text


def _practised_line(game: Game, use: PrincipleUse, lang: str) -> str:
    names = ", ".join(_policy(game, p, lang) for p in use.policies)
    line = tr("reflect.practised", lang, quarters=quarters_text(game, use.quarters, lang))
    line = f"{line[:-1]} ({names})." if line.endswith(".") else f"{line} ({names})"
    if use.safeguard is not None:
        word = turn_word(game, lang).lower()
        if lang == "en" and len(use.quarters) != 1:
            word = english_plural(word)
        line += " " + tr(
            "reflect.guarded",
            lang,
            guarded=len(use.guarded),
            total=len(use.quarters),
            turns=word,
            guard=tr(f"reflect.guard.{use.principle}", lang),
        )
    return line


def netflix_rows(game: Game, uses: Iterable[PrincipleUse], lang: str) -> list[PrincipleRow]:
    """Each principle: whether and when it was practised, with its safeguard, and what its
    policies did to each aspect ("—" for less than the metric's last decimal)."""
    s = game.scenario
    aspects = aspect_metrics(s)
    rows = []
    for use in uses:
        effects = []
        for aspect, metric in aspects.items():
            value = use.effects.get(aspect, 0.0)
            tiny = abs(value) < 0.5 * 10 ** -decimals(s, metric)
            good = (value > 0) == item(s, metric).higher_is_better
            effects.append(
                Effect(
                    tr(f"reflect.aspect.{aspect}", lang),
                    "—" if tiny else show(s, metric, value, lang, sign=True),
                    "none" if tiny else "good" if good else "bad",
                )
            )
        line = (
            _practised_line(game, use, lang) if use.practised else tr("reflect.not_practised", lang)
        )
        rows.append(
            PrincipleRow(
                tr(f"reflect.p.{use.principle}", lang), line, use.practised, tuple(effects)
            )
        )
    return rows
