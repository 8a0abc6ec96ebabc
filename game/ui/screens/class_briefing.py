"""The class's scenario briefing after joining: which class, how it is played, then start."""

from __future__ import annotations

import pygame

from game.scenario import localize
from game.session import Session
from game.ui import class_play, class_shots, facts, scroll, theme, widgets
from game.ui.briefing_text import back_and_start, below, briefing_view
from game.ui.join_worker import Joined
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


class ClassBriefingScreen(Screen):
    """The briefing of the scenario the class plays, with the class's own terms."""

    name = "class_briefing"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "first_turn_answered":
            return []
        return class_shots.briefing_shots(stage.app)

    def __init__(self, app: Host, joined: Joined) -> None:
        super().__init__(app)
        self.joined = joined
        self.offset = 0

    def _panel(self) -> pygame.Rect:
        w, h = self.size
        return pygame.Rect(
            self.px(48), self.px(150), w - self.px(96), h - self.px(150) - self.px(110)
        )

    def view(self) -> scroll.TextView:
        """Where the briefing text shows."""
        ink = Ink(self.app.surface)
        s = self.joined.loaded.scenario
        inner = self._panel().inflate(-ink.px(56), -ink.px(48))
        area = below(ink, inner, inner.top + ink.px(70))
        return briefing_view(ink, s, self.app.lang, area)

    def buttons(self) -> list[Button]:
        return back_and_start(self.size, self.px, self.t("common.back"), self.t("scenario.start"))

    def handle(self, event: pygame.event.Event) -> Screen:
        moved = scroll.handle(self.view(), self.offset, event, self.app.mouse)
        if moved is not None:
            self.offset = moved
            return self
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.press("back")
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.press("start")
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key == "back":
            return self.go("class_join", self.joined.player)
        if key == "start":
            j = self.joined
            session = Session(
                j.path, j.loaded, j.player, self.app.lang, j.info.seed, quarters=j.info.quarters
            )
            session.predict_first = j.info.predict_first  # the class's setting
            session.joined = j.joined
            self.app.begin(session)
            class_play.link(self.app).attach(j.joined, j.info)
            return self.go("turn")
        return self

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, _ = surface.get_size()
        j, lang = self.joined, self.app.lang
        s = j.loaded.scenario
        ink.text(
            self.t("class.joined_kicker", code=j.joined.code),
            (ink.px(48), ink.px(36)),
            18,
            theme.ACCENT,
            800,
        )
        ink.text(
            self.t("class.joined_title", name=j.player.name),
            (ink.px(48), ink.px(60)),
            36,
            theme.TEXT,
            800,
            max_width=w - ink.px(96),
        )
        how = "class.how_lockstep" if j.info.lockstep else "class.how_free"
        unit = facts.turn_label(s, lang).lower()
        ink.text(
            self.t(how, unit=unit),
            (ink.px(48), ink.px(110)),
            19,
            theme.MUTED,
            max_width=w - ink.px(96),
        )
        panel = self._panel()
        widgets.panel(surface, panel, theme.PANEL, ink.px(16))
        inner = panel.inflate(-ink.px(56), -ink.px(48))
        ink.text(
            localize(s.title, lang, s.default_language),
            (inner.left, inner.top),
            30,
            theme.TEXT,
            800,
            max_width=inner.width,
        )
        meta = self.t(
            "class.scenario_meta",
            turns=facts.turns(s, j.info.quarters or s.turns, lang),
            version=s.version,
            seed=j.info.seed,
        )
        if j.info.quarters is not None and s.short_form is not None:
            meta += " · " + localize(s.short_form.label, lang, s.default_language)
        ink.text(
            meta, (inner.left, inner.top + ink.px(42)), 16, theme.ACCENT, 700, max_width=inner.width
        )
        scroll.draw(ink, self.view(), self.offset, self.t("scroll.more"))
        self.draw_buttons(ink)
