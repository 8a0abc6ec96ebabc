"""The reflection keys of a scenario: principles, debrief questions and their placeholders,
the short form and the prediction setting, checked when the file loads.

A debrief question names the player's numbers with placeholders in braces, read by a
regular expression and filled in by lookup (never run as code):

- ``{metric.start}``, ``{metric.end}``, ``{metric.change}``, ``{metric.low}``, ``{metric.high}``
  for any metric or derived value;
- ``{metric.before.policy}`` and ``{metric.after.policy}``: the value when the policy was
  first adopted and when it stopped (or the game ended);
- ``{policy.quarters}`` (turns it was in force) and ``{policy.first}`` (turn first adopted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from game.errors import Message
from game.scenario.codes import LoadCode as C
from game.scenario.compiled import Compiled, Found, compile_scenario
from game.scenario.format_model import Scenario, ShortForm, Text
from game.scenario.suggest import did_you_mean

PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.\-]*)\}")
METRIC_FIELDS = ("start", "end", "change", "low", "high")
METRIC_POLICY_FIELDS = ("before", "after")
POLICY_FIELDS = ("quarters", "first")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a debrief question, parsed."""

    text: str  # as written, without braces
    name: str  # the metric or policy id
    field: str
    policy: str | None = None  # for before/after


def parse_placeholder(text: str, s: Scenario) -> Placeholder | Message:
    """The placeholder, or the reason it cannot be filled in."""
    parts = text.split(".")
    names = [*s.metrics, *s.derived]
    policies = [p.id for p in s.policies]
    if len(parts) < 2:
        return Message.of(C.PLACEHOLDER_NEEDS_FIELD, text=text, name=names[0])
    head, field = parts[0], parts[1]
    if head in s.metrics or head in s.derived:
        if len(parts) == 2 and field in METRIC_FIELDS:
            return Placeholder(text, head, field)
        if len(parts) == 3 and field in METRIC_POLICY_FIELDS:
            if parts[2] not in policies:
                hint = did_you_mean(parts[2], policies)
                return _wrong(text, Message.of(C.NO_POLICY, id=parts[2], hint=hint))
            return Placeholder(text, head, field, parts[2])
        allowed = [*METRIC_FIELDS, *(f"{f}.<policy>" for f in METRIC_POLICY_FIELDS)]
        return _wrong(text, Message.of(C.METRIC_FIELDS, fields=", ".join(allowed)))
    if head in policies:
        if len(parts) == 2 and field in POLICY_FIELDS:
            return Placeholder(text, head, field)
        return _wrong(text, Message.of(C.POLICY_FIELDS, fields=", ".join(POLICY_FIELDS)))
    hint = did_you_mean(head, [*names, *policies])
    return _wrong(text, Message.of(C.NO_METRIC_OR_POLICY, id=head, hint=hint))


def _wrong(text: str, problem: Message) -> Message:
    return Message.of(C.PLACEHOLDER, text=text, problem=problem)


def placeholders(text: Text | None) -> list[str]:
    """Every placeholder (without braces) in every language of a text."""
    if text is None:
        return []
    texts = [text] if isinstance(text, str) else list(text.values())
    return [m.group(1) for t in texts for m in PLACEHOLDER.finditer(t)]


def check_reflection(s: Scenario) -> Found:
    """Debrief questions name real metrics, policies and placeholders; the short form is
    shorter than the game."""
    found: Found = []
    policies = [p.id for p in s.policies]
    names = [*s.metrics, *s.derived]
    seen: set[str] = set()
    for i, q in enumerate(s.debrief):
        here: tuple[str | int, ...] = ("debrief", i)
        if q.id in seen:
            twice = Message.of(C.ID_TWICE, what=Message.of(C.KIND_DEBRIEF), id=q.id)
            found.append(((*here, "id"), twice))
        seen.add(q.id)
        for j, m in enumerate(q.metrics):
            if m not in names:
                hint = did_you_mean(m, names)
                found.append(((*here, "metrics", j), Message.of(C.NO_METRIC, id=m, hint=hint)))
        for j, p in enumerate(q.policies):
            if p not in policies:
                hint = did_you_mean(p, policies)
                found.append(((*here, "policies", j), Message.of(C.NO_POLICY, id=p, hint=hint)))
        for key in ("question", "otherwise"):
            for text in placeholders(getattr(q, key)):
                parsed = parse_placeholder(text, s)
                if isinstance(parsed, Message):
                    found.append(((*here, key), parsed))
    if s.short_form is not None:
        found += _check_short_form(s, s.short_form)
    return found


def _check_short_form(s: Scenario, short: ShortForm) -> Found:
    """Fewer turns than the game; events timed anew exist and fall inside the short game."""
    found: Found = []
    if short.turns >= s.turns:
        found.append(
            (
                ("short_form", "turns"),
                Message.of(C.SHORT_FORM_TURNS, turns=s.turns, short=short.turns),
            )
        )
    events = [e.id for e in s.events]
    for event_id, retime in short.events.items():
        here: tuple[str | int, ...] = ("short_form", "events", event_id)
        if event_id not in events:
            hint = did_you_mean(event_id, events)
            found.append((here, Message.of(C.NO_EVENT, id=event_id, hint=hint)))
            continue
        last = retime.at if retime.at is not None else retime.turns[1] if retime.turns else 0
        if last > short.turns:
            key = "at" if retime.at is not None else "turns"
            found.append(((*here, key), Message.of(C.AFTER_LAST_TURN, turn=last, last=short.turns)))
    return found


def with_turns(compiled: Compiled, turns: int | None) -> Compiled:
    """The compiled scenario played over ``turns``; itself when None or the full length.

    Over the short form's turns, its events timed anew (``[short_form.events]``) take their
    new timing. Events and effects past the last turn simply never come."""
    if turns is None or turns == compiled.scenario.turns:
        return compiled
    known = compiled.forms.get(turns)
    if known is not None:
        return known
    s = compiled.scenario
    played = compiled
    if s.short_form is not None and turns == s.short_form.turns and s.short_form.events:
        retimed = s.short_form.events
        events = tuple(
            e.model_copy(update={"turns": retimed[e.id].turns, "at": retimed[e.id].at})
            if e.id in retimed
            else e
            for e in s.events
        )
        played, found = compile_scenario(s.model_copy(update={"events": events}))
        assert not found, found  # the same definitions, checked when the file loaded
    short = replace(played, scenario=played.scenario.model_copy(update={"turns": turns}), forms={})
    compiled.forms[turns] = short
    return short


def offered(s: Scenario) -> tuple[int, ...]:
    """The lengths (turns) a scenario can be played over: its short form's and its own."""
    return tuple(sorted({s.turns, *([s.short_form.turns] if s.short_form else [])}))


def is_short(s: Scenario) -> bool:
    """Whether ``s`` is a scenario as played in its short form (see :func:`with_turns`)."""
    return s.short_form is not None and s.turns == s.short_form.turns


def check_quarters(s: Scenario, quarters: int | None) -> Message | None:
    """Why a game cannot be played over ``quarters`` turns, or None if it can (the full
    length, or the scenario's short form)."""
    if quarters is None or quarters in offered(s):
        return None
    offers = ", ".join(map(str, offered(s)))
    return Message.of(C.QUARTERS_NOT_OFFERED, quarters=quarters, id=s.id, offered=offers)
