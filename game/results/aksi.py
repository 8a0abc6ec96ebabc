"""A draft Rancangan Aksi Perubahan (the PKA change action plan) as a Word document.

Written from one finished game in the structure PKA participants use for their change plan:
a working title; BAB I the unit, its core issue and causes, aims and benefits; BAB II the
creative idea, milestones (short, medium, long term: activity, output, success criterion),
the stakeholders with their role and engagement, success indicators (baseline, result,
target, one source), the risks met and how they were handled, the BerAKHLAK values; BAB III
what the participant would do differently; an approval sheet for the coach and the mentor.
Blanks are marked for the mentor, the coach and the participant's own unit, and the
document says, in a box at the top and in every page's footer, that it is a draft from a game.

The structure follows the Rancangan Aksi Perubahan of the PKA (Peraturan LAN No. 16 Tahun
2019 tentang Pelatihan Kepemimpinan Administrator; its guideline, Keputusan Kepala LAN No.
1007/K.1/PDP.07/2019) as the training centres' templates lay it out: BAB I Pendahuluan
(latar belakang, tujuan, manfaat), then the change plan (terobosan/inovasi, tahapan/milestone
jangka pendek–menengah–panjang, pemetaan stakeholder, risiko dan mitigasinya, indikator
keberhasilan), signed by the coach and the mentor. Seen in: the PPSDM Kemendagri Regional
Bukittinggi PKA template (https://id.scribd.com/document/654594043/Milestone-1-Merged-Merged),
the list of a RAP's required parts (https://rabiynet.blogspot.com/p/diklatpim.html), a
Rancangan Proyek Perubahan with milestone, stakeholder analysis and risks
(https://anyflip.com/gkwra/rxai/basic), and a coach's assessment of a plan (diagnosis with
data, breakthrough, milestones with risk management, stakeholder map:
https://id.scribd.com/document/576581239/RAP-Agus-Dwipa-sdh-ttd-coach-dan-mentor).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from game.engine import ledger as L
from game.engine.explain import cause_label
from game.engine.game import Game
from game.engine.numbers import decimals, number
from game.engine.prediction import Prediction, Reveal, calibration
from game.errors import Message, ResultError
from game.i18n import tr
from game.results import aksi_docx as D
from game.results.aksi_content import dropped, indicators, kept
from game.results.aksi_context import Context, bullets, terms
from game.results.aksi_plan import chapter_one, chapter_two
from game.results.result_text import ResultText
from game.scenario import localize

__all__ = ["Author", "build", "terms", "write_aksi"]

# causes a participant can act on (a drift or a limit is no one's doing)
_NAMED = (L.POLICY, L.CHOICE, L.RULE)
_WRONG = {"up": "aksi.wrong_up", "down": "aksi.wrong_down", "same": "aksi.wrong_same"}
MONTHS = (
    "aksi.month_1",
    "aksi.month_2",
    "aksi.month_3",
    "aksi.month_4",
    "aksi.month_5",
    "aksi.month_6",
    "aksi.month_7",
    "aksi.month_8",
    "aksi.month_9",
    "aksi.month_10",
    "aksi.month_11",
    "aksi.month_12",
)


@dataclass(frozen=True)
class Author:
    """Who played: shown at the top of the draft, and the document's author."""

    player: str
    player_id: str | None = None
    cohort: str = ""


def long_date(day: date, lang: str) -> str:
    """ "6 Desember 2026" / "6 December 2026"."""
    return f"{day.day} {tr(MONTHS[day.month - 1], lang)} {day.year}"


def working_title(ctx: Context) -> str:
    """Aim, idea and place: "Peningkatan IKM sebenarnya melalui … di Dukcapil Sukamaju"."""
    lang, game = ctx.lang, ctx.game
    found = indicators(game)
    if found:
        first = found[0]
        key = "aksi.aim_raise" if first.op.startswith(">") else "aksi.aim_lower"
        aim = tr(key, lang, metric=ctx.label(first.name))
    else:
        aim = tr("aksi.aim_general", lang)
    reform = kept(game)
    if found and reform:
        first_name = found[0].name
        lead = max(reform, key=lambda m: (m.metric == first_name, abs(m.effect)))
        idea = ctx.policy_name(lead.policy)
    elif reform:
        idea = ctx.policy_name(reform[0].policy)
    else:
        idea = tr("aksi.idea_pending", lang)
    return tr("aksi.working_title", lang, aim=aim, idea=idea, unit=ctx.unit)


def build(
    game: Game, author: Author, predictions: tuple[Prediction, ...], lang: str
) -> DocxDocument:
    """The draft as a python-docx document."""
    doc = Document()
    D.page_setup(doc)
    D.style_fonts(doc)
    D.set_language(doc, lang)
    ctx = Context(game, lang)
    title = working_title(ctx)
    _cover(doc, ctx, author, title)
    chapter_one(doc, ctx)
    chapter_two(doc, ctx)
    _chapter_three(doc, ctx, predictions)
    _approval(doc, ctx, author)
    scenario = localize(game.scenario.title, lang, game.scenario.default_language)
    D.set_properties(doc, title, author.player, tr("aksi.subject", lang, scenario=scenario), lang)
    D.footer(doc, tr("aksi.footer", lang, date=long_date(date.today(), lang)))
    return doc


def _cover(doc: DocxDocument, ctx: Context, author: Author, title: str) -> None:
    lang, game = ctx.lang, ctx.game
    D.draft_mark(doc, tr("aksi.draft_notice", lang))
    D.centred(doc, tr("aksi.doc_kind", lang), 16)
    D.centred(doc, tr("aksi.training", lang), 11, bold=False)
    D.centred(doc, f"{tr('aksi.working_title_label', lang)}:", 10, bold=False)
    D.centred(doc, title, 14)
    blank = f"{D.BLANK} {tr('aksi.fill_participant', lang)}"
    rows = [
        (tr("aksi.f_name", lang), author.player),
        (tr("aksi.f_nip", lang), author.player_id or blank),
        (tr("aksi.f_cohort", lang), author.cohort or blank),
        (tr("aksi.f_position", lang), blank),
        (tr("aksi.f_unit", lang), blank),
        (tr("aksi.f_mentor", lang), blank),
        (tr("aksi.f_coach", lang), blank),
        (tr("aksi.f_simulation", lang), ctx.simulation),
    ]
    if game.outcome is not None:
        rows.append((tr("aksi.f_result", lang), _result_line(ctx)))
    D.table(doc, None, rows, (5.0, 11.0))


def _result_line(ctx: Context) -> str:
    game, lang = ctx.game, ctx.lang
    outcome = game.outcome
    assert outcome is not None
    s = game.scenario
    grade = (
        localize(s.scoring.grades[outcome.grade].name, lang, s.default_language)
        if outcome.grade is not None
        else tr("aksi.no_grade", lang)
    )
    return tr(
        "aksi.result_line",
        lang,
        score=number(outcome.score, 1, lang),
        grade=grade,
        met=len(outcome.goals),
        total=len(s.scoring.goals),
    )


def _chapter_three(doc: DocxDocument, ctx: Context, predictions: tuple[Prediction, ...]) -> None:
    """BAB III: the wrong predictions, the policies stopped, and lines for the lessons."""
    lang, game = ctx.lang, ctx.game
    doc.add_heading(tr("aksi.h_reflection", lang), level=1)
    doc.add_heading(tr("aksi.h_differently", lang), level=2)
    cal = calibration(game, predictions)
    if cal.total:
        doc.add_paragraph(tr("aksi.predictions_score", lang, right=cal.right, total=cal.total))
    lines = [_surprise(ctx, r) for r in cal.surprises]
    if lines:
        bullets(doc, lines)
    else:
        doc.add_paragraph(tr("aksi.no_wrong", lang))
    stopped = [
        tr("aksi.dropped_line", lang, policy=ctx.policy_name(pid), when=ctx.span(a, b))
        for pid, a, b in dropped(game)
    ]
    if stopped:
        doc.add_paragraph(tr("aksi.dropped_intro", lang))
        bullets(doc, stopped)
    doc.add_paragraph(f"{tr('aksi.differently_own', lang)} {tr('aksi.fill_participant', lang)}")
    for _ in range(3):
        doc.add_paragraph(D.BLANK * 2, style="List Number")


def _surprise(ctx: Context, r: Reveal) -> str:
    """A wrong prediction in the first person, what else moved the metric, and a lesson."""
    lang, game, pr = ctx.lang, ctx.game, r.prediction
    metric, policy = ctx.label(pr.metric), ctx.policy_name(pr.policy)
    text = tr(
        _WRONG[pr.expect], lang, policy=policy, metric=metric,
        when=ctx.when(pr.by), did=tr(f"reflect.did_{r.actual}", lang),
    )  # fmt: skip
    late = r.paid_turn is not None and r.paid_turn > pr.by
    if r.paid_turn is not None and late:
        text += " " + tr("aksi.paid_in", lang, when=ctx.when(r.paid_turn))
    least = 0.5 * 10 ** -decimals(game.scenario, pr.metric)
    named = [x for x in r.causes if abs(x.delta) >= least and x.kind in _NAMED]
    if named:
        said = ", ".join(cause_label(game.compiled, x, lang) for x in named)
        text += " " + tr("aksi.also_moved", lang, metric=metric, causes=said)
    if late and r.paid_turn is not None:
        lesson = tr("aksi.lesson_wait", lang, policy=policy, when=ctx.when(r.paid_turn))
    elif r.actual == "same":
        lesson = tr("aksi.lesson_more", lang, policy=policy, metric=metric)
    elif (r.actual == "up") == game.scenario.metrics[pr.metric].higher_is_better:
        lesson = tr("aksi.lesson_early", lang, policy=policy, metric=metric)
    else:
        lesson = tr("aksi.lesson_pilot", lang, policy=policy, metric=metric)
    return f"{text} {lesson}"


def _approval(doc: DocxDocument, ctx: Context, author: Author) -> None:
    lang = ctx.lang
    D.page_break(doc)
    D.centred(doc, tr("aksi.h_approval", lang), 13)
    doc.add_paragraph(tr("aksi.approval_intro", lang))
    head = [tr(k, lang) for k in ("aksi.sign_participant", "aksi.sign_coach", "aksi.sign_mentor")]
    sign = "\n\n\n\n"
    cells = [
        f"{tr('aksi.sign_date', lang)} {D.SHORT}{sign}{tr('aksi.sign_name', lang)} {author.player}"
        f"\n{tr('aksi.sign_nip', lang)} {author.player_id or D.SHORT}",
    ]
    for who in ("aksi.fill_coach", "aksi.fill_mentor"):
        cells.append(
            f"{tr('aksi.sign_date', lang)} {D.SHORT}{sign}{tr('aksi.sign_name', lang)} {D.SHORT}"
            f"\n{tr('aksi.sign_nip', lang)} {D.SHORT}\n{tr(who, lang)}"
        )
    D.table(doc, head, [cells], (5.33, 5.33, 5.34))
    for note, who in (
        ("aksi.note_coach", "aksi.fill_coach"),
        ("aksi.note_mentor", "aksi.fill_mentor"),
    ):
        doc.add_paragraph(f"{tr(note, lang)} {tr(who, lang)}").runs[0].bold = True
        for _ in range(3):
            doc.add_paragraph(D.BLANK * 2)


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
        build(game, author, predictions, lang).save(str(tmp))
        tmp.replace(path)
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.WRITE_DRAFT, path=str(path), reason=exc.strerror or str(exc))
        ) from None
    return path
