"""What the projector page shows, as one JSON-ready dict built from the store.

Who joined and which quarter each is in, the leaderboard of stored results, what the class
chose in each quarter ("62% adopted hybrid work in Q1"), and seats whose decision paths are
identical (the same seed makes copying easy; the facilitator should see it).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from game.classroom.class_store import ClassStore
from game.classroom.rooms import Room, SeatRow
from game.i18n import english_plural
from game.results.duplicates import path_text
from game.scenario import Scenario, localize

BOARD_ROWS = 500  # the whole class: the projector pages through a board longer than the screen
CHOICES_SHOWN = 4
# Identical paths are flagged only from here: after one quarter three bots with one plan,
# or two cautious players, are alike by chance, not by copying.
COPY_TURNS = 3
COPY_MOVES = 3


def timer_out(room: Room, now: float | None = None) -> dict[str, Any] | None:
    """The quarter timer as the API and the pages show it (None: the class has no timer)."""
    t = room.timer
    if t.seconds is None:
        return None
    at = time.time() if now is None else now
    left = t.left(at)
    return {
        "seconds": t.seconds,
        "running": t.running,
        "left": None if left is None else round(left, 1),
        "round": t.round,
        "on_expiry": t.on_expiry,
        "expired": t.expired(at),
    }


def grade_words(scenario: Scenario, lang: str) -> dict[str, str]:
    """Each grade's name in any language -> its name in ``lang``.

    A result stores its grade in the language it was played in; a page shows it in its own.
    """
    out: dict[str, str] = {}
    for grade in scenario.scoring.grades:
        wanted = localize(grade.name, lang, scenario.default_language)
        names = [grade.name] if isinstance(grade.name, str) else list(grade.name.values())
        out.update(dict.fromkeys(names, wanted))
    return out


def alike_seats(seats: Sequence[SeatRow]) -> list[list[int]]:
    """Groups (seat ids) of two or more seats whose decisions so far are identical, for the
    live board. Finished results are grouped by ``game.results.duplicates.duplicate_groups``;
    both compare paths by the one canonical text, ``path_text``.

    Only seats that finished ``COPY_TURNS`` quarters and adopted or cancelled at least
    ``COPY_MOVES`` times count: shorter paths are alike without anyone having copied.
    """
    by_path: dict[str, list[int]] = {}
    for seat in seats:
        moves = sum("adopt" in d or "cancel" in d for d in seat.decisions)
        if seat.turn_done >= COPY_TURNS and moves >= COPY_MOVES:
            by_path.setdefault(path_text(seat.decisions), []).append(seat.id)
    return [ids for ids in by_path.values() if len(ids) > 1]


def quarter_choices(
    seats: Sequence[SeatRow], names: dict[str, str], turns: int
) -> list[dict[str, Any]]:
    """Per completed quarter: how many finished it and the policies most adopted in it."""
    done = max((s.turn_done for s in seats), default=0)
    out = []
    for q in range(1, min(done, turns) + 1):
        group = [s for s in seats if s.turn_done >= q]
        counts: Counter[str] = Counter()
        for seat in group:
            counts.update(
                {d["adopt"] for d in seat.decisions if d.get("turn") == q and "adopt" in d}
            )
        items = [
            {"policy": names.get(pid, pid), "share": round(100 * n / len(group))}
            for pid, n in counts.most_common(CHOICES_SHOWN)
        ]
        out.append({"quarter": q, "n": len(group), "items": items})
    return out


def snapshot(classes: ClassStore, code: str, lang: str) -> dict[str, Any]:
    """The projector's data for class ``code`` in language ``lang``."""
    version = classes.last_change(code)  # read first: the data below is at least this new
    room = classes.room(code)
    loaded = classes.loaded(room)
    s = loaded.scenario
    dl = s.default_language
    seats = classes.seats(code)
    turns = classes.turns(room)
    dup = alike_seats(seats)
    flag = {sid: i + 1 for i, ids in enumerate(dup) for sid in ids}
    names = {p.id: localize(p.name, lang, dl) for p in s.policies}
    label = localize(s.turn_label, lang, dl)
    # a short-form class ranks only short games (never with full ones), and the other way
    board = classes.store.leaderboard(None, code, limit=BOARD_ROWS, short=room.quarters is not None)
    grades = grade_words(s, lang)
    return {
        "code": room.code,
        "title": localize(s.title, lang, dl),
        "state": room.state,
        "lockstep": room.lockstep,
        "open_quarter": room.open_quarter if room.lockstep else None,
        "turns": turns,
        "full_turns": s.turns,
        "quarters": room.quarters,
        "turn_label": label,
        "turn_labels": (english_plural(label) if lang == "en" else label).lower(),
        "seconds_left": room.seconds_left(),
        "timer": timer_out(room),
        "join_url": room.join_url,
        "seats": [
            {
                "id": seat.id,
                "player": seat.player,
                "members": list(seat.members),
                "quarter": min(seat.turn_done + 1, turns),
                "turn_done": seat.turn_done,
                "done": seat.result_key is not None,
                "score": seat.score,
                "duplicate": flag.get(seat.id),
            }
            for seat in seats
        ],
        "counts": {
            "joined": len(seats),
            "done": sum(seat.result_key is not None for seat in seats),
        },
        "board": [
            {
                "rank": r.rank,
                "player": r.player,
                "score": round(r.score, 1),
                "grade": grades.get(r.grade or "", r.grade),
            }
            for r in board
        ],
        "choices": quarter_choices(seats, names, turns),
        "duplicates": [[next(x.player for x in seats if x.id == i) for i in ids] for ids in dup],
        "version": version,
    }
