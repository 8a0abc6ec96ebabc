"""The class's reflection as an HTML section (``agen results report``; the class debrief
page may embed it too): shared wrong expectations, the principle groups, and the debrief
questions with the class's numbers."""

from __future__ import annotations

import html
from collections.abc import Sequence

from game.engine.game import Game
from game.engine.principles import aspect_metrics
from game.i18n import tr
from game.results.class_reflection import ClassReflection, class_reflection, describe_wrong
from game.results.record import ResultRecord
from game.scenario import Scenario, localize


def reflection_section(
    played: Sequence[tuple[ResultRecord, Game]],
    s: Scenario,
    lang: str,
    *,
    questions: bool = True,
    table_class: str = "",
    refl: ClassReflection | None = None,
) -> str:
    """The section, in the report's language (``<h2>`` and below); every text escaped.
    ``questions=False`` leaves the debrief questions to the page that embeds it."""
    e = html.escape
    refl = refl or class_reflection(played, s, lang)
    attr = f' class="{e(table_class)}"' if table_class else ""
    out = [f"<h2>{e(tr('reflect.class_title', lang))}</h2>"]
    if refl.predictions:
        out.append(
            f"<p>{e(tr('reflect.class_calibration', lang, right=refl.right, total=refl.predictions))}</p>"
        )
    items = [f"<li>{e(describe_wrong(w, s, lang))}</li>" for w in refl.wrong_expectations]
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    elif refl.predictions:
        out.append(f"<p>{e(tr('reflect.class_no_wrong', lang))}</p>")
    if refl.groups:
        aspects = aspect_metrics(s)
        dl = s.default_language
        head = "".join(
            f"<th>{e(localize(s.metrics[m].label, lang, dl))}</th>" for m in aspects.values()
        )
        rows = []
        for g in refl.groups:
            cells = "".join(f"<td>{g.means[a]:.1f}</td>" for a in aspects)
            rows.append(
                f"<tr><td>{e(tr(f'reflect.p.{g.principle}', lang))}</td>"
                f"<td>{e(tr(f'reflect.group.{g.group}', lang))}</td><td>{g.players}</td>"
                f"<td>{g.mean_score:.2f}</td>{cells}</tr>"
            )
        out.append(f"<h3>{e(tr('reflect.class_groups', lang))}</h3>")
        out.append(
            f"<table{attr}><tr><th></th><th></th><th>{e(tr('reflect.class_players', lang))}</th>"
            f"<th>{e(tr('reflect.class_mean_score', lang))}</th>{head}</tr>{''.join(rows)}</table>"
        )
    if questions and refl.questions:
        qs = "".join(f"<li>{e(q)}</li>" for q in refl.questions)
        out.append(f"<h3>{e(tr('reflect.class_questions', lang))}</h3><ol>{qs}</ol>")
    return "\n".join(out)
