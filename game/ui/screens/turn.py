"""The turn screen: metrics at a glance, policy cards by category, end the turn."""

from __future__ import annotations

from typing import Any

import pygame

from game.scenario import CATEGORIES, localize
from game.scenario.format_model import Policy
from game.ui import card, class_play, facts, theme, widgets
from game.ui.playtest import reload_scenario
from game.ui.screens import turn_parts
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.screens.turn_layout import TurnLayout, turn_layout
from game.ui.widgets import Button, Ink


class TurnScreen(Screen):
    """One turn of play."""

    name = "turn"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        app = stage.app
        if stage.name == "first_turn_answered":
            return [Shot("05-turn1", lambda: app.make("turn"))]
        if stage.name != "mid_turn_answered" or not isinstance(stage.turn, TurnScreen):
            return []
        turn = stage.turn
        measure = TurnScreen(app)  # where the cards of the third category stand
        measure.category = 2
        card_rects = measure.layout().card_rects(len(measure.policies()))

        def third_category() -> Screen:
            turn.category = 2  # the dialogs drawn after this stand over the same turn screen
            return turn

        tiles = turn.layout().tiles(len(turn.metric_names()))
        tabs = turn.layout().tab_rects(len(turn.categories()), turn.category)
        return [
            Shot("08-turn-mid-why", lambda: turn, tiles[0].center),
            Shot("08f-turn-tab-name", lambda: turn, tabs[-1].center),
            Shot(
                "09-turn-mid-cards",
                third_category,
                card_rects[0].center if card_rects else (-1, -1),
            ),
        ]

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.session is not None
        self.category = 0
        self.pinned: str | None = None

    @staticmethod
    def enter(app: Host) -> Screen:
        """What "go to the turn" shows (kept for callers that hold no screen): ``app.go("turn")``."""
        screen: Screen = app.go("turn")
        return screen

    def arrive(self) -> Screen:
        """The debrief when the game is over; else the first unanswered event's dialog in
        front of this screen; else this screen."""
        if self.game.over:
            return self.go("debrief")
        wait = class_play.gate(self.app)  # a live class may not have opened this quarter yet
        if wait is not None:
            return wait
        return self.next_event() or self

    def next_event(self) -> Screen | None:
        """The dialog for the first unanswered event, if any."""
        pending = self.game.pending_events()
        if not pending:
            return None
        return self.app.make("event", self, pending[0])

    def categories(self) -> list[str]:
        """The categories that have policies in this scenario."""
        used = {p.category for p in self.game.scenario.policies}
        return [c for c in CATEGORIES if c in used]

    def policies(self) -> list[Policy]:
        """The policies of the selected category."""
        cats = self.categories()
        if not cats:
            return []
        cat = cats[min(self.category, len(cats) - 1)]
        return [p for p in self.game.scenario.policies if p.category == cat]

    def layout(self) -> TurnLayout:
        """Rectangles for the current window size."""
        return turn_layout(self.size)

    def metric_names(self) -> list[str]:
        """The metrics shown."""
        return facts.visible(self.game.scenario)

    def buttons(self) -> list[Button]:
        lay = self.layout()
        label, enabled = class_play.end_turn_label(self.app, self.t("turn.end"))
        return [
            Button("menu", self.t("turn.menu"), lay.menu, hint="Esc"),
            Button("end", label, lay.end_turn, enabled, primary=True, hint="Enter"),
        ]

    def status_spot(self) -> pygame.Rect:
        """Where a class-mode banner goes: over the keys line of the policies-in-force panel."""
        box = self.layout().in_force
        width = box.width * 3 // 4 - self.px(6)
        return pygame.Rect(box.right - self.px(6) - width, box.top + self.px(4), width, self.px(34))

    def metric_at(self, pos: tuple[int, int]) -> str | None:
        """The metric tile under a point."""
        names = self.metric_names()
        tiles = self.layout().tiles(len(names))
        return next((n for n, r in zip(names, tiles, strict=True) if r.collidepoint(pos)), None)

    def hover_key(self, pos: tuple[int, int]) -> Any:
        lay = self.layout()
        cards = lay.card_rects(len(self.policies()))
        card = next((i for i, r in enumerate(cards) if r.collidepoint(pos)), None)
        tabs = lay.tab_rects(len(self.categories()), self.category)
        tab = next((i for i, r in enumerate(tabs) if r.collidepoint(pos)), None)
        return (super().hover_key(pos), self.metric_at(pos), card, tab)

    # -- input --------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            self.category = (self.category - event.y) % max(1, len(self.categories()))
        return self

    def _key(self, event: pygame.event.Event) -> Screen:
        key = event.key
        n_cat = max(1, len(self.categories()))
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.press("end")
        if key == pygame.K_ESCAPE:
            if self.pinned is not None:
                self.pinned = None
                return self
            return self.press("menu")
        if key == pygame.K_F5 and self.app.options.playtest:
            reload_scenario(self.app)
            return self.go("turn")
        if key in (pygame.K_RIGHT, pygame.K_TAB) and not event.mod & pygame.KMOD_SHIFT:
            self.category = (self.category + 1) % n_cat
        elif key in (pygame.K_LEFT, pygame.K_TAB):
            self.category = (self.category - 1) % n_cat
        elif pygame.K_1 <= key <= pygame.K_9 or pygame.K_KP1 <= key <= pygame.K_KP9:
            index = key - (pygame.K_1 if key <= pygame.K_9 else pygame.K_KP1)
            return self.pick(index)
        return self

    def _click(self, pos: tuple[int, int]) -> Screen:
        for b in self.buttons():
            if b.hit(pos):
                return self.press(b.key)
        lay = self.layout()
        for i, r in enumerate(lay.tab_rects(len(self.categories()), self.category)):
            if r.collidepoint(pos):
                self.category = i
                return self
        for i, r in enumerate(lay.card_rects(len(self.policies()))):
            if r.collidepoint(pos):
                return self.pick(i)
        metric = self.metric_at(pos)
        self.pinned = None if metric == self.pinned else metric
        return self

    def pick(self, index: int) -> Screen:
        """Open the card at ``index`` of the selected category."""
        policies = self.policies()
        if not 0 <= index < len(policies):
            return self
        return self.go("policy", self, policies[index].id, index + 1)

    def press(self, key: str) -> Screen:
        if key == "menu":
            return self.go("menu", self)
        if key == "end":
            turn = self.app.end_quarter()  # None: the class is paused, or the quarter not open
            return self if turn is None else self.go("report", turn)
        return self

    # -- drawing ------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        ink = Ink(surface)
        lay = turn_layout(surface.get_size())
        game, lang = self.game, self.app.lang
        self._top(ink, lay)
        widgets.panel(surface, lay.metrics, theme.mix(theme.BG, theme.PANEL, 0.5), ink.px(14))
        ink.text(
            self.t("turn.metrics"),
            (lay.metrics.left + ink.px(12), lay.metrics.top + ink.px(8)),
            16,
            theme.MUTED,
            700,
        )
        hover = self.metric_at(self.app.mouse)
        names = self.metric_names()
        tiles = lay.tiles(len(names))
        for name, rect in zip(names, tiles, strict=True):
            turn_parts.metric_tile(ink, rect, game, name, lang, name in (hover, self.pinned))
        self._tabs(ink, lay)
        policies = self.policies()
        cards = lay.card_rects(len(policies))
        for i, (p, rect) in enumerate(zip(policies, cards, strict=True)):
            lit = rect.collidepoint(self.app.mouse)
            card.policy_card(ink, rect, game, p, i + 1, lang, lit)
        banner = class_play.status(self.app) is not None  # it stands over the keys line
        turn_parts.in_force(ink, lay.in_force, game, lang, keys=not banner)
        self.draw_buttons(ink, 20)
        self._tab_tip(ink, lay)
        shown = self.pinned or hover
        if shown is not None:
            anchor = tiles[names.index(shown)]
            turn_parts.causes_popover(
                ink, anchor, surface.get_rect().inflate(-ink.px(16), -ink.px(16)), game, shown, lang
            )
        if self.app.options.playtest:
            ink.text(
                self.t("playtest.badge_turn"),
                (lay.menu.left - ink.px(16), lay.menu.centery),
                16,
                theme.ACCENT,
                700,
                anchor="midright",
            )

    def _top(self, ink: Ink, lay: TurnLayout) -> None:
        game, lang = self.game, self.app.lang
        s = game.scenario
        pygame.draw.rect(ink.surface, theme.BG_TOP, lay.top)
        x = ink.px(20)
        label = facts.turn_label(s, lang)
        turn_rect = ink.text(f"{label} {game.turn}/{s.turns}", (x, ink.px(8)), 30, theme.TEXT, 800)
        title_w = ink.px(360)
        ink.text(
            localize(s.title, lang, s.default_language),
            (x, turn_rect.bottom - ink.px(2)),
            16,
            theme.MUTED,
            max_width=title_w,
        )
        bx = max(turn_rect.right, x + title_w) + ink.px(30)
        if s.budget is not None:
            ink.text(facts.label(s, s.budget, lang), (bx, ink.px(10)), 16, theme.MUTED, 600)
            value = facts.show(s, s.budget, game.value(s.budget), lang)
            ink.text(value, (bx, ink.px(30)), 30, theme.ACCENT, 800)
            bx += max(
                ink.width(value, 30, 800), ink.width(facts.label(s, s.budget, lang), 16, 600)
            ) + ink.px(40)
        ink.text(self.t("turn.actions_left"), (bx, ink.px(10)), 16, theme.MUTED, 600)
        per = s.actions_per_turn
        for i in range(per):
            c = (bx + ink.px(12) + i * ink.px(30), ink.px(50))
            if i < game.actions_left:
                pygame.draw.circle(ink.surface, theme.ACCENT, c, ink.px(11))
            else:
                pygame.draw.circle(ink.surface, theme.LINE, c, ink.px(11), ink.px(3))
        count = self.t("turn.actions_count", left=game.actions_left, total=per)
        at = (bx + ink.px(30) * per + ink.px(4), ink.px(50))
        ink.text(count, at, 20, theme.ACCENT, 800, anchor="midleft")

    def _tab_tip(self, ink: Ink, lay: TurnLayout) -> None:
        """The name of the category under the pointer, under its tab (the tabs other than
        the open one show only their icon)."""
        cats = self.categories()
        rects = lay.tab_rects(len(cats), self.category)
        at = next((i for i, r in enumerate(rects) if r.collidepoint(self.app.mouse)), None)
        if at is None or at == self.category:
            return
        text = self.t(f"category.{cats[at]}")
        tip = pygame.Rect(0, 0, ink.width(text, 18, 700) + ink.px(28), ink.px(40))
        tip.midtop = (rects[at].centerx, rects[at].bottom + ink.px(6))
        tip.clamp_ip(ink.surface.get_rect())
        widgets.panel(ink.surface, tip, theme.PANEL_HI, ink.px(10), theme.category_color(cats[at]))
        ink.text(text, tip.center, 18, theme.TEXT, 700, anchor="center")

    def _tabs(self, ink: Ink, lay: TurnLayout) -> None:
        cats = self.categories()
        rects = lay.tab_rects(len(cats), self.category)
        for i, (cat, rect) in enumerate(zip(cats, rects, strict=True)):
            sel = i == self.category
            color = theme.category_color(cat)
            hover = rect.collidepoint(self.app.mouse)
            widgets.panel(
                ink.surface,
                rect,
                theme.PANEL_HI if sel or hover else theme.PANEL,
                ink.px(12),
                color if sel else None,
                ink.px(3),
            )
            r = ink.px(16)
            icon_at = (rect.left + ink.px(29), rect.centery)
            widgets.category_icon(ink.surface, cat, icon_at, r)
            if sel:
                text = self.t(f"category.{cat}")
                ink.text(
                    text,
                    (rect.left + ink.px(54), rect.centery),
                    19,
                    theme.TEXT,
                    700,
                    anchor="midleft",
                    max_width=rect.width - ink.px(64),
                )
