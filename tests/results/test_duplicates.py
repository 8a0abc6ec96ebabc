"""Identical decision paths within a class and scenario version are found (copies)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.results.duplicates import duplicate_groups, group_numbers, path_sha256
from tests.results.helpers import MakeRecord


def test_a_copy_with_another_name_is_grouped_with_its_original(make_record: MakeRecord) -> None:
    original = make_record(11, "random", "K1", "Ani")
    copy = original.model_copy(update={"player": "Budi"})
    other = make_record(12, "random", "K1", "Citra")
    assert path_sha256(original) == path_sha256(copy) != path_sha256(other)
    groups = duplicate_groups([other, original, copy])
    assert len(groups) == 1
    g = groups[0]
    assert (g.number, g.cohort, g.scenario, g.members) == (
        1,
        "K1",
        "dukcapil-sukamaju@1.0.0",
        (1, 2),
    )
    assert group_numbers([other, original, copy]) == [None, 1, 1]


def test_same_path_in_another_class_or_version_is_not_a_copy(make_record: MakeRecord) -> None:
    a = make_record(11, "random", "K1", "Ani")
    elsewhere = a.model_copy(update={"cohort": "K2", "player": "Budi"})
    newer = a.model_copy(update={"scenario_version": "1.1.0", "player": "Citra"})
    assert duplicate_groups([a, elsewhere, newer]) == []


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=0, max_size=12))
def test_groups_are_exactly_the_records_sharing_a_path(
    make_record: MakeRecord, seeds: list[int]
) -> None:
    records = [make_record(s, "random", "K", f"P{i}") for i, s in enumerate(seeds)]
    numbers = group_numbers(records)
    for i, a in enumerate(records):
        twins = [j for j, b in enumerate(records) if j != i and path_sha256(a) == path_sha256(b)]
        assert (numbers[i] is None) == (not twins)
        assert all(numbers[j] == numbers[i] for j in twins)
