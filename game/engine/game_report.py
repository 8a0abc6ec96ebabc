"""A finished (or running) game as a plain report: per turn metrics, main causes, score."""

from __future__ import annotations

from typing import Any

from game.engine.debrief_questions import questions_asked
from game.engine.explain import cause_label, metric_label
from game.engine.game import Game
from game.engine.numbers import too_large, too_large_text
from game.engine.principles import culture_verdict, principle_uses
from game.engine.scoring import score
from game.engine.values import value_counts
from game.errors import Message, words
from game.scenario.reflection_keys import is_short
from game.scenario.text import localize

TOP_CAUSES = 3


def game_report(game: Game, lang: str) -> dict[str, Any]:
    """Everything ``agen simulate`` prints, as JSON-ready data."""
    c = game.compiled
    s = c.scenario
    shown = [m for m in c.metric_ids if not s.metrics[m].hidden]
    shown += [d for d in c.derived_ids if not s.derived[d].hidden]
    turns = []
    for t in range(1, game.turns_played + 1):
        metrics = {}
        for name in shown:
            value, before = game.value_at(t, name), game.value_at(t - 1, name)
            entry: dict[str, Any] = {"value": value, "change": round(value - before, 9)}
            if name in c.metric_ids:
                entry["causes"] = [
                    {
                        "source": cause.source,
                        "kind": cause.kind,
                        "label": cause_label(c, cause, lang),
                        "delta": round(cause.delta, 9),
                    }
                    for cause in game.causes(t, name)[:TOP_CAUSES]
                ]
            metrics[name] = entry
        turns.append(
            {
                "turn": t,
                "decisions": [d.to_json() for d in game.decisions if d.turn == t],
                "events": [e for (tt, e) in game.fired_log if tt == t],
                "metrics": metrics,
                "arrears": game.arrears_after(t),
            }
        )
    outcome = game.outcome or score(game)
    grade = None
    if outcome.grade is not None:
        grade = localize(s.scoring.grades[outcome.grade].name, lang, s.default_language)
    return {
        "scenario": s.id,
        "version": s.version,
        "seed": game.seed,
        "quarters": s.turns if is_short(s) else None,
        "language": lang,
        "labels": {name: metric_label(c, name, lang) for name in shown},
        "turns": turns,
        "score": outcome.score,
        "grade": grade,
        "goals": list(outcome.goals),
        "ending": outcome.ending,
        "finished": game.over,
        "earned": outcome.earned,
        "held_below": _said(outcome.held_below, lang),
        **debrief_told(game, lang),
    }


def debrief_told(game: Game, lang: str) -> dict[str, Any]:
    """What the debrief tells of a game, for a trainer checking lessons in batch: the values
    shown and breached (as the radar counts them), each principle's use, the one sentence
    about the culture, and the debrief questions asked."""
    uses = principle_uses(game)
    return {
        "values": {"shown": value_counts(game), "breached": value_counts(game, breaches=True)},
        "principles": [
            {
                "principle": u.principle,
                "policies": list(u.policies),
                "quarters": len(u.quarters),
                "safeguarded": len(u.guarded),
                "guards": list(u.guards),
                "ending": u.ending,
                "effects": {a: round(v, 9) for a, v in u.effects.items()},
                "direct": {a: round(v, 9) for a, v in u.direct.items()},
            }
            for u in uses
        ],
        "culture": _said(culture_verdict(game, uses), lang),
        "questions": [{"id": qid, "text": text} for qid, text in questions_asked(game, lang)],
    }


def _said(message: Message | None, lang: str) -> dict[str, Any] | None:
    """A message as its code and its words in ``lang`` (None stays None)."""
    if message is None:
        return None
    return {"code": message.code.value, "text": words(message, lang)}


def _fixed(value: float, spec: str, lang: str) -> str:
    """``value`` with the format ``spec``; "too large" (in ``lang``) for an overflow."""
    if too_large(value):
        width = "".join(ch for ch in spec.split(".")[0] if ch.isdigit())
        return f"{too_large_text(value, lang):>{width or 0}}"
    return f"{value:{spec}}"


def render_text(report: dict[str, Any]) -> str:
    """The report as a plain-text table for the terminal."""
    labels: dict[str, str] = report["labels"]
    lang: str = report["language"]
    short = f"  quarters {report['quarters']}" if report.get("quarters") else ""
    lines = [f"{report['scenario']} {report['version']}  seed {report['seed']}{short}"]
    for turn in report["turns"]:
        lines.append("")
        lines.append(f"== {turn['turn']} ==")
        for d in turn["decisions"]:
            key = next(k for k in d if k != "turn")
            value = d[key] if key != "choose" else " -> ".join(d[key])
            lines.append(f"  {key}: {value}")
        for event in turn["events"]:
            lines.append(f"  event: {event}")
        for name, m in turn["metrics"].items():
            change = m["change"]
            value, moved = _fixed(m["value"], ">12.2f", lang), _fixed(change, ">+10.2f", lang)
            lines.append(f"  {labels[name]:<34} {value} {moved}")
            for cause in m.get("causes", []):
                if abs(change) > 0 or cause["delta"]:
                    lines.append(
                        f"      {_fixed(cause['delta'], '>+10.2f', lang)}  {cause['label']}"
                    )
    lines.append("")
    goals = ", ".join(report["goals"]) or "-"
    ending = f"  ending: {report['ending']}" if report["ending"] else ""
    lines.append(
        f"score {_fixed(report['score'], '.2f', lang)}  grade {report['grade'] or '-'}  goals {goals}{ending}"
    )
    for key in ("held_below", "culture"):
        if report.get(key):
            lines.append(report[key]["text"])
    return "\n".join(lines)
