"""A Message is a code and its fields; only game.i18n.say turns it into words."""

from __future__ import annotations

from game.errors import Codes, Message, words
from game.i18n import say


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
