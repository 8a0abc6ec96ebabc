"""The debrief: score and grade against a passive player, goals, the key metrics over the
turns, the BerAKHLAK profile of the choices, the decisions on a timeline and their sources.
"""

from __future__ import annotations

import pygame

from game.engine import Adopt, Cancel, Choose, Game
from game.engine.values import value_profile
from game.scenario import localize
from game.ui import debrief_summary, debrief_timeline, facts, scroll, theme, widgets
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink

CHARTS = 6


def charted_metrics(game: Game) -> list[str]:
    """The metrics to chart: those the score reads first, then the rest shown."""
    s = game.scenario
    shown = facts.visible(s)
    formula = s.scoring.formula if isinstance(s.scoring.formula, str) else ""
    scored = [n for n in shown if n in formula]
    return [*scored, *[n for n in shown if n not in scored]][:CHARTS]


class DebriefScreen(Screen):
    """The end of the game, in two pages."""

    name = "debrief"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "over":
            return []
        return [
            Shot("13-debrief", lambda: stage.app.make("debrief")),
            Shot("14-debrief-decisions", lambda: stage.app.make("debrief", page=1)),
        ]

    def __init__(self, app: Host, page: int = 0) -> None:
        super().__init__(app)
        assert app.session is not None
        self.page = page
        self.passive = app.session.passive_score()
        self.offset = 0  # how far the ending's text is scrolled
        self.goals_offset = 0  # how far the goals are scrolled
        self.timeline_offset = 0  # how far the decisions and sources are scrolled

    def buttons(self) -> list[Button]:
        w, h = self.size
        row = pygame.Rect(self.px(32), h - self.px(72), w - self.px(64), self.px(52))
        specs = [
            ("page0", self.t("debrief.summary")),
            ("page1", self.t("debrief.decisions")),
            ("leaderboard", self.t("title.leaderboard")),
            ("title", self.t("debrief.to_title")),
            ("reflect", self.t("reflect.open")),
        ]
        rects = widgets.button_row(Ink(self.app.surface), specs, row, 19)
        return [
            Button(key, label, rect, primary=key == f"page{self.page}")
            for (key, label), rect in zip(specs, rects, strict=True)
        ]

    def status_spot(self) -> pygame.Rect:
        """Where a class-mode banner goes: under the radar, or beside the decisions' title."""
        w, _ = self.size
        if self.page == 0:
            card = self._card()
            return pygame.Rect(
                w - self.px(360), card.bottom - self.px(68), self.px(316), self.px(56)
            )
        return pygame.Rect(w // 2, self.px(26), w // 2 - self.px(32), self.px(36))

    def _card(self) -> pygame.Rect:
        h = self.size[1]
        return pygame.Rect(self.px(32), self.px(24), self.px(400), h - self.px(24) - self.px(96))

    def card_layout(self, ink: Ink) -> debrief_summary.CardLayout:
        """Where the score card's parts go, from the room their texts need."""
        return debrief_summary.card_layout(
            ink, self.game, self._card(), self.passive, self.app.lang
        )

    def ending_view(self) -> scroll.TextView | None:
        """Where the text of the ending that stopped the game shows (None: no such ending)."""
        if self.page != 0:
            return None
        return self.card_layout(Ink(self.app.surface)).ending

    def goals_pane(self) -> scroll.Pane:
        """The scrolled window onto the goals."""
        ink = Ink(self.app.surface)
        lay = self.card_layout(ink)
        return debrief_summary.goals_pane(ink, self.game, lay.goals, self.app.lang)

    def handle(self, event: pygame.event.Event) -> Screen:
        view = self.ending_view()
        moved = (
            None
            if view is None
            else scroll.handle(view, self.offset, event, self.app.mouse, arrows=False)
        )
        if moved is not None:
            self.offset = moved
            return self
        if self.page == 1:
            moved = scroll.handle(
                self.timeline_pane(), self.timeline_offset, event, self.app.mouse, arrows=False
            )
            if moved is not None:
                self.timeline_offset = moved
                return self
        goals = None if self.page != 0 else self.goals_pane()
        moved = (
            None
            if goals is None
            else scroll.handle(
                goals, self.goals_offset, event, self.app.mouse, keys=view is None, arrows=False
            )
        )
        if moved is not None:
            self.goals_offset = moved
            return self
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_LEFT,
            pygame.K_RIGHT,
            pygame.K_TAB,
        ):
            self.page = 1 - self.page
            return self
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.press("title")
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key.startswith("page"):
            self.page = int(key[4:])
        elif key == "reflect":
            return self.go("reflection", self)
        elif key == "leaderboard":
            return self.go("leaderboard", self)
        elif key == "title":
            self.app.session = None
            return self.go("title")
        return self

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        if self.page == 0:
            self._summary(ink)
        else:
            self._timeline(ink)
        self.draw_buttons(ink, 19)

    def _summary(self, ink: Ink) -> None:
        game, lang = self.game, self.app.lang
        card = self._card()
        lay = self.card_layout(ink)
        debrief_summary.score_card(ink, game, card, lay, self.passive, lang)
        if lay.ending is not None:
            scroll.draw(ink, lay.ending, self.offset, self.t("scroll.more"))
        pane = self.goals_pane()
        debrief_summary.goals(ink, game, pane, self.goals_offset, lang)
        w = ink.surface.get_width()
        charts = pygame.Rect(
            card.right + ink.px(20),
            card.top,
            w - card.right - ink.px(52) - ink.px(360),
            card.height,
        )
        debrief_summary.charts(ink, game, charts, charted_metrics(game), lang)
        radar_box = pygame.Rect(w - ink.px(32) - ink.px(340), card.top, ink.px(340), card.height)
        debrief_summary.values(ink, radar_box, value_profile(game), value_profile(game, True), lang)

    def entries(self) -> dict[int, list[tuple[str, theme.Color]]]:
        """The decisions of each turn, as the timeline says them."""
        return {
            t: [self._decision(d.action) for d in self.game.decisions if d.turn == t]
            for t in range(1, self.game.turns_played + 1)
        }

    def timeline_pane(self) -> scroll.Pane:
        """The scrolled window onto the decisions and sources."""
        ink = Ink(self.app.surface)
        return debrief_timeline.pane(ink, self.game, self.entries(), self.app.lang)

    def _timeline(self, ink: Ink) -> None:
        debrief_timeline.draw(ink, self.game, self.entries(), self.timeline_offset, self.app.lang)

    def _decision(self, action: Adopt | Cancel | Choose) -> tuple[str, theme.Color]:
        game, lang = self.game, self.app.lang
        s = game.scenario
        if isinstance(action, Adopt):
            p = game.policy(action.policy)
            return localize(p.name, lang, s.default_language), theme.category_color(p.category)
        if isinstance(action, Cancel):
            p = game.policy(action.policy)
            return self.t(
                "debrief.stopped", name=localize(p.name, lang, s.default_language)
            ), theme.BAD
        ev = game.event(action.event)
        choice = next((c for c in ev.choices if c.id == action.choice), None)
        text = localize(choice.label, lang, s.default_language) if choice else action.choice
        return f"{localize(ev.title, lang, s.default_language)}: {text}", theme.INFO
