"""The browser game's router (``app.include_router(routes.router)``): the join, briefing and
state pages of :mod:`.seat_pages` and the game pages of :mod:`.play_pages`, one router."""

from __future__ import annotations

from game.classroom.web import debrief_routes, play_pages, seat_pages

router = seat_pages.router
assert play_pages.router is router  # the game pages are registered on the same router
assert debrief_routes.router is router  # and the debrief's

__all__ = ["router"]
