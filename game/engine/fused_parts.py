"""The generated code of a game between its turns' resolutions: the events drawn, the ending
met, the policies open to adoption, the change of an event choice's effect. Each says what a
readable check of the engine says (``chance.events_drawn``, ``Game.end_turn``'s endings,
``Refusals.adopt_blocker``, ``resolve.effect_amount``), to the bit."""

from __future__ import annotations

from game.engine.chance import draw_key
from game.engine.fused_source import SourceWriter, indent, rounded
from game.scenario.compiled import CompiledEffect, CompiledEvent


class BetweenTurns(SourceWriter):
    """Writes the events, endings, adoption checks and choice effects of a scenario."""

    def turns(self) -> range:
        return range(1, self.c.scenario.turns + 1)

    def choice_effects(self) -> list[CompiledEffect]:
        return [e for ev in self.c.events for choice in ev.choices for e in choice.effects]

    def events(self, turn: int) -> list[str]:
        """As ``chance.events_drawn`` for one turn (``events_T``): of the events whose window
        holds it, those rested since they last fired, their ``when`` met, under the draw."""
        out = [f"def events_{turn}(v, h, c, t, draws, fired_at):", "    fired = []"]
        for ev in self.c.events:
            body = self.fires(ev, turn)
            if not body or not ev.first <= turn <= ev.last:
                continue
            if ev.when is not None:
                body = [f"if {self.expr(ev.when)}:", *indent(body, 4)]
            rested = "last is None" + (f" or t > last + {ev.cooldown}" if ev.repeats else "")
            out += [f"    last = fired_at.get({ev.index})", f"    if {rested}:", *indent(body, 8)]
        return [*out, "    return fired", ""]

    def fires(self, ev: CompiledEvent, turn: int) -> list[str]:
        """An event whose window, rest and ``when`` hold fires under its chance: always at a
        chance of 1 or more (no draw), never at 0 or less (nor at a NaN, which no draw is
        under); a constant chance is known now. The draw is read from the seed's table
        (``chance.SeedDraws``), or made (a draw of 0.0 is made again: the same)."""
        fire = f"    fired.append({ev.index})"
        key = self.const(draw_key(turn, ev.id))
        drawn = f"(draws.get({key}) or draws.new({key}))"
        if ev.chance.constant is None:
            return [
                f"ch = {self.expr(ev.chance)}",
                f"if ch > 0 and (ch >= 1 or {drawn} < ch):",
                fire,
            ]
        chance = ev.chance.fn([], [], frozenset())  # reads no state: the value it always has
        if not chance > 0:
            return []
        if chance >= 1:
            return ["if True:", fire]
        return [f"if {drawn} < {self.const(chance)}:", fire]

    def ending(self) -> list[str]:
        out = ["def ending(v, h, c):"]
        for en in self.c.endings:
            out += [f"    if {self.expr(en.condition)}:", f"        return {self.const(en.id)}"]
        return [*out, "    return None", ""]

    def adoptable(self) -> list[str]:
        """The indexes of the policies not in force whose ``available`` holds, whose
        ``requires`` are in force, whose ``excludes`` are not, and whose cost the budget can
        pay: ``Refusals.adopt_blocker``'s checks of the policy itself, in its order (the
        game's own checks, over, pending events and actions left, stay with the game)."""
        c, b = self.c, self.c.budget
        out = ["def adoptable(v, h, c, at):", "    out = []"]
        for p in c.policies:
            body = [f"out.append({p.index})"]
            if b is not None:
                floor = self.const(c.minimum[b])
                body = [
                    f"cost = {self.expr(p.cost)}",
                    f"if not (cost > 0 and v[{b}] - cost < {floor}):",
                    *indent(body, 4),
                ]
            if p.excludes:
                body = [
                    f"if not ({' or '.join(f'at[{x}]' for x in p.excludes)}):",
                    *indent(body, 4),
                ]
            if p.requires:
                body = [f"if {' and '.join(f'at[{r}]' for r in p.requires)}:", *indent(body, 4)]
            if p.available is not None:
                body = [f"if {self.expr(p.available)}:", *indent(body, 4)]
            out += indent([f"if not at[{p.index}]:", *indent(body, 4)], 4)
        return [*out, "    return out", ""]

    def amounts(self) -> list[str]:
        """Per choice effect, as ``resolve.effect_amount``: 0 when its ``when`` fails; its
        delta made finite; ramped up over its first turns."""
        out: list[str] = []
        for i, effect in enumerate(self.choice_effects()):
            out.append(f"def amount_{i}(v, h, c, k):")
            if effect.when is not None:
                out += [f"    if not {self.expr(effect.when)}:", "        return 0.0"]
            out += indent(self.number(self.expr(effect.delta)), 4)
            if effect.ramp is not None:
                out += [f"    if k < {effect.ramp}:", f"        x *= k / {effect.ramp}"]
            out += ["    return x", ""]
        return out

    def score_parts(self) -> list[str]:
        """As ``scoring.score`` reads the final state: the base score made finite and rounded,
        the goals met in file order, and the sum of their bonuses (each made finite, added in
        that order to 0, as ``sum`` adds them)."""
        c = self.c
        out = ["def score_parts(v, h, c):"]
        out += indent([*self.number(self.expr(c.score)), *rounded("x", "base")], 4)
        out += ["    goals = []", "    bonus = 0"]
        for goal in c.goals:
            met = [f"goals.append({self.const(goal.id)})", *self.number(self.expr(goal.bonus))]
            out += indent(
                [f"if {self.expr(goal.condition)}:", *indent([*met, "bonus = bonus + x"], 4)], 4
            )
        return [*out, "    return base, G_tuple(goals), bonus", ""]

    def open_choices(self) -> list[str]:
        """Per event (``open_E``), the indexes of its choices whose own checks pass: their
        ``requires`` holds and their cost is within the budget (``Refusals.choice_open``)."""
        c, b = self.c, self.c.budget
        out: list[str] = []
        for ev in c.events:
            out += [f"def open_{ev.index}(v, h, c):", "    out = []"]
            for choice in ev.choices:
                body = [f"out.append({choice.index})"]
                if b is not None:
                    floor = self.const(c.minimum[b])
                    fits = f"if not (cost > 0 and v[{b}] - cost < {floor}):"
                    body = [f"cost = {self.expr(choice.cost)}", fits, *indent(body, 4)]
                if choice.requires is not None:
                    body = [f"if {self.expr(choice.requires)}:", *indent(body, 4)]
                out += indent(body, 4)
            out += ["    return out", ""]
        return out
