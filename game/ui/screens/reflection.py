"""Reflection after the game, in three pages: predict-then-see (the calibration and the
surprises with their causes), "Netflix culture for ASN?" (each principle, when practised,
with which safeguard, what it did; the BerAKHLAK profile beside it) and the debrief
questions with the player's own numbers. From here the Aksi Perubahan draft is saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.engine.debrief_questions import questions
from game.engine.numbers import turn_ranges
from game.engine.prediction import calibration
from game.ui import facts, scroll, theme, widgets
from game.ui.netflix_page import Netflix
from game.ui.reveals import report_line, surprise_text
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink

PAGES = ("predictions", "netflix", "questions")


def quarters_text(s: Any, turns: tuple[int, ...], lang: str) -> str:
    """'Quarter 2–5, 7' from a sorted tuple of turns."""
    return f"{facts.turn_label(s, lang)} {turn_ranges(turns)}"


class ReflectionScreen(Screen):
    """The reflection pages; Esc goes back to the debrief."""

    name = "reflection"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "over":
            return []
        app = stage.app

        def page(n: int) -> Callable[[], Screen]:
            return lambda: cls(app, app.make("debrief"), n)

        names = ("14b-calibration", "14c-netflix", "14d-questions")
        return [Shot(name, page(n)) for n, name in enumerate(names)]

    def __init__(self, app: Host, back: Screen, page: int = 0) -> None:
        super().__init__(app)
        assert app.session is not None
        self.back = back
        self.page = page
        self.offset = 0
        self._views: dict[tuple[int, str, tuple[int, int]], scroll.TextView | None] = {}

    # -- what each page says ------------------------------------------------------------

    def predictions_text(self) -> tuple[str, str]:
        """The calibration headline and the text below it (surprises, then the rest)."""
        session = self.app.session
        assert session is not None
        cal = calibration(session.game, session.predictions)
        if not cal.total:
            return self.t("reflect.calibration_none"), ""
        head = self.t("reflect.calibration_score", right=cal.right, total=cal.total)
        parts = [self.t("reflect.surprises").upper()]
        if cal.surprises:
            parts += [f"• {surprise_text(self.app, r)}" for r in cal.surprises]
        else:
            parts.append(self.t("reflect.no_surprises"))
        parts.append("")
        parts.append(self.t("reflect.reveal_title").upper())
        parts += [
            f"{self.t('reflect.right' if r.right else 'reflect.wrong')} · {report_line(self.app, r)}"
            for r in cal.reveals
        ]
        return head, "\n".join(parts)

    def question_texts(self) -> list[str]:
        """The scenario's debrief questions, the player's numbers filled in."""
        return questions(self.game, self.app.lang)

    # -- layout -------------------------------------------------------------------------

    def buttons(self) -> list[Button]:
        w, h = self.size
        row = pygame.Rect(self.px(32), h - self.px(72), w - self.px(64), self.px(52))
        specs = [
            ("page0", self.t("reflect.tab_predictions")),
            ("page1", self.t("reflect.tab_netflix")),
            ("page2", self.t("reflect.tab_questions")),
            ("save", self.t("reflect.save_button")),
            ("back", self.t("common.back")),
        ]
        rects = widgets.button_row(Ink(self.app.surface), specs, row, 18)
        return [
            Button(key, label, rect, primary=key == f"page{self.page}")
            for (key, label), rect in zip(specs, rects, strict=True)
        ]

    def _body(self) -> pygame.Rect:
        w, h = self.size
        top = self.px(96)
        return pygame.Rect(self.px(32), top, w - self.px(64), h - top - self.px(96))

    def text_view(self) -> scroll.TextView | None:
        """The scrolling text of the page, if it has one (laid out once per page, language
        and window size: the text does not change while the screen is open)."""
        key = (self.page, self.app.lang, self.size)
        if key not in self._views:
            self._views[key] = self._layout()
        return self._views[key]

    def _layout(self) -> scroll.TextView | None:
        ink = Ink(self.app.surface)
        body = self._body()
        if self.page == 0:
            _, text = self.predictions_text()
            if not text:
                return None
            area = pygame.Rect(
                body.left + ink.px(24),
                body.top + ink.px(74),
                body.width - ink.px(48),
                body.height - ink.px(96),
            )
            return scroll.layout(ink, text, area, 17, theme.TEXT)
        if self.page == 2:
            items = self.question_texts() or [self.t("reflect.questions_none")]
            text = "\n\n".join(f"{i}. {q}" for i, q in enumerate(items, 1))
            area = body.inflate(-ink.px(48), -ink.px(40))
            return scroll.layout(ink, text, area, 19, theme.TEXT)
        return None

    # -- events -------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Screen:
        view: scroll.Pane | None = self.netflix().pane if self.page == 1 else self.text_view()
        moved = None if view is None else scroll.handle(view, self.offset, event, self.app.mouse)
        if moved is not None:
            self.offset = moved
            return self
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.press("back")
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                step = 1 if event.key == pygame.K_RIGHT else -1
                return self.press(f"page{(self.page + step) % len(PAGES)}")
            if event.key == pygame.K_s:
                return self.press("save")
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key.startswith("page"):
            self.page, self.offset = int(key[4:]), 0
        elif key == "save":
            return self.go("aksi", self)
        elif key == "back":
            return self.back
        return self

    # -- drawing ------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        titles = {
            0: "reflect.calibration_title",
            1: "reflect.netflix_title",
            2: "reflect.questions_title",
        }
        ink.text(
            self.t("reflect.open").upper(),
            (ink.px(32), ink.px(20)),
            16,
            theme.ACCENT,
            800,
        )
        ink.text(self.t(titles[self.page]), (ink.px(32), ink.px(42)), 34, theme.TEXT, 800)
        body = self._body()
        if self.page == 1:
            self.netflix().draw(ink, self.offset)
        else:
            widgets.panel(surface, body, theme.PANEL, ink.px(16))
            if self.page == 0:
                head, _ = self.predictions_text()
                ink.wrapped(
                    head,
                    pygame.Rect(
                        body.left + ink.px(24),
                        body.top + ink.px(18),
                        body.width - ink.px(48),
                        ink.px(56),
                    ),
                    26 if self.text_view() is not None else 20,
                    theme.ACCENT if self.text_view() is not None else theme.TEXT,
                    800,
                    max_lines=2,
                )
            view = self.text_view()
            if view is not None:
                scroll.draw(ink, view, self.offset, self.t("scroll.more"))
        self.draw_buttons(ink, 18)

    def netflix(self) -> Netflix:
        """The Netflix page laid out for this window."""
        ink = Ink(self.app.surface)
        return Netflix(ink, self.game, self._body(), self.app.lang, quarters_text)
