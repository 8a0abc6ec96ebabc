"""What every chapter of the Aksi Perubahan draft shares: one game in one language (its
turn word, unit, labels and numbers), the split into terms, and lists and blank lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument

from game.engine.game import Game
from game.engine.numbers import decimals, number, show
from game.i18n import english_plural, tr
from game.results import aksi_docx as D
from game.results.aksi_content import Indicator, indicators, label
from game.scenario import localize

_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def terms(turns: int) -> list[tuple[str, int, int]]:
    """The game's quarters split into short, medium and long term (first, last turn)."""
    a = max(1, round(turns / 3))
    b = max(a + 1, round(2 * turns / 3)) if turns >= 3 else a
    out = [("aksi.term_short", 1, a)]
    if turns > a:
        out.append(("aksi.term_medium", a + 1, min(b, turns)))
    if turns > b:
        out.append(("aksi.term_long", b + 1, turns))
    return out


def unit_of(title: str) -> str:
    """The unit a scenario's title names: what follows its last " di " / " at the " / ": "."""
    for mark in (" di ", " at ", ": "):
        if mark in title:
            return title.rsplit(mark, 1)[1].strip()
    return title


@dataclass
class Context:
    """One game in one language: the words every chapter shares."""

    game: Game
    lang: str
    found: list[Indicator] = field(default_factory=list)

    def __post_init__(self) -> None:
        s = self.game.scenario
        self.dl = s.default_language
        self.found = indicators(self.game)
        word = localize(s.turn_label, self.lang, self.dl) if s.turn_label is not None else ""
        self.turn_word = word or tr("turn.label", self.lang)
        title = localize(s.title, self.lang, self.dl)
        self.unit = unit_of(title)
        self.simulation = f"{title} ({s.id} {s.version})"

    def label(self, name: str) -> str:
        """A metric's label."""
        return label(self.game, name, self.lang)

    def policy_name(self, pid: str) -> str:
        """A policy's name."""
        return localize(self.game.policy(pid).name, self.lang, self.dl)

    def joined(self, items: Sequence[str]) -> str:
        """ "A, B dan C" / "A, B and C"."""
        if len(items) == 1:
            return items[0]
        return tr("req.and", self.lang, a=", ".join(items[:-1]), b=items[-1])

    def when(self, turn: int) -> str:
        """ "Triwulan 3"."""
        return f"{self.turn_word} {turn}"

    def span(self, first: int, last: int) -> str:
        """ "Triwulan 1–3" (one turn: "Triwulan 1")."""
        if first == last:
            return self.when(first)
        word = english_plural(self.turn_word) if self.lang == "en" else self.turn_word
        return f"{word} {first}–{last}"

    def turns(self, n: int) -> str:
        """The turn word for ``n`` turns, in a sentence: "triwulan", "quarters"."""
        word = self.turn_word.lower()
        return english_plural(word) if self.lang == "en" and n != 1 else word

    def show(self, name: str, value: float, sign: bool = False) -> str:
        """A metric's value with its decimals, in the language's style."""
        return show(self.game.scenario, name, value, self.lang, sign)

    def target(self, ind: Indicator) -> str:
        """ "≥ 76,61": the bar with as many decimals as it was written with."""
        places = max(decimals(self.game.scenario, ind.name), _places(ind.target))
        return f"{_SIGNS[ind.op]} {number(ind.target, places, self.lang)}"


def _places(value: float) -> int:
    text = f"{abs(value):.4f}".rstrip("0")
    return len(text.partition(".")[2])


def bullets(doc: DocxDocument, items: Sequence[str]) -> None:
    """A bulleted list."""
    for item in items:
        doc.add_paragraph(item, style="List Bullet")


def blanks(doc: DocxDocument, lead: str, who: str, lines: int = 2) -> None:
    """A lead-in line and dotted lines marked for whoever fills them."""
    doc.add_paragraph(f"{lead} {who}")
    for _ in range(lines):
        doc.add_paragraph(D.BLANK * 2)
