"""Predictions next to what happened, drawn in the turn report and the reflection pages."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import Adopt
from game.engine.explain import cause_label
from game.engine.prediction import DIRECTIONS, Prediction, Reveal, moved_metrics, reveal
from game.i18n import english_plural, tr
from game.scenario import localize
from game.ui import facts, theme, widgets
from game.ui.widgets import Ink

LINE_SIZE = 16


def due_reveals(app: Any, turn: int) -> list[Reveal]:
    """The session's predictions that come due in ``turn``, with what happened."""
    session = app.session
    if session is None:
        return []
    game = session.game
    found = (reveal(game, p) for p in session.predictions if p.by == turn)
    out = [r for r in found if r is not None]
    if game.over:  # a game that ended early reveals what is still outstanding
        late = (reveal(game, p) for p in session.predictions if p.by > turn)
        out += [r for r in late if r is not None]
    return out


def surprise_text(app: Any, r: Reveal) -> str:
    """A wrong prediction in a sentence, with when it paid and what else moved the metric."""
    game, lang = app.session.game, app.lang
    s = game.scenario
    p = r.prediction
    word = facts.turn_label(s, lang)
    policy = localize(game.policy(p.policy).name, lang, s.default_language)
    metric = facts.label(s, p.metric, lang)
    text = tr(
        f"reflect.surprise_{p.expect}",
        lang,
        policy=policy,
        metric=metric,
        when=f"{word} {p.by}",
        did=tr(f"reflect.did_{r.actual}", lang),
    )
    hoped = facts.good_change(s, p.metric, 1.0 if p.expect == "up" else -1.0)
    if r.paid_turn is not None and r.paid_turn > p.by:
        text += " " + tr("reflect.paid_in", lang, when=f"{word} {r.paid_turn}")
    elif r.paid_turn is None and p.expect != "same" and hoped:
        text += " " + tr("reflect.never_paid", lang)
    shown = [c for c in r.causes if abs(c.delta) >= 0.5 * 10 ** -facts.decimals(s, p.metric)]
    if shown:
        causes = ", ".join(
            f"{cause_label(game.compiled, c, lang)} ({facts.show(s, p.metric, c.delta, lang, sign=True)})"
            for c in shown
        )
        text += " " + tr("reflect.meanwhile", lang, metric=metric, causes=causes)
    return text


def report_line(app: Any, r: Reveal) -> str:
    """A prediction in the turn report: the policy, the metric, what was said and what came,
    and the quarters the number covers ("Layanan daring → Berkas selesai: tebakan naik,
    ternyata naik: +2.100 dari kebijakan ini, triwulan 1–3")."""
    game, lang = app.session.game, app.lang
    s = game.scenario
    p = r.prediction
    until = min(p.by, game.turns_played)
    word = facts.turn_label(s, lang)
    lower = word if word.isupper() else word[:1].lower() + word[1:]
    if until <= p.turn:
        period = f"{lower} {p.turn}"
    else:  # "triwulan 1–3", "quarters 1–3"
        period = f"{english_plural(lower) if lang == 'en' else lower} {p.turn}–{until}"
    return tr(
        "report.reveal",
        lang,
        policy=localize(game.policy(p.policy).name, lang, s.default_language),
        metric=facts.label(s, p.metric, lang),
        said=tr(f"reflect.said_{p.expect}", lang),
        did=tr(f"reflect.did_{r.actual}", lang),
        amount=facts.show(s, p.metric, r.amount, lang, sign=True),
        period=period,
    )


def _tag_width(app: Any, ink: Ink) -> int:
    tags = [tr(k, app.lang) for k in ("reflect.right", "reflect.wrong")]
    return max(ink.width(t, LINE_SIZE, 800) for t in tags) + ink.px(10)


def reveals_height(app: Any, ink: Ink, width: int, reveals: list[Reveal]) -> int:
    """Height of the predictions panel with every line whole."""
    text_w = width - ink.px(28) - _tag_width(app, ink)
    lines = sum(ink.wrapped_height(report_line(app, r), text_w, LINE_SIZE) for r in reveals)
    return ink.px(40) + lines + ink.px(4) * len(reveals)


def draw_reveals(app: Any, ink: Ink, rect: pygame.Rect, reveals: list[Reveal]) -> None:
    """The panel: a title with the count right, then each prediction tagged right or wrong,
    every line whole (``reveals_height`` says how tall it is)."""
    widgets.panel(ink.surface, rect, theme.PANEL, ink.px(10), theme.ACCENT, ink.px(2))
    x = rect.left + ink.px(14)
    right = sum(r.right for r in reveals)
    title = tr("reflect.reveal_title", app.lang)
    score = tr("reflect.calibration_score", app.lang, right=right, total=len(reveals))
    ink.text(f"{title} · {score}", (x, rect.top + ink.px(8)), 16, theme.ACCENT, 800)
    tag_w = _tag_width(app, ink)
    text_w = rect.width - ink.px(28) - tag_w
    y = rect.top + ink.px(34)
    for r in reveals:
        tag = tr("reflect.right" if r.right else "reflect.wrong", app.lang)
        ink.text(tag, (x, y), LINE_SIZE, theme.GOOD if r.right else theme.BAD, 800)
        text = report_line(app, r)
        h = ink.wrapped_height(text, text_w, LINE_SIZE)
        ink.wrapped(text, pygame.Rect(x + tag_w, y, text_w, h), LINE_SIZE, theme.TEXT, 600)
        y += h + ink.px(4)


def sample_predictions(session: Any, due: int) -> None:
    """Predictions as a participant might have made them for the policies adopted so far,
    all due in turn ``due`` (some right, some wrong): what ``agen shots`` shows."""
    game = session.game
    guesses = 0
    for d in game.decisions:
        if isinstance(d.action, Adopt) and d.turn < due:
            for m in moved_metrics(game, d.action.policy)[:2]:
                expect = DIRECTIONS[guesses % 2]
                session.predictions.append(Prediction(d.turn, d.action.policy, m, due, expect))
                guesses += 1
