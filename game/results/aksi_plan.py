"""The chapters of the Aksi Perubahan draft: BAB I (background, aims, benefits), BAB II (the
idea, milestones, stakeholders, indicators, risks, values) and BAB III (reflection).

Every sentence is about the unit and the player's own game, in the third person or the
participant's first person; nothing is copied from the briefing and no game rule is told.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from game.i18n import tr
from game.results import aksi_docx as D
from game.results.aksi_content import (
    Indicator,
    answers,
    causes,
    kept,
    value_uses,
)
from game.results.aksi_context import Context, blanks, bullets, terms
from game.results.aksi_stakeholders import stakeholders
from game.results.requirement_words import say_requirement
from game.scenario import VALUES, localize


def chapter_one(doc: DocxDocument, ctx: Context) -> None:
    """BAB I: the unit and its core issue with causes, the aims, the benefits."""
    lang, game = ctx.lang, ctx.game
    doc.add_heading(tr("aksi.h_intro", lang), level=1)
    doc.add_heading(tr("aksi.h_background", lang), level=2)
    doc.add_paragraph(tr("aksi.unit_line", lang, unit=ctx.unit))
    gaps = [i for i in ctx.found if not i.met_at_start]
    if gaps:
        doc.add_paragraph(tr("aksi.issue_intro", lang))
        bullets(
            doc,
            [
                tr(
                    "aksi.issue_gap",
                    lang,
                    metric=ctx.label(i.name),
                    value=ctx.show(i.name, i.start),
                    target=ctx.target(i),
                )
                for i in gaps
            ],
        )
    elif ctx.found:  # no goal measures anything: nothing to say about gaps
        doc.add_paragraph(tr("aksi.issue_none", lang))
    seen = causes(game, [i.name for i in ctx.found], lang)
    if seen:
        doc.add_paragraph(tr("aksi.causes_intro", lang))
        bullets(
            doc,
            [
                tr(
                    "aksi.cause_line",
                    lang,
                    cause=c.label,
                    metric=ctx.label(c.metric),
                    delta=ctx.show(c.metric, c.total, sign=True),
                    n=c.turns,
                    turns=ctx.turns(c.turns),
                )
                for c in seen
            ],
        )
    blanks(doc, tr("aksi.causes_own", lang), tr("aksi.fill_participant", lang))
    _aims(doc, ctx)
    _benefits(doc, ctx)


def _aims(doc: DocxDocument, ctx: Context) -> None:
    lang, s = ctx.lang, ctx.game.scenario
    doc.add_heading(tr("aksi.h_aims", lang), level=2)
    met = set(ctx.game.outcome.goals) if ctx.game.outcome is not None else set()
    doc.add_paragraph(tr("aksi.aims_intro", lang))
    bullets(
        doc,
        [
            tr(
                "aksi.goal_met" if g.id in met else "aksi.goal_missed",
                lang,
                goal=localize(g.label, lang, ctx.dl),
            )
            for g in s.scoring.goals
        ],
    )


def _benefits(doc: DocxDocument, ctx: Context) -> None:
    lang = ctx.lang
    doc.add_heading(tr("aksi.h_benefits", lang), level=2)
    better = [
        i for i in ctx.found if (i.end > i.start) == i.op.startswith(">") and i.end != i.start
    ]
    if better:
        doc.add_paragraph(tr("aksi.benefits_intro", lang))
        bullets(
            doc,
            [
                tr(
                    "aksi.benefit_line",
                    lang,
                    metric=ctx.label(i.name),
                    start=ctx.show(i.name, i.start),
                    end=ctx.show(i.name, i.end),
                )
                for i in better
            ],
        )
    else:
        doc.add_paragraph(tr("aksi.benefits_none", lang))
    who = tr("aksi.fill_participant", lang)
    for key in ("aksi.benefit_org", "aksi.benefit_public", "aksi.benefit_self"):
        blanks(doc, tr(key, lang), who, lines=1)


def chapter_two(doc: DocxDocument, ctx: Context) -> None:
    """BAB II: the idea, milestones, stakeholders, indicators, risks and values."""
    doc.add_heading(tr("aksi.h_plan", ctx.lang), level=1)
    _idea(doc, ctx)
    _milestones(doc, ctx)
    _stakeholders(doc, ctx)
    _indicators(doc, ctx)
    _risks(doc, ctx)
    _values(doc, ctx)


def _idea(doc: DocxDocument, ctx: Context) -> None:
    lang, game = ctx.lang, ctx.game
    doc.add_heading(tr("aksi.h_idea", lang), level=2)
    reform = kept(game)
    if not reform:
        doc.add_paragraph(tr("aksi.idea_none", lang))
        return
    doc.add_paragraph(tr("aksi.idea_intro", lang))
    items = []
    for m in reform:
        p = game.policy(m.policy)
        items.append(
            tr(
                "aksi.idea_item",
                lang,
                policy=ctx.policy_name(m.policy),
                category=tr(f"category.{p.category}", lang),
                description=localize(p.description, lang, ctx.dl),
            ).rstrip(": ")
        )
    bullets(doc, items)


def _milestones(doc: DocxDocument, ctx: Context) -> None:
    lang, game = ctx.lang, ctx.game
    doc.add_heading(tr("aksi.h_milestones", lang), level=2)
    reform = kept(game)
    targets = {i.name: i for i in ctx.found}
    rows = []
    for key, first, last in terms(max(game.turns_played, 1)):
        term = tr("aksi.term_span", lang, term=tr(key, lang), span=ctx.span(first, last))
        mine = [m for m in reform if first <= m.adopted <= last]
        if not mine:
            todo = f"{D.SHORT} {tr('aksi.fill_participant', lang)}"
            rows.append((term, f"{tr('aksi.nothing_kept', lang)}\n{todo}", D.SHORT, D.SHORT))
        for j, m in enumerate(mine):
            name = ctx.policy_name(m.policy)
            activity = tr("aksi.activity", lang, policy=name, when=ctx.when(m.adopted))
            n, turns = m.quarters, ctx.turns(m.quarters)
            if m.metric is None:
                output = tr("aksi.output_plain", lang, n=n, turns=turns)
                criterion = D.SHORT
            else:
                delta = ctx.show(m.metric, m.effect, sign=True)
                output = tr(
                    "aksi.output", lang, n=n, turns=turns,
                    metric=ctx.label(m.metric), delta=delta,
                )  # fmt: skip
                criterion = _criterion(ctx, m.metric, targets.get(m.metric))
            rows.append((term if j == 0 else "", activity, output, criterion))
    D.table(
        doc,
        [
            tr(k, lang)
            for k in ("aksi.col_term", "aksi.col_activity", "aksi.col_output", "aksi.col_criterion")
        ],
        rows,
        (3.0, 4.6, 4.6, 3.8),
    )
    doc.add_paragraph(tr("aksi.events_apart", lang))


def _criterion(ctx: Context, metric: str, ind: Indicator | None) -> str:
    """The indicator's target in words ("IKM sebenarnya minimal 76,61"), else its direction."""
    s = ctx.game.scenario
    if ind is not None:
        return say_requirement(f"{metric} {ind.op} {ind.target!r}", s, ctx.lang)
    item = s.metrics.get(metric) or s.derived.get(metric)
    up = item is None or item.higher_is_better
    key = "aksi.criterion_up" if up else "aksi.criterion_down"
    return tr(key, ctx.lang, metric=ctx.label(metric))


def _stakeholders(doc: DocxDocument, ctx: Context) -> None:
    lang = ctx.lang
    doc.add_heading(tr("aksi.h_stakeholders", lang), level=2)
    found = stakeholders(ctx.game, lang, ctx.span)
    if not found:
        doc.add_paragraph(tr("aksi.stakeholders_none", lang))
    blank = (f"{D.SHORT} {tr('aksi.fill_participant', lang)}", D.SHORT, D.SHORT)
    rows = [(r.name, r.role, "\n".join(r.how)) for r in found] + [blank, blank]
    head = [tr(k, lang) for k in ("aksi.col_stakeholder", "aksi.col_role", "aksi.col_engagement")]
    D.table(doc, head, rows, (4.4, 4.6, 7.0))


def _indicators(doc: DocxDocument, ctx: Context) -> None:
    lang = ctx.lang
    doc.add_heading(tr("aksi.h_indicators", lang), level=2)
    if not ctx.found:
        doc.add_paragraph(tr("aksi.indicators_none", lang))
        return
    rows = [
        (
            ctx.label(i.name),
            ctx.show(i.name, i.start),
            ctx.show(i.name, i.end),
            ctx.target(i),
            i.source or tr("aksi.source_own", lang),
        )
        for i in ctx.found
    ]
    keys = ("aksi.col_indicator", "aksi.col_baseline", "aksi.col_result", "aksi.col_target")
    head = [tr(k, lang) for k in (*keys, "aksi.col_source")]
    D.table(doc, head, rows, (4.6, 2.1, 2.3, 2.4, 4.6))


def _risks(doc: DocxDocument, ctx: Context) -> None:
    lang, game, s = ctx.lang, ctx.game, ctx.game.scenario
    doc.add_heading(tr("aksi.h_risks", lang), level=2)
    rows = []
    for turn, eid, cid in answers(game):
        ev = game.event(eid)
        choice = next(c for c in ev.choices if c.id == cid)
        risk = tr(
            "aksi.risk_event", lang, when=ctx.when(turn), event=localize(ev.title, lang, ctx.dl)
        )
        rows.append(
            (risk, localize(choice.label, lang, ctx.dl), localize(choice.outcome, lang, ctx.dl))
        )
    ending = next((e for e in s.endings if e.id == game.ending), None)
    if ending is not None:
        key = "aksi.risk_win" if ending.kind == "win" else "aksi.risk_ending"
        title = localize(ending.title, lang, ctx.dl)
        risk = f"{ctx.when(game.turns_played)}: {tr(key, lang)}" + (f" ({title})" if title else "")
        rows.append((risk, "", localize(ending.text, lang, ctx.dl)))
    if not rows:
        doc.add_paragraph(tr("aksi.risks_none", lang))
        return
    head = [tr(k, lang) for k in ("aksi.col_risk", "aksi.col_handling", "aksi.col_consequence")]
    D.table(doc, head, rows, (4.6, 5.2, 6.2))


def _value_name(value: str, lang: str) -> str:
    """The BerAKHLAK value's own (Indonesian) name; in English with its meaning after it."""
    own, said = tr(f"value.{value}", "id"), tr(f"value.{value}", lang)
    return own if said == own else f"{own} ({said})"


def _values(doc: DocxDocument, ctx: Context) -> None:
    """The values shown and breached, each with the decisions that showed or breached it.

    The count is of those decisions (each named once), not the debrief's radar weight
    (engine.values.value_counts), so that the number matches the list beside it.
    """
    lang = ctx.lang
    doc.add_heading(tr("aksi.h_values", lang), level=2)
    uses = value_uses(ctx.game, lang)
    kinds = (
        (0, "aksi.values_shown", "aksi.values_none_shown"),
        (1, "aksi.values_breached", "aksi.values_none_breached"),
    )
    for which, key, none in kinds:
        lines = [
            tr(
                "aksi.value_line",
                lang,
                value=_value_name(v, lang),
                n=len(uses[v][which]),
                decisions="; ".join(uses[v][which]),
            )
            for v in VALUES
            if v in uses and uses[v][which]
        ]
        doc.add_paragraph(tr(key, lang)).runs[0].bold = True
        if lines:
            bullets(doc, lines)
        else:
            doc.add_paragraph(tr(none, lang))
