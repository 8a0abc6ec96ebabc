"""Identical decision paths: results of one class and one scenario version whose decisions
are the same, step for step, as another's (a copied result file, or one plan played twice).

Replay cannot tell a copy from a game (the copy replays perfectly), so the store flags
these instead of refusing them: the facilitator decides. Used by ``agen results`` (list,
leaderboard, export, report) and by the class server's pages.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.results.record import ResultRecord


def path_text(decisions: Sequence[Any]) -> str:
    """The decisions as one canonical text (turn by turn, in order): equal paths, equal texts.
    A finished result's path and a game in play's decisions so far compare by it alike."""
    return json.dumps(list(decisions), sort_keys=True, separators=(",", ":"))


def path_sha256(record: ResultRecord) -> str:
    """SHA-256 of the decisions alone: equal paths, equal hashes."""
    return hashlib.sha256(path_text(record.decisions).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DuplicateGroup:
    """Two or more results of one cohort and scenario version with identical decisions."""

    number: int  # 1, 2, ... in the order the groups' first members were given
    cohort: str
    scenario: str  # ID@VERSION
    path_sha256: str
    members: tuple[int, ...]  # positions in the sequence given to duplicate_groups


def duplicate_groups(records: Sequence[ResultRecord]) -> list[DuplicateGroup]:
    """The groups of identical decision paths among ``records`` (within one cohort and one
    scenario version each); a record with no twin is in no group."""
    by_path: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        key = (r.cohort, r.scenario_id, r.scenario_version, path_sha256(r))
        by_path[key].append(i)
    groups = [(key, tuple(members)) for key, members in by_path.items() if len(members) > 1]
    groups.sort(key=lambda g: g[1][0])
    return [
        DuplicateGroup(n, cohort, f"{sid}@{version}", sha, members)
        for n, ((cohort, sid, version, sha), members) in enumerate(groups, start=1)
    ]


def group_numbers(records: Sequence[ResultRecord]) -> list[int | None]:
    """For each record, the number of its group of identical paths (None when it has no twin)."""
    numbers: list[int | None] = [None] * len(records)
    for group in duplicate_groups(records):
        for i in group.members:
            numbers[i] = group.number
    return numbers
