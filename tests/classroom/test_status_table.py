"""The store and the checks raise domain errors; app.py's STATUS is the one table that gives
each kind its HTTP status, so every kind must be in it."""

from __future__ import annotations

from game.classroom import refusal
from game.classroom.api_text import ApiText
from game.classroom.server_app import STATUS, http_status


def test_every_kind_of_refusal_has_its_status() -> None:
    kinds = {
        value
        for value in vars(refusal).values()
        if isinstance(value, type) and issubclass(value, refusal.Refusal)
    } - {refusal.Refusal}
    assert len(kinds) >= 8
    assert kinds == set(STATUS)
    assert len(set(STATUS.values())) == len(STATUS)  # one kind per status


def test_a_refusal_of_a_narrower_kind_takes_its_parents_status() -> None:
    class Gone(refusal.NotFound):
        """A kind added below another, not yet in the table."""

    assert http_status(Gone(ApiText.NO_SEAT, seat=3)) == 404
    body = Gone(ApiText.NO_SEAT, seat=3).body("en")
    assert body["code"] == "class.api.no_seat" and "3" in body["message_en"]
