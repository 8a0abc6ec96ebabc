"""What the browser debrief shows, worked out from a finished game (no HTML here).

The same figures as the window's debrief and reflection pages, read through the same
functions: the score and grade (``game.outcome``), the passive game's score, the goals,
the key indicators (``debrief_charts``), the BerAKHLAK profile (``engine.values``), the
calibration (``engine.prediction``), "Netflix culture for ASN?" (``engine.principles``) and
the debrief questions with the player's numbers (``engine.debrief_questions``). Only the sentences
are made here, from the catalogs (``play.debrief.*`` and the reflection's ``reflect.*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.classroom.web.debrief_charts import Chart, charts
from game.classroom.web.debrief_words import PrincipleRow, netflix_rows, reveal_line, surprise_line
from game.engine.bots import passive_score
from game.engine.debrief_questions import questions
from game.engine.game import Game
from game.engine.numbers import number
from game.engine.prediction import Prediction, calibration
from game.engine.principles import aspect_metrics, principle_uses
from game.engine.values import value_counts
from game.errors import Codes
from game.i18n import tr
from game.results.requirement_words import say_held_below, say_requirement
from game.scenario import localize
from game.scenario.format_model import VALUES


class DebriefText(Codes):
    """The browser debrief's own words (the reflection's are the window's ``reflect.*``)."""

    TITLE = "play.debrief.title"
    SCORE = "play.debrief.score"
    GRADE = "play.debrief.grade"
    ABOVE = "play.debrief.above_passive"
    BELOW = "play.debrief.below_passive"
    LEVEL = "play.debrief.level_passive"
    GRADE_MISSED = "play.debrief.grade_missed"
    GOALS = "play.debrief.goals"
    GOAL_MET = "play.debrief.goal_met"
    GOAL_MISSED = "play.debrief.goal_missed"
    INDICATORS = "play.debrief.indicators"
    INDICATORS_NOTE = "play.debrief.indicators_note"
    START = "play.debrief.start"
    END = "play.debrief.end"
    PROFILE = "play.debrief.values"
    PROFILE_NOTE = "play.debrief.values_note"
    SHOWN = "play.debrief.shown"
    BREACHED = "play.debrief.breached"
    NO_BREACH = "play.debrief.no_breach"
    CALIBRATION = "play.debrief.calibration"
    ALL_PREDICTIONS = "play.debrief.all_predictions"
    NETFLIX = "play.debrief.netflix"
    QUESTIONS = "play.debrief.questions"
    AKSI = "play.debrief.aksi"
    AKSI_NOTE = "play.debrief.aksi_note"
    SECTIONS = "play.debrief.sections"
    CHART_CAPTION = "play.debrief.chart_caption"


@dataclass(frozen=True)
class Goal:
    """A goal of the scenario and whether this game met it."""

    label: str
    met: bool
    status: str  # "met" / "not met", for a screen reader


@dataclass(frozen=True)
class ValueRow:
    """One BerAKHLAK value: how often shown and breached, and bar lengths in percent of the
    largest count of either kind (one scale for both bars)."""

    name: str
    shown: int
    breached: int
    shown_pct: int
    breached_pct: int


@dataclass(frozen=True)
class RevealRow:
    """One prediction next to what happened."""

    right: bool
    tag: str
    text: str


@dataclass(frozen=True)
class Ending:
    """The ending that stopped the game, if one did."""

    title: str
    text: str
    kind: str


@dataclass(frozen=True)
class DebriefView:
    """Everything the debrief page shows, in one language."""

    lang: str
    scenario: str
    score: str
    grade: str | None
    grade_missed: tuple[str, ...]
    passive: str
    ending: Ending | None
    goals: tuple[Goal, ...]
    charts: tuple[Chart, ...]
    values: tuple[ValueRow, ...]
    any_breach: bool
    calibration_head: str
    surprises: tuple[str, ...]
    reveals: tuple[RevealRow, ...]
    netflix_intro: str
    netflix_close: str
    aspects: tuple[str, ...]
    principles: tuple[PrincipleRow, ...]
    questions: tuple[str, ...]
    words: dict[str, str]


def words(lang: str) -> dict[str, str]:
    """The page's own words in ``lang``, by the code's name in lower case."""
    out = {c.name.lower(): tr(c.value, lang) for c in DebriefText}
    out["questions_none"] = tr("reflect.questions_none", lang)
    return out


def passive_text(score: float, passive: float, lang: str) -> str:
    """The score against the passive game, said so that it reads right at once: how many
    points above or below doing nothing, and what doing nothing scored."""
    diff = round(score - passive, 1)
    fields = {"diff": number(abs(diff), 1, lang), "passive": number(passive, 1, lang)}
    code = DebriefText.LEVEL if diff == 0 else DebriefText.ABOVE if diff > 0 else DebriefText.BELOW
    return tr(code.value, lang, **fields)


def grade_missed(game: Game, lang: str) -> list[str]:
    """Why a higher grade was not given, in words: first why the score was held below a
    grade (``Outcome.held_below``, said as the window says it), then each higher grade whose
    lowest score the final state earned but whose extra condition was not met."""
    out = game.outcome
    assert out is not None
    if out.held_below is None:  # no grade reached was refused
        return []
    s, c = game.scenario, game.compiled
    reasons = [say_held_below(out.held_below, s, lang)]
    earned = out.earned if out.earned is not None else out.score
    refused = []  # (threshold, grade) reached by the earned score but refused, highest first
    for lo, i in c.grades:
        if i == out.grade:
            break
        if earned >= lo and i in c.grade_requires and not game.evaluate(c.grade_requires[i]):
            refused.append((lo, i))
    for lo, i in refused[:-1]:  # the lowest refused grade is the one the score is held below
        grade = s.scoring.grades[i]
        reasons.append(
            tr(
                DebriefText.GRADE_MISSED.value,
                lang,
                grade=localize(grade.name, lang, s.default_language),
                min=number(lo, 0 if lo == int(lo) else 2, lang),
                needs=say_requirement(grade.requires or "", s, lang, grade.requires_text),
            )
        )
    return reasons


def value_rows(game: Game, lang: str) -> list[ValueRow]:
    """The BerAKHLAK profile: each value shown and breached, on one scale."""
    shown, breached = value_counts(game), value_counts(game, breaches=True)
    top = max(*shown.values(), *breached.values()) or 1
    return [
        ValueRow(
            tr(f"value.{v}", lang),
            shown[v],
            breached[v],
            round(100 * shown[v] / top),
            round(100 * breached[v] / top),
        )
        for v in VALUES
    ]


def _ending(game: Game, lang: str) -> Ending | None:
    out = game.outcome
    if out is None or out.ending is None:
        return None
    s = game.scenario
    e = next(x for x in s.endings if x.id == out.ending)
    title = localize(e.title, lang, s.default_language) if e.title is not None else ""
    return Ending(title, localize(e.text, lang, s.default_language), e.kind)


def _goals(game: Game, lang: str) -> list[Goal]:
    out = game.outcome
    assert out is not None
    s = game.scenario
    met_word, missed_word = (
        tr(DebriefText.GOAL_MET.value, lang),
        tr(DebriefText.GOAL_MISSED.value, lang),
    )
    return [
        Goal(
            localize(g.label, lang, s.default_language),
            g.id in out.goals,
            met_word if g.id in out.goals else missed_word,
        )
        for g in s.scoring.goals
    ]


def build(game: Game, predictions: Sequence[Prediction], lang: str) -> DebriefView:
    """The debrief of a finished game in ``lang``."""
    out = game.outcome
    assert out is not None, "the debrief is of a finished game"
    s = game.scenario
    dl = s.default_language
    grade = localize(s.scoring.grades[out.grade].name, lang, dl) if out.grade is not None else None
    cal = calibration(game, tuple(predictions))
    head = (
        tr("reflect.calibration_score", lang, right=cal.right, total=cal.total)
        if cal.total
        else tr("reflect.calibration_none", lang)
    )
    reveals = [
        RevealRow(
            r.right,
            tr("reflect.right" if r.right else "reflect.wrong", lang),
            reveal_line(game, r, lang),
        )
        for r in cal.reveals
    ]
    aspects = aspect_metrics(s)
    return DebriefView(
        lang=lang,
        scenario=localize(s.title, lang, dl),
        score=number(out.score, 1, lang),
        grade=grade,
        grade_missed=tuple(grade_missed(game, lang)),
        passive=passive_text(out.score, passive_score(game), lang),
        ending=_ending(game, lang),
        goals=tuple(_goals(game, lang)),
        charts=tuple(charts(game, lang)),
        values=tuple(value_rows(game, lang)),
        any_breach=any(value_counts(game, breaches=True).values()),
        calibration_head=head,
        surprises=tuple(surprise_line(game, r, lang) for r in cal.surprises),
        reveals=tuple(reveals),
        netflix_intro=tr("reflect.netflix_intro", lang),
        netflix_close=tr("reflect.netflix_close", lang),
        aspects=tuple(tr(f"reflect.aspect.{a}", lang) for a in aspects),
        principles=tuple(netflix_rows(game, principle_uses(game), lang)),
        questions=tuple(questions(game, lang)),
        words=words(lang),
    )
