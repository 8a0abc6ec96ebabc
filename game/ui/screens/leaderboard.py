"""The class leaderboard of the results on this machine (read through game.results)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pygame

from game import paths
from game.errors import AgenError, ScenarioError
from game.i18n import say_error
from game.results.store import LeaderRow, open_store
from game.scenario import Scenario, load_scenario, localize
from game.ui import facts, theme, widgets
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink

ROWS = 12


def scenario_index(app: Host, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Scenario]:
    """The scenarios (by id and version) the board's rows were played on: the game in hand,
    then the scenarios folder; a file that does not load is skipped."""
    found: dict[tuple[str, str], Scenario] = {}
    if app.session is not None:
        s = app.session.loaded.scenario
        found[(s.id, s.version)] = s
    folder = app.options.scenarios_dir
    if wanted - found.keys() and folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                s = load_scenario(path).scenario
            except (ScenarioError, OSError):
                continue
            found.setdefault((s.id, s.version), s)
    return found


def grade_in(s: Scenario, stored: str | None, score: float, lang: str) -> str | None:
    """A stored grade in ``lang``: the scenario's grade whose name (in any language) is the
    stored text; else the grade the score reaches; else the stored text itself."""
    grades = s.scoring.grades
    names = [g.name.values() if isinstance(g.name, dict) else [g.name] for g in grades]
    hit = next((i for i, n in enumerate(names) if stored is not None and stored in n), None)
    if hit is None and stored is not None:
        hit = next(
            (i for i, g in sorted(enumerate(grades), key=lambda ig: -ig[1].min) if score >= g.min),
            None,
        )
    return localize(grades[hit].name, lang, s.default_language) if hit is not None else stored


def shown_grade(row: Any, scenarios: dict[tuple[str, str], Scenario], lang: str) -> str:
    """The grade of a leaderboard row in the current language ("—" when it has none)."""
    s = scenarios.get((row.scenario_id, row.scenario_version))
    text = grade_in(s, row.grade, row.score, lang) if s is not None else row.grade
    return text or "—"


def best_per_player(rows: list[LeaderRow]) -> list[LeaderRow]:
    """One row per player, their best game (the rows come best first): a player is known by
    NIP when one was given, else by name and class. Ranks are counted anew; equal scores
    share one."""
    seen: set[tuple[str, ...]] = set()
    kept: list[LeaderRow] = []
    for row in rows:
        who = (row.player_id,) if row.player_id else (row.player.casefold(), row.cohort)
        if who not in seen:
            seen.add(who)
            kept.append(row)
    out: list[LeaderRow] = []
    for i, row in enumerate(kept[:ROWS], 1):
        rank = out[-1].rank if out and out[-1].score == row.score else i
        out.append(dataclasses.replace(row, rank=rank))
    return out


def load_board(app: Host) -> tuple[list[Any], str | None, str | None]:
    """Import the result files of the results folder into the local store and read the
    board: (rows, the class shown or None for all, a message when something is missing)."""
    session = app.session
    cohort = session.player.cohort if session is not None else None
    scenario = session.loaded.scenario.id if session is not None else None
    try:
        app.data_dir.mkdir(parents=True, exist_ok=True)
        store = open_store(str(paths.store_path(app.data_dir)))
        try:
            if app.results_dir.is_dir():
                store.import_files([app.results_dir], app.options.scenarios_dir)
            short = session is not None and session.quarters is not None
            rows = best_per_player(store.leaderboard(scenario, cohort, limit=ROWS * 4, short=short))
        finally:
            store.close()
    except (AgenError, OSError) as exc:
        return [], cohort, say_error(exc, app.lang)
    return rows, cohort, None if rows else "leaderboard.empty"


class LeaderboardScreen(Screen):
    """Best scores first; the player's own class when a game is in hand."""

    name = "leaderboard"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "over":
            return []
        app = stage.app
        return [Shot("15-leaderboard", lambda: app.make("leaderboard", app.make("title")))]

    def __init__(self, app: Host, back: Screen) -> None:
        super().__init__(app)
        self.back = back
        self.rows, self.cohort, self.message = load_board(app)
        wanted = {(r.scenario_id, r.scenario_version) for r in self.rows}
        self.scenarios = scenario_index(app, wanted) if self.rows else {}

    def buttons(self) -> list[Button]:
        _, h = self.size
        return [
            Button(
                "back",
                self.t("common.back"),
                pygame.Rect(self.px(40), h - self.px(80), self.px(220), self.px(56)),
                primary=True,
                hint="Esc",
            )
        ]

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_ESCAPE,
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
        ):
            return self.back
        return super().handle(event)

    def press(self, key: str) -> Screen:
        return self.back

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, h = surface.get_size()
        lang = self.app.lang
        ink.text(self.t("title.leaderboard"), (ink.px(40), ink.px(28)), 40, theme.TEXT, 800)
        sub = (
            self.t("leaderboard.class", cohort=self.cohort)
            if self.cohort
            else self.t("leaderboard.all")
        )
        ink.text(sub, (ink.px(40), ink.px(84)), 18, theme.MUTED)
        table = pygame.Rect(ink.px(40), ink.px(124), w - ink.px(80), h - ink.px(124) - ink.px(100))
        widgets.panel(surface, table, theme.PANEL, ink.px(16))
        cols = [
            (0.0, "leaderboard.rank"),
            (0.06, "leaderboard.player"),
            (0.40, "leaderboard.cohort"),
            (0.56, "leaderboard.score"),
            (0.66, "leaderboard.grade"),
            (0.90, "leaderboard.goals"),
        ]
        x0, inner_w = table.left + ink.px(24), table.width - ink.px(48)
        y = table.top + ink.px(16)
        for frac, key in cols:
            ink.text(self.t(key), (x0 + round(inner_w * frac), y), 16, theme.ACCENT, 800)
        y += ink.px(32)
        pygame.draw.line(
            surface, theme.LINE, (x0, y - ink.px(4)), (table.right - ink.px(24), y - ink.px(4)), 2
        )
        if self.message is not None:
            text = self.t(self.message) if self.message.startswith("leaderboard.") else self.message
            ink.wrapped(
                text, pygame.Rect(x0, y + ink.px(16), inner_w, ink.px(120)), 20, theme.MUTED
            )
        row_h = min(ink.px(36), (table.bottom - y - ink.px(8)) // max(1, ROWS))
        me = self.app.session.player.name if self.app.session is not None else None
        for row in self.rows[:ROWS]:
            color = theme.ACCENT if row.player == me else theme.TEXT
            cells = [
                str(row.rank),
                row.player,
                row.cohort,
                facts.number(row.score, 1, lang),
                shown_grade(row, self.scenarios, lang),
                str(row.goals),
            ]
            for i, ((frac, _), cell) in enumerate(zip(cols, cells, strict=True)):
                nxt = cols[i + 1][0] if i + 1 < len(cols) else 1.0
                ink.text(
                    cell,
                    (x0 + round(inner_w * frac), y),
                    19,
                    color,
                    700 if i in (0, 3) else 400,
                    max_width=round(inner_w * (nxt - frac)) - ink.px(10),
                )
            y += row_h
        self.draw_buttons(ink)
