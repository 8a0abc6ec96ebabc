"""A policy card opened: its description, what it tends to move, sources; adopt or stop it."""

from __future__ import annotations

import pygame

from game.engine import Adopt, Cancel
from game.engine.prediction import asks, moved_metrics
from game.scenario import localize
from game.scenario.format_model import Policy
from game.ui import facts, scroll, theme, widgets
from game.ui.screens.base import Host, Overlay, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


def wants_prediction(app: Host, policy_id: str) -> bool:
    """Whether adopting asks the player to predict first (the adoption is possible, the
    scenario or the session asks, and the policy moves a metric the player sees)."""
    session = app.session
    if session is None or session.game.why_not_adopt(policy_id) is not None:
        return False
    return asks(session.game, session.predict_first) and bool(
        moved_metrics(session.game, policy_id)
    )


class PolicyDialog(Overlay):
    """Details of one policy over the turn screen."""

    name = "policy"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        turn = stage.turn
        if stage.name != "mid_turn_answered" or turn is None:
            return []
        first = turn.policies()[0].id  # type: ignore[attr-defined]
        return [Shot("10-policy", lambda: stage.app.make("policy", turn, first, 1))]

    def __init__(self, app: Host, parent: Screen, policy_id: str, number: int) -> None:
        super().__init__(app, parent)
        self.policy_id = policy_id
        self.number = number
        self.offset = 0  # how far the description is scrolled

    @property
    def policy(self) -> Policy:
        """The policy's definition."""
        return self.game.policy(self.policy_id)

    def _rect(self) -> pygame.Rect:
        return self.dialog_rect(880, 600)

    def _columns_height(self, ink: Ink) -> int:
        """Room the two columns under the description need (what it moves; terms and sources)."""
        p = self.policy
        moves = len(facts.moves(p.effects, self.game.scenario)[:7])
        terms = 3 * 28 + (8 + 24 + 2 * 20 if p.sources else 0)
        return ink.px(26 + max(moves * 28, terms))

    def description_view(self) -> scroll.TextView | None:
        """Where the description shows: all of it, or a scrolling window when it is long."""
        p = self.policy
        if p.description is None:
            return None
        ink = Ink(self.app.surface)
        rect = self._rect()
        s = self.game.scenario
        lang = self.app.lang
        inner_w = rect.width - ink.px(64)
        name = localize(p.name, lang, s.default_language)
        y = (
            rect.top
            + ink.px(72)
            + min(ink.wrapped_height(name, inner_w, 30, 800), 2 * ink.line_height(30, 800))
            + ink.px(8)
        )
        bottom = self.buttons()[0].rect.top - ink.px(16) - self._columns_height(ink) - ink.px(12)
        area = pygame.Rect(
            rect.left + ink.px(32),
            y,
            inner_w + ink.px(14),
            max(3 * ink.line_height(19), bottom - y),
        )
        return scroll.layout(
            ink, localize(p.description, lang, s.default_language), area, 19, theme.MUTED
        )

    def buttons(self) -> list[Button]:
        rect = self._rect()
        game = self.game
        y = rect.bottom - self.px(28) - self.px(56)
        close = Button(
            "close",
            self.t("common.close"),
            pygame.Rect(rect.left + self.px(32), y, self.px(200), self.px(56)),
            hint="Esc",
        )
        main = pygame.Rect(0, y, self.px(340), self.px(56))
        main.right = rect.right - self.px(32)
        if game.active(self.policy_id):
            act = Button(
                "cancel",
                self.t("policy.stop"),
                main,
                enabled=game.why_not_cancel(self.policy_id) is None,
                primary=True,
                hint="Enter",
            )
        else:
            act = Button(
                "adopt",
                self.t("policy.adopt"),
                main,
                enabled=game.why_not_adopt(self.policy_id) is None,
                primary=True,
                hint="Enter",
            )
        return [close, act]

    def handle(self, event: pygame.event.Event) -> Screen:
        view = self.description_view()
        moved = None if view is None else scroll.handle(view, self.offset, event, self.app.mouse)
        if moved is not None:
            self.offset = moved
            return self
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.parent
            if (
                event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
                or event.key == pygame.K_0 + self.number
            ):
                return self.press(self.buttons()[1].key)
            return self
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if not self._rect().collidepoint(event.pos):
                return self.parent
            for b in self.buttons():
                if b.hit(event.pos):
                    return self.press(b.key)
        return self

    def press(self, key: str) -> Screen:
        game = self.game
        if key == "close":
            return self.parent
        name = localize(self.policy.name, self.app.lang, game.scenario.default_language)
        if key == "adopt" and wants_prediction(self.app, self.policy_id):
            return self.go("predict", self.parent, self.policy_id)
        if key == "adopt":
            self.app.act(Adopt(self.policy_id))  # a refusal becomes a message (App)
            self.app.toast(self.t("policy.adopted", name=name), good=True, on=self.parent)
        elif key == "cancel":
            self.app.act(Cancel(self.policy_id))
            self.app.toast(self.t("policy.stopped", name=name), good=True, on=self.parent)
        return self.parent

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        p = self.policy
        color = theme.category_color(p.category)
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), color, ink.px(3))
        x = rect.left + ink.px(32)
        y = self._head(ink, rect, x)
        col = (rect.width - ink.px(64)) // 2
        self._moves(ink, pygame.Rect(x, y, col - ink.px(16), rect.bottom - y))
        self._terms(
            ink, pygame.Rect(x + col, y, rect.right - ink.px(32) - x - col, rect.bottom - y)
        )
        self._refusal(ink)
        self.draw_buttons(ink)

    def _head(self, ink: Ink, rect: pygame.Rect, x: int) -> int:
        """The category, the name and the description; return the y below them."""
        p, lang = self.policy, self.app.lang
        s = self.game.scenario
        color = theme.category_color(p.category)
        at = (x + ink.px(18), rect.top + ink.px(42))
        widgets.category_icon(ink.surface, p.category, at, ink.px(18))
        label = self.t(f"category.{p.category}")
        ink.text(label, (x + ink.px(46), at[1]), 17, color, 700, anchor="midleft")
        name = localize(p.name, lang, s.default_language)
        width = rect.width - ink.px(64)
        name_h = ink.wrapped_height(name, width, 30, 800)
        y = rect.top + ink.px(72)
        y += ink.wrapped(name, pygame.Rect(x, y, width, name_h), 30, theme.TEXT, 800) + ink.px(8)
        view = self.description_view()
        if view is not None:
            scroll.draw(ink, view, self.offset, self.t("scroll.more"))
            cue = ink.line_height(scroll.CUE_SIZE, 700) + ink.px(6) if view.limit else 0
            y = view.view.bottom + cue + ink.px(12)
        return y

    def _moves(self, ink: Ink, room: pygame.Rect) -> None:
        """What the policy tends to move, each label whole, and what "±" means."""
        s, lang = self.game.scenario, self.app.lang
        x, y = room.left, room.top
        ink.text(self.t("card.moves"), (x, y), 16, theme.FAINT, 700)
        y += ink.px(26)
        moves = facts.moves(self.policy.effects, s)
        for move in moves:
            center = (x + ink.px(8), y + ink.px(11))
            if move.direction == "±":
                ink.text("±", center, 18, theme.ACCENT, 800, anchor="center")
            else:
                up = move.direction == "+"
                good = facts.good_change(s, move.metric, 1.0 if up else -1.0)
                tone = theme.GOOD if good else theme.BAD
                widgets.arrow(ink.surface, center, ink.px(12), up, tone)
            label = facts.label(s, move.metric, lang)
            h = ink.wrapped_height(label, room.width - ink.px(24), 18)
            ink.wrapped(label, pygame.Rect(x + ink.px(24), y, room.width - ink.px(24), h), 18)
            y += h + ink.px(4)
        if any(m.direction == "±" for m in moves):
            note = self.t("card.either_way")
            h = ink.wrapped_height(note, room.width, 16)
            ink.wrapped(note, pygame.Rect(x, y + ink.px(4), room.width, h), 16, theme.MUTED)

    def _terms(self, ink: Ink, room: pygame.Rect) -> None:
        """Cost, upkeep, when it starts to act, and the sources."""
        game, p, lang = self.game, self.policy, self.app.lang
        s = game.scenario
        x, y = room.left, room.top
        ink.text(self.t("policy.terms"), (x, y), 16, theme.FAINT, 700)
        y += ink.px(26)
        delay = facts.first_delay(p.effects)
        when = (
            self.t("card.delay_n", turns=facts.turns(s, delay, lang))
            if delay
            else self.t("card.now")
        )
        rows = [
            (self.t("card.cost"), facts.number(game.cost_of(p.id), 0, lang)),
            (self.t("card.upkeep"), facts.number(game.upkeep_of(p.id), 0, lang)),
            (self.t("card.delay"), when),
        ]
        for key, val in rows:
            ink.text(key, (x, y), 18, theme.MUTED)
            ink.text(val, (room.right, y), 18, theme.TEXT, 700, anchor="topright")
            y += ink.px(28)
        if p.sources:
            y += ink.px(8)
            ink.text(self.t("policy.sources"), (x, y), 16, theme.FAINT, 700)
            y += ink.px(24)
            text = "; ".join(p.sources)
            h = ink.wrapped_height(text, room.width, 16)
            ink.wrapped(text, pygame.Rect(x, y, room.width, h), 16, theme.MUTED)

    def _refusal(self, ink: Ink) -> None:
        """Why the policy cannot be adopted (or stopped), between the buttons."""
        game, p = self.game, self.policy
        buttons = self.buttons()
        act = buttons[1]
        if act.enabled:
            return
        refusal = game.why_not_cancel(p.id) if act.key == "cancel" else game.why_not_adopt(p.id)
        if refusal is None:
            return
        left = buttons[0].rect.right + ink.px(20)
        r = pygame.Rect(left, act.rect.top, act.rect.left - ink.px(20) - left, act.rect.height)
        need = None if p.available is None else (p.available, p.available_text)
        words = facts.refusal_words(game, refusal, self.app.lang, need)
        ink.wrapped(words, r, 16, theme.BAD, 600)
