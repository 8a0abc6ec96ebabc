"""Why an action cannot be taken now: the checks behind ``Game.can_adopt`` / ``can_cancel`` /
``can_choose`` and the refusals they say (``ActionRefused`` with a ``Refusal`` code).

A mixin of :class:`~game.engine.game.Game`: it reads the game's state, never changes it.
"""

from __future__ import annotations

from game.engine.actions import Refusal
from game.engine.state import State
from game.engine.turn_rules import Generated, TurnRules
from game.errors import ActionRefused, Localized, Message, Value
from game.scenario.compiled import Compiled, CompiledChoice, CompiledPolicy


class Refusals:
    """The checks of a game's actions (mixed into ``Game``, whose fields it reads)."""

    _compiled: Compiled
    _rules: TurnRules
    _state: State
    _pending: list[int]
    over: bool
    actions_left: int

    def _name(self, policy: CompiledPolicy) -> Localized:
        """The policy's name as the scenario gives it (a front end shows it in its language)."""
        return Localized.of(self._compiled.scenario.policies[policy.index].name)

    def adopt_blocker(self, idx: int) -> Refusal | None:
        """Fast check (no message built): the refusal code that blocks adopting policy ``idx``."""
        if self.over:
            return Refusal.GAME_OVER
        if self._state.adopted_at[idx]:
            return Refusal.ALREADY_ACTIVE
        if self._pending:
            return Refusal.EVENT_PENDING
        p = self._compiled.policies[idx]
        v, h, ch = self._state.values, self._state.held, self._state.answers
        if p.available is not None and not p.available.fn(v, h, ch):
            return Refusal.NOT_AVAILABLE
        adopted = self._state.adopted_at
        for r in p.requires:
            if not adopted[r]:
                return Refusal.REQUIRES
        for x in p.excludes:
            if adopted[x]:
                return Refusal.EXCLUDED
        if self.actions_left <= 0:
            return Refusal.NO_ACTIONS
        b = self._compiled.budget
        if b is not None:
            cost = p.cost.fn(v, h, ch)
            if cost > 0 and v[b] - cost < self._compiled.minimum[b]:
                return Refusal.NO_BUDGET
        return None

    def open_policies(self) -> list[CompiledPolicy]:
        """The policies that can be adopted now, in file order: those whose
        :meth:`adopt_blocker` is None, found in one pass that reads the state once, because
        the bots ask it before every adoption (the same checks in the same order, so an
        expression is evaluated exactly when ``adopt_blocker`` would evaluate it)."""
        if self.over or self._pending or self.actions_left <= 0:
            return []
        c, state = self._compiled, self._state
        v, h, ch, adopted = state.values, state.held, state.answers, state.adopted_at
        if isinstance(self._rules, Generated):  # these checks, generated for the scenario
            return [c.policies[i] for i in self._rules.code.adoptable(v, h, ch, adopted)]
        b = c.budget
        floor = c.minimum[b] if b is not None else 0.0
        out = []
        for p in c.policies:
            if adopted[p.index]:
                continue
            if p.available is not None and not p.available.fn(v, h, ch):
                continue
            if p.requires and not all(adopted[r] for r in p.requires):
                continue
            if p.excludes and any(adopted[x] for x in p.excludes):
                continue
            if b is not None:
                cost = p.cost.fn(v, h, ch)
                if cost > 0 and v[b] - cost < floor:
                    continue
            out.append(p)
        return out

    def open_choices(self, event_index: int) -> list[CompiledChoice]:
        """The choices of a pending event that can be taken now, in file order: those whose
        :meth:`why_not_choose` is None, without building the refusals of the others."""
        if self.over or event_index not in self._pending:
            return []
        choices = self._compiled.events[event_index].choices
        if isinstance(self._rules, Generated):  # these checks, generated for the scenario
            state = self._state
            is_open = self._rules.code.open_choices[event_index]
            return [choices[i] for i in is_open(state.values, state.held, state.answers)]
        return [ch for ch in choices if self.choice_open(ch)]

    def choice_open(self, choice: CompiledChoice) -> bool:
        """Whether a choice's own checks pass on the current state (its condition, its cost
        within the budget): :meth:`_choice_refusal` is None, without building the refusal,
        since the default answer and the bots ask it of every choice of every event."""
        v, h, ch = self._state.values, self._state.held, self._state.answers
        if choice.requires is not None and not choice.requires.fn(v, h, ch):
            return False
        cost = choice.cost.fn(v, h, ch)
        b = self._compiled.budget
        return not (cost > 0 and b is not None and v[b] - cost < self._compiled.minimum[b])

    def why_not_adopt(self, policy_id: str) -> ActionRefused | None:
        """The reason a policy cannot be adopted now, or None if it can."""
        idx = self._compiled.policy_index.get(policy_id)
        if idx is None:
            return refused(Refusal.UNKNOWN_POLICY, policy=policy_id)
        code = self.adopt_blocker(idx)
        if code is None:
            return None
        p = self._compiled.policies[idx]
        if code is Refusal.REQUIRES:
            missing = [
                self._compiled.policies[r] for r in p.requires if not self._state.adopted_at[r]
            ]
            return refused(code, missing=tuple(self._name(m) for m in missing))
        if code is Refusal.EXCLUDED:
            clash = [self._compiled.policies[x] for x in p.excludes if self._state.adopted_at[x]]
            return refused(code, clash=tuple(self._name(m) for m in clash))
        if code is Refusal.NO_BUDGET:
            return self._no_budget(
                p.cost.fn(self._state.values, self._state.held, self._state.answers)
            )
        return refused(code, policy=self._name(p))

    def _no_budget(self, cost: float) -> ActionRefused:
        """Not enough budget; while arrears are owed, says so (later income pays them first)."""
        have = self._state.values[self._compiled.budget or 0]
        owed = self._state.values[self._compiled.arrears_slot]
        if owed > 0:
            return refused(Refusal.ARREARS_OWED, cost=cost, arrears=owed)
        return refused(Refusal.NO_BUDGET, cost=cost, budget=have)

    def why_not_cancel(self, policy_id: str) -> ActionRefused | None:
        """The reason a policy cannot be cancelled now, or None if it can."""
        if self.over:
            return refused(Refusal.GAME_OVER)
        idx = self._compiled.policy_index.get(policy_id)
        if idx is None:
            return refused(Refusal.UNKNOWN_POLICY, policy=policy_id)
        if not self._state.adopted_at[idx]:
            return refused(Refusal.NOT_ACTIVE, policy=self._name(self._compiled.policies[idx]))
        if self._pending:
            return refused(Refusal.EVENT_PENDING)
        if self.actions_left <= 0:
            return refused(Refusal.NO_ACTIONS)
        return None

    def why_not_choose(self, event_id: str, choice_id: str) -> ActionRefused | None:
        """The reason an event choice cannot be taken now, or None if it can."""
        if self.over:
            return refused(Refusal.GAME_OVER)
        eidx = self._compiled.event_index.get(event_id)
        if eidx is None or eidx not in self._pending:
            return refused(Refusal.NO_EVENT, event=event_id)
        for choice in self._compiled.events[eidx].choices:  # asked before every answer
            if choice.id == choice_id:
                return self._choice_refusal(choice)
        return refused(Refusal.UNKNOWN_CHOICE, event=event_id, choice=choice_id)

    def _choice_refusal(self, choice: CompiledChoice) -> ActionRefused | None:
        v, h, ch = self._state.values, self._state.held, self._state.answers
        if choice.requires is not None and not choice.requires.fn(v, h, ch):
            return refused(Refusal.CONDITION, condition=str(choice.requires.source))
        cost = choice.cost.fn(v, h, ch)
        if (
            cost > 0
            and self._compiled.budget is not None
            and self._state.values[self._compiled.budget] - cost
            < self._compiled.minimum[self._compiled.budget]
        ):
            return self._no_budget(cost)
        return None

    def _is_fallback(self, event_id: str, choice_id: str) -> bool:
        """Whether this is the last choice of a pending event none of whose choices is open:
        it is then taken anyway, its cost paid as far as the budget allows."""
        eidx = self._compiled.event_index.get(event_id)
        if eidx is None or eidx not in self._pending:
            return False
        ev = self._compiled.events[eidx]
        if ev.choices[-1].id != choice_id:
            return False
        return not any(self.choice_open(ch) for ch in ev.choices)

    def default_choice(self, event_id: str) -> str:
        """The first choice that can be taken, or the last when none can."""
        ev = self._compiled.events[self._compiled.event_index[event_id]]
        for choice in ev.choices:
            if self.choice_open(choice):
                return choice.id
        return ev.choices[-1].id


def refused(code: Refusal, /, **fields: Value) -> ActionRefused:
    """A refusal of one code: its reason (for bots and tests, ``code.reason``) and its message
    (for people) both come from the code, one vocabulary."""
    return ActionRefused(code.reason, Message.of(code, **fields))
