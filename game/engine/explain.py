"""Names for the ledger's causes, in the player's language ("why did this move?")."""

from __future__ import annotations

from game.engine import ledger as L
from game.engine.ledger import Cause
from game.errors import Codes, Message, words
from game.scenario.compiled import Compiled
from game.scenario.text import localize


class CauseKind(Codes):
    """The words after a cause's name: what kind of move it was."""

    COST = "cause.cost"
    UPKEEP = "cause.upkeep"
    CHOICE_COST = "cause.choice_cost"
    DRIFT = "cause.drift"
    LIMIT = "cause.limit"
    ARREARS = "cause.arrears"
    ARREARS_PAID = "cause.arrears_paid"
    STALL = "cause.stall"
    ARREARS_NAME = "cause.arrears_name"


_KIND = {
    L.COST: CauseKind.COST,
    L.UPKEEP: CauseKind.UPKEEP,
    L.CHOICE_COST: CauseKind.CHOICE_COST,
    L.DRIFT: CauseKind.DRIFT,
    L.LIMIT: CauseKind.LIMIT,
    L.ARREARS: CauseKind.ARREARS,
    L.ARREARS_PAID: CauseKind.ARREARS_PAID,
    L.STALL: CauseKind.STALL,
}


def cause_label(c: Compiled, cause: Cause, lang: str) -> str:
    """A short human name for a cause, e.g. 'Kerja fleksibel hibrida (biaya rutin)'."""
    s = c.scenario
    default = s.default_language
    if cause.kind in (L.POLICY, L.COST, L.UPKEEP, L.STALL) and cause.source in c.policy_index:
        name = localize(s.policies[c.policy_index[cause.source]].name, lang, default)
        if cause.kind == L.POLICY:
            return name
        return f"{name} ({_kind(cause.kind, lang)})"
    if cause.kind in (L.CHOICE, L.CHOICE_COST):
        event_id, _, choice_id = cause.source.partition("/")
        if event_id in c.event_index:
            ev = s.events[c.event_index[event_id]]
            title = localize(ev.title, lang, default)
            choice = next((ch for ch in ev.choices if ch.id == choice_id), None)
            label = localize(choice.label, lang, default) if choice else choice_id
            text = f"{title}: {label}"
            return text if cause.kind == L.CHOICE else f"{text} ({_kind(cause.kind, lang)})"
    if cause.kind == L.RULE:
        rule = next((r for r in s.rules if r.id == cause.source), None)
        if rule is not None and rule.label is not None:
            return localize(rule.label, lang, default)
        return cause.source
    if cause.kind in (L.DRIFT, L.LIMIT):
        return _kind(cause.kind, lang).capitalize()
    if cause.kind in (L.ARREARS, L.ARREARS_PAID):
        return f"{arrears_name(c, lang)} ({_kind(cause.kind, lang)})"
    return cause.source


def arrears_name(c: Compiled, lang: str) -> str:
    """What the scenario calls its arrears (``[arrears] label``), or the catalog's word."""
    own = c.scenario.arrears.label if c.scenario.arrears is not None else None
    if own is not None:
        return localize(own, lang, c.scenario.default_language)
    return words(Message.of(CauseKind.ARREARS_NAME), lang)


def _kind(kind: str, lang: str) -> str:
    code = _KIND.get(kind)
    return words(Message.of(code), lang) if code is not None else kind


def metric_label(c: Compiled, metric: str, lang: str) -> str:
    """The label of a metric or derived value in the player's language."""
    s = c.scenario
    item = s.metrics.get(metric) or s.derived.get(metric)
    return localize(item.label, lang, s.default_language) if item else metric
