"""The debrief: score and grade against a passive player, goals, the key metrics over the
turns, the BerAKHLAK profile of the choices, the decisions on a timeline and their sources.
"""

from __future__ import annotations

import pygame

from game.engine import Adopt, Cancel, Choose, Game
from game.engine.values import value_profile
from game.scenario import VALUES, localize
from game.ui import facts, screen_charts, scroll, theme, widgets
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink

CHARTS = 6
TIMELINE_SIZE = 13


def key_metrics(game: Game) -> list[str]:
    """The metrics to chart: those the score reads first, then the rest shown."""
    s = game.scenario
    shown = facts.visible(s)
    formula = s.scoring.formula if isinstance(s.scoring.formula, str) else ""
    scored = [n for n in shown if n in formula]
    return [*scored, *[n for n in shown if n not in scored]][:CHARTS]


def share_lines(wants: list[int], budget: int) -> list[int]:
    """Lines for each entry of a column: one each first (in order, while they last), then
    the rest a line at a time to the entries that still need more."""
    lines = [0] * len(wants)
    for i in range(len(wants)):
        if budget > 0:
            lines[i] = 1
            budget -= 1
    while budget > 0:
        short = [i for i, w in enumerate(wants) if lines[i] and lines[i] < w]
        if not short:
            break
        for i in short:
            if budget == 0:
                break
            lines[i] += 1
            budget -= 1
    return lines


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

    def buttons(self) -> list[Button]:
        h = self.size[1]
        y, bh = h - self.px(72), self.px(52)
        specs = [
            ("page0", self.t("debrief.summary"), 230),
            ("page1", self.t("debrief.decisions"), 280),
            ("leaderboard", self.t("title.leaderboard"), 230),
            ("title", self.t("debrief.to_title"), 210),
            ("reflect", self.t("reflect.open"), 200),
        ]
        out = []
        x = self.px(32)
        for key, label, width in specs:
            out.append(
                Button(
                    key,
                    label,
                    pygame.Rect(x, y, self.px(width), bh),
                    primary=key == f"page{self.page}",
                )
            )
            x += self.px(width) + self.px(12)
        return out

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

    def ending_view(self) -> scroll.TextView | None:
        """Where the text of the ending that stopped the game shows (None: no such ending).

        Its title, when it has one, stands above in the ending's colour; the text gets up
        to five lines and scrolls when it is longer."""
        game, lang = self.game, self.app.lang
        out = game.outcome
        if out is None or out.ending is None or self.page != 0:
            return None
        s = game.scenario
        ending = next(e for e in s.endings if e.id == out.ending)
        ink = Ink(self.app.surface)
        card = self._card()
        width = card.width - ink.px(48)
        y = card.top + ink.px(122) + (ink.px(36) if out.grade is not None else 0) + ink.px(66)
        if ending.title is not None:
            title = localize(ending.title, lang, s.default_language)
            y += min(
                ink.wrapped_height(title, width, 17, 700), 2 * ink.line_height(17, 700)
            ) + ink.px(4)
            size, weight, color = 16, 400, theme.TEXT
        else:
            size, weight, color = 17, 700, theme.BAD if ending.kind == "lose" else theme.GOOD
        text = localize(ending.text, lang, s.default_language)
        lines = 5 * ink.line_height(size, weight)
        full = ink.wrapped_height(text, width, size, weight)
        area = pygame.Rect(
            card.left + ink.px(24),
            y,
            width + ink.px(14),
            full if full <= lines else lines + ink.px(28),
        )
        return scroll.layout(ink, text, area, size, color, weight)

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

    # -- page 1: score, goals, charts, radar --------------------------------------------

    def _summary(self, ink: Ink) -> None:
        game, lang = self.game, self.app.lang
        s = game.scenario
        w = ink.surface.get_width()
        out = game.outcome
        assert out is not None
        card = self._card()
        widgets.panel(ink.surface, card, theme.PANEL, ink.px(16))
        x = card.left + ink.px(24)
        ink.text(self.t("debrief.score"), (x, card.top + ink.px(18)), 16, theme.ACCENT, 800)
        ink.text(facts.number(out.score, 1, lang), (x, card.top + ink.px(38)), 64, theme.TEXT, 800)
        y = card.top + ink.px(122)
        if out.grade is not None:
            grade = localize(s.scoring.grades[out.grade].name, lang, s.default_language)
            ink.text(grade, (x, y), 24, theme.ACCENT, 800, max_width=card.width - ink.px(48))
            y += ink.px(36)
        diff = out.score - self.passive
        ink.wrapped(
            self.t(
                "debrief.passive",
                score=facts.number(self.passive, 1, lang),
                diff=facts.number(diff, 1, lang, sign=True),
            ),
            pygame.Rect(x, y, card.width - ink.px(48), ink.px(66)),
            15,
            theme.GOOD if diff >= 0 else theme.BAD,
            600,
        )
        y += ink.px(72)
        view = self.ending_view()
        if out.ending is not None and view is not None:
            ending = next(e for e in s.endings if e.id == out.ending)
            if ending.title is not None:
                ink.wrapped(
                    localize(ending.title, lang, s.default_language),
                    pygame.Rect(x, y, card.width - ink.px(48), 0),
                    17,
                    theme.BAD if ending.kind == "lose" else theme.GOOD,
                    700,
                    max_lines=2,
                )
            scroll.draw(ink, view, self.offset, self.t("scroll.more"))
            y = view.area.bottom + ink.px(10)
        ink.text(self.t("debrief.goals"), (x, y), 16, theme.ACCENT, 800)
        y += ink.px(28)
        for goal in s.scoring.goals:
            met = goal.id in out.goals
            mark = pygame.Rect(x, y + ink.px(2), ink.px(20), ink.px(20))
            widgets.panel(ink.surface, mark, theme.GOOD if met else theme.LINE, ink.px(5))
            if met:
                pygame.draw.lines(
                    ink.surface,
                    theme.BG,
                    False,
                    [
                        (mark.left + ink.px(4), mark.centery),
                        (mark.centerx - ink.px(1), mark.bottom - ink.px(5)),
                        (mark.right - ink.px(4), mark.top + ink.px(4)),
                    ],
                    ink.px(3),
                )
            used = ink.wrapped(
                localize(goal.label, lang, s.default_language),
                pygame.Rect(
                    x + ink.px(30), y, card.width - ink.px(78), card.bottom - y - ink.px(8)
                ),
                16,
                theme.TEXT if met else theme.MUTED,
                600,
                max_lines=2,
            )
            y += max(used, ink.px(24)) + ink.px(6)
            if y > card.bottom - ink.px(30):
                break
        self._charts(
            ink,
            pygame.Rect(
                card.right + ink.px(20),
                card.top,
                w - card.right - ink.px(52) - ink.px(360),
                card.height,
            ),
        )
        radar_box = pygame.Rect(w - ink.px(32) - ink.px(340), card.top, ink.px(340), card.height)
        widgets.panel(ink.surface, radar_box, theme.PANEL, ink.px(16))
        ink.text(
            self.t("debrief.values"),
            (radar_box.left + ink.px(20), radar_box.top + ink.px(18)),
            16,
            theme.ACCENT,
            800,
        )
        labels = [self.t(f"value.{v}") for v in VALUES]
        area = radar_box.inflate(-ink.px(24), -ink.px(24))
        area.top, area.height = radar_box.top + ink.px(52), radar_box.height - ink.px(64)
        screen_charts.radar(ink, area, labels, value_profile(game), theme.ACCENT)
        breached = value_profile(game, breaches=True)
        if any(breached):
            screen_charts.radar(ink, area, labels, breached, theme.BAD, grid=False)
            ink.text(
                self.t("debrief.values_breached"),
                (radar_box.left + ink.px(20), radar_box.bottom - ink.px(30)),
                13,
                theme.BAD,
                600,
            )

    def _charts(self, ink: Ink, box: pygame.Rect) -> None:
        game, lang = self.game, self.app.lang
        s = game.scenario
        widgets.panel(ink.surface, box, theme.PANEL, ink.px(16))
        ink.text(
            self.t("debrief.over_turns"),
            (box.left + ink.px(20), box.top + ink.px(18)),
            16,
            theme.ACCENT,
            800,
        )
        names = key_metrics(game)
        inner = pygame.Rect(
            box.left + ink.px(16),
            box.top + ink.px(50),
            box.width - ink.px(32),
            box.height - ink.px(62),
        )
        rows = (len(names) + 1) // 2
        gap = ink.px(10)
        cw = (inner.width - gap) // 2
        ch = (inner.height - gap * (rows - 1)) // max(1, rows)
        for i, name in enumerate(names):
            r = pygame.Rect(
                inner.left + (i % 2) * (cw + gap), inner.top + (i // 2) * (ch + gap), cw, ch
            )
            series = facts.trend(game, name)
            ink.text(
                facts.label(s, name, lang),
                (r.left + ink.px(4), r.top),
                14,
                theme.MUTED,
                600,
                max_width=r.width - ink.px(8),
            )
            plot = pygame.Rect(r.left, r.top + ink.px(22), r.width, r.height - ink.px(22))
            good = facts.good_change(s, name, series[-1] - series[0])
            color = theme.GOOD if good else theme.BAD
            screen_charts.line_chart(
                ink,
                plot,
                series,
                color,
                facts.show(s, name, min(series), lang),
                facts.show(s, name, max(series), lang),
                facts.show(s, name, series[-1], lang),
            )

    # -- page 2: decisions on a timeline, sources ---------------------------------------

    def _timeline(self, ink: Ink) -> None:
        game, lang = self.game, self.app.lang
        s = game.scenario
        w, h = ink.surface.get_size()
        ink.text(self.t("debrief.timeline"), (ink.px(32), ink.px(24)), 30, theme.TEXT, 800)
        turns = game.turns_played
        box = pygame.Rect(ink.px(32), ink.px(76), w - ink.px(64), ink.px(360))
        widgets.panel(ink.surface, box, theme.PANEL, ink.px(16))
        col = (box.width - ink.px(24)) // max(1, turns)
        axis_y = box.top + ink.px(44)
        pygame.draw.line(
            ink.surface,
            theme.LINE,
            (box.left + ink.px(12), axis_y),
            (box.right - ink.px(12), axis_y),
            ink.px(3),
        )
        label = facts.turn_label(s, lang)
        for t in range(1, turns + 1):
            cx = box.left + ink.px(12) + (t - 1) * col
            pygame.draw.circle(ink.surface, theme.ACCENT, (cx + col // 2, axis_y), ink.px(7))
            ink.text(
                f"{label[:3]} {t}" if col < ink.px(140) else f"{label} {t}",
                (cx + col // 2, axis_y - ink.px(12)),
                14,
                theme.MUTED,
                700,
                anchor="midbottom",
            )
            y = axis_y + ink.px(18)
            entries = [self._decision(d.action) for d in game.decisions if d.turn == t]
            text_w = col - ink.px(17)
            step, gap = ink.line_height(TIMELINE_SIZE), ink.px(5)
            wants = [
                len(widgets.wrap(text, ink.font(TIMELINE_SIZE), text_w)) for text, _ in entries
            ]
            shares = share_lines(
                wants, (box.bottom - ink.px(8) - y + gap) // step - (len(entries) * gap) // step
            )
            for (text, color), n in zip(entries, shares, strict=True):
                if n == 0:
                    break
                x0 = cx + ink.px(4)
                pygame.draw.rect(
                    ink.surface, color, (x0, y + ink.px(3), ink.px(4), step - ink.px(6))
                )
                ink.wrapped(
                    text,
                    pygame.Rect(x0 + ink.px(9), y, text_w, n * step),
                    TIMELINE_SIZE,
                    theme.TEXT,
                    max_lines=n,
                )
                y += n * step + gap
        src_box = pygame.Rect(
            ink.px(32),
            box.bottom + ink.px(14),
            w - ink.px(64),
            h - box.bottom - ink.px(14) - ink.px(92),
        )
        widgets.panel(ink.surface, src_box, theme.PANEL, ink.px(16))
        ink.text(
            self.t("debrief.sources"),
            (src_box.left + ink.px(20), src_box.top + ink.px(12)),
            16,
            theme.ACCENT,
            800,
        )
        adopted = []
        for d in game.decisions:
            if isinstance(d.action, Adopt) and d.action.policy not in adopted:
                adopted.append(d.action.policy)
        lines = []
        for pid in adopted:
            p = game.policy(pid)
            if p.sources:
                lines.append(
                    f"{localize(p.name, lang, s.default_language)}: {'; '.join(p.sources)}"
                )
        text = "\n".join(lines) if lines else self.t("debrief.no_sources")
        ink.wrapped(
            text,
            pygame.Rect(
                src_box.left + ink.px(20),
                src_box.top + ink.px(40),
                src_box.width - ink.px(40),
                src_box.height - ink.px(48),
            ),
            15,
            theme.TEXT,
        )

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
