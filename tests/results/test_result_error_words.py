"""A result file's errors are codes: English for the CLI line, each reader's language on
the screens and in the class server's answers."""

from __future__ import annotations

import pytest

from game.engine.actions import Decision
from game.errors import ResultError
from game.i18n import say_error
from game.results.record import parse_result


def test_a_malformed_result_file_is_said_in_both_languages() -> None:
    with pytest.raises(ResultError) as caught:
        parse_result(b'{"format": 3,\n  "player": ')
    assert str(caught.value) == "not valid JSON (line 2)"
    assert say_error(caught.value, "id") == "bukan JSON yang sah (baris 2)"


def test_an_unreadable_decision_is_said_in_both_languages() -> None:
    with pytest.raises(ResultError) as caught:
        Decision.from_json({"turn": "satu", "adopt": "x"})
    assert str(caught.value) == "a decision must be a table with a whole-number 'turn'"
    assert "bilangan bulat" in say_error(caught.value, "id")
