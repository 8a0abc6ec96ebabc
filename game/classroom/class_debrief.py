"""The class debrief: the report's statistics and charts for one live class, plus the
scenario's debrief questions and this class against earlier classes of the same version.

Every stored result is replayed on the class's scenario (as ``agen results report`` does);
the charts are the report's own PNGs, inlined so the page is one request.
"""

from __future__ import annotations

import base64
import re
import statistics
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import paths
from game.classroom.class_store import ClassStore
from game.classroom.rooms import Room
from game.classroom.snapshot import grade_words
from game.engine.debrief_questions import fill
from game.results.analysis import Played, path_groups, ranked
from game.results.class_reflection import class_reflection
from game.results.class_report import write_charts
from game.results.compare import Group, compare_group, effect_words
from game.results.duplicates import duplicate_groups
from game.results.record import ResultRecord
from game.results.reflection_page import reflection_section
from game.results.verify import verify_on
from game.scenario import LoadedScenario, localize

EARLIER_SHOWN = 4
METRICS_COMPARED = 4
_HEADINGS = {"id": "**Pertanyaan debrief.**", "en": "**Debrief questions.**"}


@dataclass
class Comparison:
    """This class against one earlier class of the same scenario version."""

    cohort: str
    n: int
    rows: list[dict[str, Any]]


@dataclass
class ClassDebrief:
    """Everything the debrief page shows."""

    room: Room
    title: str
    players: int
    mean: float = 0.0
    median: float = 0.0
    sd: float = 0.0
    grades: list[tuple[str, int]] = field(default_factory=list)
    ranking: list[tuple[int, str, str, float]] = field(default_factory=list)  # every player
    charts: dict[str, str] = field(default_factory=dict)
    groups: list[tuple[int, int, float, str]] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    reflection_html: str = ""  # the class's predictions and principle groups (escaped HTML)
    comparisons: list[Comparison] = field(default_factory=list)


def _no_number(_key: str, _value: float) -> str:
    return "—"


def questions(loaded: LoadedScenario, lang: str) -> list[str]:
    """The scenario's debrief questions: its own ``[[debrief]]`` entries when it has them,
    else the numbered list of its facilitator note (docs/facilitator/ID.md)."""
    own = getattr(loaded.scenario, "debrief", None)
    if own:
        out = []
        for item in own:  # before any result, a placeholder reads as a dash, never as braces
            text = getattr(item, "question", item)
            blank = fill(localize(text, lang, loaded.scenario.default_language), {}, _no_number)
            out.append(blank)
        return [q for q in out if q]
    note = paths.data_folder("docs") / "facilitator" / f"{loaded.scenario.id}.md"
    try:
        lines = note.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    heading = _HEADINGS.get(lang, _HEADINGS["en"])
    found: list[str] = []
    inside = False
    for line in lines:
        if line.strip() == heading:
            inside = True
            continue
        if inside:
            item = re.match(r"^\s*\d+\.\s+(.*)$", line)
            if item:
                found.append(item.group(1).strip())
            elif line.strip().startswith("**") and found:
                break
    return found


def _inline(folder: Path, files: dict[str, str]) -> dict[str, str]:
    out = {}
    for kind, name in files.items():
        data = (folder / name).read_bytes()
        out[kind] = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return out


def _comparisons(
    classes: ClassStore, room: Room, loaded: LoadedScenario, mine: list[ResultRecord], lang: str
) -> list[Comparison]:
    others: dict[str, list[ResultRecord]] = {}
    scenario = f"{room.scenario_id}@{room.scenario_version}"
    for item in classes.store.results(scenario=scenario):
        r = item.record
        if (
            r.cohort != room.code
            and r.scenario_sha256 == room.scenario_sha256
            and r.quarters == room.quarters  # short and full games are never compared
        ):
            others.setdefault(r.cohort, []).append(r)
    latest = sorted(others, key=lambda c: max(r.ended for r in others[c]), reverse=True)
    s = loaded.scenario
    dl = s.default_language
    metrics = [(mid, localize(m.label, lang, dl)) for mid, m in s.metrics.items() if not m.hidden][
        :METRICS_COMPARED
    ]
    out = []
    for cohort in latest[:EARLIER_SHOWN]:
        group = Group(
            room.scenario_id, room.scenario_version, {room.code: mine, cohort: others[cohort]}
        )
        rows = []
        for measure in compare_group(group, [room.code, cohort], metrics):
            diff = measure.differences[cohort]
            rows.append(
                {
                    "label": measure.label,
                    "mine": measure.summaries[room.code].mean,
                    "theirs": measure.summaries[cohort].mean,
                    "diff": -diff.diff,  # this class minus the earlier one
                    "low": None if diff.high is None else -diff.high,
                    "high": None if diff.low is None else -diff.low,
                    "effect": effect_words(diff.hedges_g),
                }
            )
        out.append(Comparison(cohort, len(others[cohort]), rows))
    return out


def build(classes: ClassStore, code: str, lang: str) -> ClassDebrief:
    """The debrief of class ``code`` from its stored results (an empty one before any)."""
    room = classes.room(code)
    loaded = classes.loaded(room)
    s = loaded.scenario
    dl = s.default_language
    records = [
        item.record
        for item in classes.store.results([code])
        if item.record.scenario_sha256 == room.scenario_sha256
        and item.record.quarters == room.quarters
    ]
    result = ClassDebrief(room, localize(s.title, lang, dl), len(records))
    result.questions = questions(loaded, lang)
    if not records:
        return result
    played = [Played(r, verify_on(r, loaded)) for r in records]
    pairs = [(p.record, p.game) for p in played]
    refl = class_reflection(pairs, s, lang)
    result.questions = list(refl.questions) or result.questions  # with the class's numbers
    result.reflection_html = reflection_section(
        pairs, s, lang, questions=False, table_class="list", refl=refl
    )
    scores = [r.score for r in records]
    result.mean = statistics.fmean(scores)
    result.median = statistics.median(scores)
    result.sd = statistics.stdev(scores) if len(scores) > 1 else 0.0
    grades = grade_words(s, lang)  # results keep the grade in the language they were played in
    result.grades = Counter(
        grades.get(r.grade or "", r.grade or "-") for r in records
    ).most_common()
    result.ranking = [
        (
            i,
            p.record.player,
            grades.get(p.record.grade or "", p.record.grade or "-"),
            p.record.score,
        )
        for i, p in enumerate(ranked(played), 1)
    ]
    names = {p.id: localize(p.name, lang, dl) for p in s.policies}
    result.groups = [
        (i, len(g.members), g.mean_score, ", ".join(names.get(x, x) for x in g.common) or "-")
        for i, g in enumerate(path_groups(played), 1)
    ]
    result.duplicates = [
        [records[i].player for i in group.members] for group in duplicate_groups(records)
    ]
    with tempfile.TemporaryDirectory(prefix="agen-debrief-") as folder:
        files = write_charts(played, loaded, code, Path(folder), lang)
        result.charts = _inline(Path(folder), files)
    result.comparisons = _comparisons(classes, room, loaded, records, lang)
    return result
