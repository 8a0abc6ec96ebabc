"""A Message is a code and its fields; only game.i18n.say turns it into words."""

from __future__ import annotations

from game.errors import Codes, Message, Problem, words
from game.i18n import say
from game.scenario.codes import LoadCode
from game.ui.join_worker import JoinFailed


class _Sample(Codes):
    SAVED = "result.saved"
    BACK = "common.back"


def test_a_message_is_said_in_each_language_with_its_fields() -> None:
    message = Message.of(_Sample.SAVED, path="X")
    assert say(message, "id") == "Hasil disimpan: X"
    assert say(message, "en") == "Result saved: X"
    assert str(message) == "Result saved: X" == words(message)


def test_a_field_that_is_a_message_is_said_in_the_same_language() -> None:
    message = Message.of(_Sample.SAVED, path=Message.of(_Sample.BACK))
    assert say(message, "id") == "Hasil disimpan: Kembali"
    assert say(message, "en") == "Result saved: Back"


def test_messages_are_values() -> None:
    one = Message.of(_Sample.SAVED, path="X")
    assert one == Message.of(_Sample.SAVED, path="X") and hash(one) == hash(
        Message(one.code, one.fields)
    )
    assert one.field("path") == "X"
    assert one != Message.of(_Sample.SAVED, path="Y")


def test_a_refused_scenario_reads_in_the_screen_s_language() -> None:
    problem = Problem("s.toml", 3, "turns", Message.of(LoadCode.MISSING))
    failed = JoinFailed("class.err.scenario", reason=problem)
    assert failed.message("id").endswith("s.toml:3: turns: wajib diisi")
    assert failed.message("en").endswith("s.toml:3: turns: required key is missing")
