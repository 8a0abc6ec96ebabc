"""Result file names keep a name's letters: accents are transliterated (É -> E), not dashed."""

from __future__ import annotations

from typing import Any

from game.results.record import result_file_name


def test_accents_are_transliterated(make_record: Any) -> None:
    record = make_record(1, player="Séptiani Ésa Ñúñez", cohort="PKA-Ⅱ-2026")
    name = result_file_name(record)
    assert name.startswith("PKA-II-2026_Septiani-Esa-Nunez_"), name
    assert name.isascii()


def test_letters_without_an_ascii_form_still_give_a_safe_name(make_record: Any) -> None:
    name = result_file_name(make_record(1, player="Łukasz 李", cohort="A/B"))
    assert name.startswith("A-B_ukasz_") or name.startswith("A-B_Lukasz_"), name
    assert "/" not in name and name.isascii()
