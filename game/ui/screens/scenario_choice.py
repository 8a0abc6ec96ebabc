"""Choose a scenario (every scenarios/*.toml that loads) and read its briefing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from game import paths
from game.errors import Problem, ScenarioError
from game.i18n import say, tr_n
from game.scenario import LoadedScenario, load_scenario, localize
from game.scenario.reflection_keys import check_quarters
from game.session import Player, Session
from game.ui import facts, scroll, theme, widgets
from game.ui.briefing_text import back_and_start, below, briefing_view
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


@dataclass(frozen=True)
class Choice:
    """A scenario that loads."""

    path: Path
    loaded: LoadedScenario


@dataclass(frozen=True)
class Broken:
    """The scenario file asked for (``agen play FILE``) that did not load, with the loader's lines."""

    path: Path
    problems: tuple[Problem, ...]
    reason: str = ""  # when there are no problems (the file cannot be read)

    def lines(self, lang: str) -> list[str]:
        """``FILE:LINE: key.path: message`` in ``lang``, one per problem."""
        return [say(p, lang) for p in self.problems] or [f"{self.path}: {self.reason}"]


def find_scenarios(folder: Path, first: Path | None = None) -> tuple[list[Choice], int]:
    """The scenarios that load (``first`` at the top) and how many files were refused."""
    found, refused, _ = scenarios_and_broken(folder, first)
    return found, refused


def scenarios_and_broken(
    folder: Path, first: Path | None = None
) -> tuple[list[Choice], int, Broken | None]:
    """As :func:`find_scenarios`, and ``first`` with its problems when it did not load."""
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if first is not None:
        paths = [first, *[p for p in paths if p.resolve() != first.resolve()]]
    found: list[Choice] = []
    refused = 0
    broken = None
    for path in paths:
        try:
            found.append(Choice(path.resolve(), load_scenario(path)))
        except ScenarioError as exc:
            refused += 1
            if path is first:
                broken = Broken(path, tuple(exc.problems))
        except OSError as exc:
            refused += 1
            if path is first:
                broken = Broken(path, (), exc.strerror or str(exc))
    return found, refused, broken


class ScenarioScreen(Screen):
    """The list of scenarios and the briefing of the one selected."""

    name = "scenario"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "start":
            return []

        def scrolled_to_end() -> Screen:
            screen = ScenarioScreen(stage.app, stage.player)
            view = screen.briefing_view()
            screen.offset = view.limit if view is not None else 0
            return screen

        def broken_file() -> Screen:
            # the tutorial with two slips a trainer makes: a word for a number, a typo in a name
            text = (paths.SCENARIOS / "tutorial.toml").read_text(encoding="utf-8")
            text = text.replace("turns = 4", 'turns = "empat"', 1)
            text = text.replace('metric = "service_quality"', 'metric = "service_qualty"', 1)
            path = Path(stage.app.data_dir) / "skenario-saya.toml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            screen = ScenarioScreen(stage.app, stage.player)
            screen.choices, screen.refused, screen.broken = scenarios_and_broken(
                stage.app.options.scenarios_dir, path
            )
            return screen

        return [
            Shot("03-scenario", lambda: stage.app.make("scenario", stage.player)),
            Shot("03b-scenario-end", scrolled_to_end),
            Shot("03c-scenario-broken", broken_file),
        ]

    def __init__(self, app: Host, player: Player) -> None:
        super().__init__(app)
        self.player = player
        self.choices, self.refused, self.broken = scenarios_and_broken(
            app.options.scenarios_dir, app.options.scenario
        )
        self.selected = 0
        self.offset = 0  # how far the briefing (or the broken file's lines) is scrolled

    def _list_rect(self) -> pygame.Rect:
        _, h = self.size
        return pygame.Rect(self.px(48), self.px(140), self.px(380), h - self.px(140) - self.px(110))

    def _row_rect(self, i: int) -> pygame.Rect:
        lr = self._list_rect()
        return pygame.Rect(lr.left, lr.top + i * self.px(96), lr.width, self.px(84))

    def _right_rect(self) -> pygame.Rect:
        w, h = self.size
        return pygame.Rect(
            self.px(460),
            self.px(140),
            w - self.px(460) - self.px(48),
            h - self.px(140) - self.px(110),
        )

    def problems_view(self) -> scroll.TextView | None:
        """Where the lines of the file that did not load show (None when it loaded)."""
        if self.broken is None:
            return None
        ink = Ink(self.app.surface)
        inner = self._right_rect().inflate(-ink.px(56), -ink.px(48))
        title = self.t("scenario.broken_title", file=self.broken.path.name)
        top = inner.top + ink.wrapped_height(title, inner.width, 28, 800) + ink.px(12)
        top += ink.wrapped_height(self.t("scenario.broken_hint"), inner.width, 18) + ink.px(16)
        area = pygame.Rect(
            inner.left, top, inner.width + ink.px(12), inner.bottom - top + ink.px(12)
        )
        lines = "\n\n".join(self.broken.lines(self.app.lang))
        return scroll.layout(ink, lines, area, 18, theme.TEXT, spacing=1.05)

    def briefing_view(self) -> scroll.TextView | None:
        """Where the selected scenario's briefing shows (None without scenarios; the file's
        lines while a scenario asked for did not load)."""
        if self.broken is not None:
            return self.problems_view()
        if not self.choices:
            return None
        ink = Ink(self.app.surface)
        s = self.choices[self.selected].loaded.scenario
        lang = self.app.lang
        inner = self._right_rect().inflate(-ink.px(56), -ink.px(48))
        title = localize(s.title, lang, s.default_language)
        used = min(ink.wrapped_height(title, inner.width, 30, 800), 2 * ink.line_height(30, 800))
        top = inner.top + used + ink.px(8) + ink.px(30)
        return briefing_view(ink, s, lang, below(ink, inner, top))

    def select(self, index: int) -> Screen:
        """Show another scenario's briefing from its top (and put the broken file's lines away)."""
        if index != self.selected or self.broken is not None:
            self.selected = index
            self.offset = 0
            self.broken = None
        return self

    def buttons(self) -> list[Button]:
        return back_and_start(
            self.size,
            self.px,
            self.t("common.back"),
            self.t("scenario.start"),
            enabled=bool(self.choices) and self.broken is None,
        )

    def hover_key(self, pos: tuple[int, int]) -> Any:
        row = next(
            (i for i in range(len(self.choices)) if self._row_rect(i).collidepoint(pos)), None
        )
        return (super().hover_key(pos), row)

    def handle(self, event: pygame.event.Event) -> Screen:
        view = self.briefing_view()
        if view is not None:
            moved = scroll.handle(view, self.offset, event, self.app.mouse)
            if moved is not None:
                self.offset = moved
                return self
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.press("back")
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.press("start")
            if event.key in (
                pygame.K_DOWN,
                pygame.K_UP,
                pygame.K_PAGEUP,
                pygame.K_PAGEDOWN,
                pygame.K_HOME,
                pygame.K_END,
            ):
                return self  # they scroll the briefing (nothing to scroll: nothing to do)
            back = event.key == pygame.K_LEFT or (
                event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
            )
            if event.key in (pygame.K_RIGHT, pygame.K_LEFT, pygame.K_TAB) and self.choices:
                if self.broken is not None:  # the first press leaves the lines for the list
                    return self.select(0)
                return self.select((self.selected + (-1 if back else 1)) % len(self.choices))
            if pygame.K_1 <= event.key <= pygame.K_9 and event.key - pygame.K_1 < len(self.choices):
                return self.select(event.key - pygame.K_1)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i in range(len(self.choices)):
                if self._row_rect(i).collidepoint(event.pos):
                    return self.select(i)
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key == "back":
            return self.go("player", self.player)
        if key == "start" and self.choices and self.broken is None:
            choice = self.choices[self.selected]
            s = choice.loaded.scenario
            wanted = self.app.options.quarters
            short = wanted if check_quarters(s, wanted) is None and wanted != s.turns else None
            session = Session(
                choice.path, choice.loaded, self.player, self.app.lang, s.seed, quarters=short
            )
            session.predict_first = self.app.options.predict_first
            self.app.begin(session)
            return self.go("turn")
        return self

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, _ = surface.get_size()
        lang = self.app.lang
        ink.text(self.t("scenario.title"), (ink.px(48), ink.px(40)), 40, theme.TEXT, 800)
        ink.text(
            self.t("scenario.hello", name=self.player.name, cohort=self.player.cohort),
            (ink.px(48), ink.px(94)),
            20,
            theme.MUTED,
            max_width=w - ink.px(96),
        )
        if not self.choices and self.broken is not None:
            self._draw_broken(ink)
            return
        if not self.choices:
            ink.wrapped(
                self.t("scenario.none"),
                pygame.Rect(ink.px(48), ink.px(160), w - ink.px(96), ink.px(200)),
                24,
                theme.BAD,
            )
            self.draw_buttons(ink)
            return
        for i, choice in enumerate(self.choices):
            self._draw_row(ink, i, choice)
        others = self.refused - (self.broken is not None)  # the broken file has its own panel
        if others:
            ink.text(
                tr_n("scenario.refused", others, lang),
                (ink.px(48), self._list_rect().bottom),
                16,
                theme.FAINT,
                anchor="bottomleft",
                max_width=self._list_rect().width,
            )
        if self.broken is not None:
            self._draw_broken(ink)
            return
        self._draw_briefing(ink)
        self.draw_buttons(ink)
        back, start = self.buttons()[0].rect, self.buttons()[1].rect
        ink.text(
            self.t("scenario.keys"),
            ((back.right + start.left) // 2, back.centery),
            16,
            theme.FAINT,
            600,
            anchor="center",
            max_width=start.left - back.right - ink.px(40),
        )

    def _draw_row(self, ink: Ink, i: int, choice: Choice) -> None:
        """One scenario in the list: its title and its length."""
        lang = self.app.lang
        surface = ink.surface
        s = choice.loaded.scenario
        rect = self._row_rect(i)
        sel = i == self.selected and self.broken is None
        hover = rect.collidepoint(self.app.mouse)
        widgets.panel(
            surface,
            rect,
            theme.PANEL_HI if sel or hover else theme.PANEL,
            ink.px(12),
            theme.ACCENT if sel else None,
            ink.px(3),
        )
        inner = rect.inflate(-ink.px(28), -ink.px(16))
        ink.wrapped(
            localize(s.title, lang, s.default_language),
            pygame.Rect(inner.left, inner.top, inner.width, ink.px(52)),
            19,
            theme.TEXT,
            700,
            max_lines=2,
        )
        word = facts.turn_label(s, lang).lower()
        meta = self.t(
            "scenario.meta",
            turns=facts.turns(s, s.turns, lang),
            actions=tr_n("count.actions", s.actions_per_turn, lang, label=word),
        )
        ink.text(
            meta,
            (inner.left, inner.bottom),
            16,
            theme.MUTED,
            anchor="bottomleft",
            max_width=inner.width,
        )

    def _draw_briefing(self, ink: Ink) -> None:
        """The chosen scenario's title and its briefing (scrolling)."""
        lang = self.app.lang
        surface = ink.surface
        s = self.choices[self.selected].loaded.scenario
        right = self._right_rect()
        widgets.panel(surface, right, theme.PANEL, ink.px(16))
        inner = right.inflate(-ink.px(56), -ink.px(48))
        used = ink.wrapped(
            localize(s.title, lang, s.default_language), inner, 30, theme.TEXT, 800, max_lines=2
        )
        y = inner.top + used + ink.px(8)
        ink.text(self.t("scenario.briefing"), (inner.left, y), 16, theme.ACCENT, 700)
        view = self.briefing_view()
        if view is not None:
            scroll.draw(ink, view, self.offset, self.t("scroll.more"))

    def _draw_broken(self, ink: Ink) -> None:
        """The file asked for did not load: its lines in a red-framed panel, then the keys."""
        assert self.broken is not None
        right = self._right_rect()
        widgets.panel(ink.surface, right, theme.PANEL, ink.px(16), theme.BAD, ink.px(3))
        inner = right.inflate(-ink.px(56), -ink.px(48))
        title = self.t("scenario.broken_title", file=self.broken.path.name)
        used = ink.wrapped(title, inner, 28, theme.BAD, 800)
        hint = pygame.Rect(inner.left, inner.top + used + ink.px(12), inner.width, inner.height)
        ink.wrapped(self.t("scenario.broken_hint"), hint, 18, theme.MUTED)
        view = self.problems_view()
        if view is not None:
            scroll.draw(ink, view, self.offset, self.t("scroll.more"))
        self.draw_buttons(ink)
