"""A draft Aksi Perubahan (the PKA change project) as a Word document, from a finished game.

In the player's language: the unit and its problem as the scenario framed it, the reform
as short-, medium- and long-term milestones by quarter, the stakeholders engaged, the
indicators that moved with the sources behind the policies that moved them, the wrong
predictions, and the BerAKHLAK values shown. It says, at the top and the bottom, that it
is a draft.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from game.engine.actions import Adopt, Cancel, Choose
from game.engine.explain import cause_label, metric_label
from game.engine.game import Game
from game.engine.numbers import decimals, show
from game.engine.prediction import Prediction, calibration
from game.engine.values import value_counts
from game.errors import Message, ResultError
from game.i18n import tr
from game.results.words import ResultText
from game.scenario import localize


@dataclass(frozen=True)
class Author:
    """Who played: shown at the top of the draft."""

    player: str
    player_id: str | None = None
    cohort: str = ""


def _widths(table: Table, cm: tuple[float, ...]) -> None:
    """Fix the columns' widths (Word and LibreOffice read them per cell)."""
    table.autofit = False
    for column, width in zip(table.columns, cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, cm, strict=True):
            cell.width = Cm(width)


def terms(turns: int) -> list[tuple[str, int, int]]:
    """The game's quarters split into short, medium and long term (first, last turn)."""
    a = max(1, round(turns / 3))
    b = max(a + 1, round(2 * turns / 3)) if turns >= 3 else a
    out = [("reflect.aksi_short", 1, a)]
    if turns > a:
        out.append(("reflect.aksi_medium", a + 1, min(b, turns)))
    if turns > b:
        out.append(("reflect.aksi_long", b + 1, turns))
    return out


def _decision_text(game: Game, action: Adopt | Cancel | Choose, lang: str) -> str:
    dl = game.scenario.default_language
    if isinstance(action, (Adopt, Cancel)):
        policy = game.policy(action.policy)
        key = "reflect.aksi_adopt" if isinstance(action, Adopt) else "reflect.aksi_cancel"
        return tr(key, lang, name=localize(policy.name, lang, dl))
    ev = game.event(action.event)
    choice = next((c for c in ev.choices if c.id == action.choice), None)
    label = localize(choice.label, lang, dl) if choice else action.choice
    return tr("reflect.aksi_choose", lang, event=localize(ev.title, lang, dl), choice=label)


def _turn_name(game: Game, lang: str) -> str:
    s = game.scenario
    text = localize(s.turn_label, lang, s.default_language) if s.turn_label else ""
    return text or tr("turn.label", lang)


def build(
    game: Game, author: Author, predictions: tuple[Prediction, ...], lang: str
) -> DocxDocument:
    """The draft as a python-docx document."""
    c, s = game.compiled, game.scenario
    dl = s.default_language
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"  # type: ignore[attr-defined]
    style.font.size = Pt(11)  # type: ignore[attr-defined]
    doc.add_heading(tr("reflect.aksi_title", lang), level=0)
    note = doc.add_paragraph()
    run = note.add_run(tr("reflect.aksi_note", lang))
    run.bold = True
    run.font.color.rgb = RGBColor(0xA0, 0x30, 0x20)
    who = [
        (tr("reflect.aksi_player", lang), author.player),
        (tr("reflect.aksi_nip", lang), author.player_id or "—"),
        (tr("reflect.aksi_class", lang), author.cohort or "—"),
        (tr("reflect.aksi_scenario", lang), f"{localize(s.title, lang, dl)} ({s.id} {s.version})"),
    ]
    if game.outcome is not None:
        who.append((tr("reflect.aksi_score", lang), f"{game.outcome.score:.1f}"))
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for k, v in who:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = k, v
    _widths(table, (5.0, 11.5))

    doc.add_heading(tr("reflect.aksi_h_unit", lang), level=1)
    for para in localize(s.briefing, lang, dl).split("\n\n"):
        if para.strip():
            doc.add_paragraph(" ".join(para.split()))

    doc.add_heading(tr("reflect.aksi_h_milestones", lang), level=1)
    by_turn: dict[int, list[str]] = defaultdict(list)
    for d in game.decisions:
        by_turn[d.turn].append(_decision_text(game, d.action, lang))
    word = _turn_name(game, lang)
    played = game.turns_played
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].text = tr("reflect.aksi_col_term", lang)
    head[1].text = tr("reflect.aksi_col_when", lang)
    head[2].text = tr("reflect.aksi_col_what", lang)
    for key, first, last in terms(max(played, 1)):
        for t in range(first, last + 1):
            cells = table.add_row().cells
            cells[0].text = tr(key, lang) if t == first else ""
            cells[1].text = f"{word} {t}"
            cells[2].text = "\n".join(by_turn.get(t, [])) or tr("reflect.aksi_nothing", lang)
    _widths(table, (3.2, 2.8, 10.5))

    doc.add_heading(tr("reflect.aksi_h_stakeholders", lang), level=1)
    adopted = list(
        dict.fromkeys(d.action.policy for d in game.decisions if isinstance(d.action, Adopt))
    )
    partners = [
        game.policy(pid)
        for pid in adopted
        if game.policy(pid).category == "partnerships"
        or "collaboration" in game.policy(pid).principles
    ]
    if partners:
        for p in partners:
            text = localize(p.name, lang, dl)
            if p.description is not None:
                text += f" — {localize(p.description, lang, dl)}"
            doc.add_paragraph(text, style="List Bullet")
    else:
        doc.add_paragraph(tr("reflect.aksi_no_stakeholders", lang))

    doc.add_heading(tr("reflect.aksi_h_indicators", lang), level=1)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, key in zip(
        table.rows[0].cells,
        ("indicator", "start", "end", "change", "sources"),
        strict=True,
    ):
        cell.text = tr(f"reflect.aksi_col_{key}", lang)
    shown = [m for m, spec in s.metrics.items() if not spec.hidden and m != s.budget]
    shown += [d for d, spec in s.derived.items() if not spec.hidden]
    for name in shown:
        start, end = game.value_at(0, name), game.value_at(game.turns_played, name)
        sources = sorted({src for pid in game.moved_by(name) for src in game.policy(pid).sources})
        cells = table.add_row().cells
        cells[0].text = metric_label(c, name, lang)
        cells[1].text = show(s, name, start, lang)
        cells[2].text = show(s, name, end, lang)
        cells[3].text = show(s, name, end - start, lang, sign=True)
        cells[4].text = "; ".join(sources) or "—"
    _widths(table, (4.2, 1.9, 1.9, 2.1, 6.4))

    doc.add_heading(tr("reflect.aksi_h_wrong", lang), level=1)
    cal = calibration(game, predictions)
    if cal.total:
        doc.add_paragraph(tr("reflect.calibration_score", lang, right=cal.right, total=cal.total))
    if cal.surprises:
        for r in cal.surprises:
            pr = r.prediction
            text = tr(
                f"reflect.surprise_{pr.expect}",
                lang,
                policy=localize(game.policy(pr.policy).name, lang, dl),
                metric=metric_label(c, pr.metric, lang),
                when=f"{word} {pr.by}",
                did=tr(f"reflect.did_{r.actual}", lang),
            )
            if r.paid_turn is not None and r.paid_turn > pr.by:
                text += " " + tr("reflect.paid_in", lang, when=f"{word} {r.paid_turn}")
            named = [x for x in r.causes if abs(x.delta) >= 0.5 * 10 ** -decimals(s, pr.metric)]
            if named:
                causes = ", ".join(cause_label(c, x, lang) for x in named)
                text += " " + tr(
                    "reflect.meanwhile",
                    lang,
                    metric=metric_label(c, pr.metric, lang),
                    causes=causes,
                )
            doc.add_paragraph(text, style="List Bullet")
    else:
        doc.add_paragraph(tr("reflect.aksi_no_wrong", lang))
    doc.add_paragraph(tr("reflect.aksi_differently", lang))
    for _ in range(3):
        doc.add_paragraph("……………………………………………………………………", style="List Number")

    doc.add_heading(tr("reflect.aksi_h_values", lang), level=1)
    counts = value_counts(game)
    for value, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n:
            doc.add_paragraph(
                tr("reflect.aksi_values_line", lang, value=tr(f"value.{value}", "id"), n=n),
                style="List Bullet",
            )
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = f"{tr('reflect.aksi_title', lang)} · " + tr(
        "reflect.aksi_footer", lang, date=date.today().isoformat()
    )
    return doc


def write_aksi(
    game: Game, author: Author, predictions: tuple[Prediction, ...], lang: str, path: Path
) -> Path:
    """Write the draft to ``path`` (.docx added when missing); ResultError when it cannot."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        path = path.with_name(path.name + ".docx")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        build(
            game,
            author,
            predictions,
            lang,
        ).save(str(tmp))
        tmp.replace(path)
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.WRITE_DRAFT, path=str(path), reason=exc.strerror or str(exc))
        ) from None
    return path
