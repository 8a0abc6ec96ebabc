"""The quarter timer as pure functions: the facilitator starts it (or opens a quarter, which
starts it), adds a minute, stops it; pausing the class freezes it. No clock and no database
here: every function takes ``now`` (epoch seconds) and returns a new :class:`Timer`.

A running timer counts while the class is open (``deadline``) and keeps its seconds while the
class is paused (``remaining``). Each start is a new ``round``: a player's game ends the timed
quarter at most once per round when the facilitator chose that (``on_expiry``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

EXPIRY = ("nothing", "end_quarter")  # what happens when the time is up: the facilitator's choice
ADD_S = 60.0


@dataclass(frozen=True)
class Timer:
    """A class's quarter timer."""

    seconds: float | None  # a quarter's time; None: the class has no timer
    running: bool = False  # started and not stopped (it counts only while the class is open)
    deadline: float | None = None  # counting: when it runs out
    remaining: float | None = None  # started, the class paused: the seconds it keeps
    round: int = 0  # how many times it was started
    on_expiry: str = "nothing"

    def left(self, now: float) -> float | None:
        """Seconds left (None: not running, or no timer)."""
        if not self.running:
            return None
        if self.deadline is not None:
            return max(0.0, self.deadline - now)
        return self.remaining

    def expired(self, now: float) -> bool:
        """Running and out of time."""
        left = self.left(now)
        return left is not None and left <= 0


def start(t: Timer, now: float, counting: bool) -> Timer:
    """A full quarter's time from ``now`` (a new round); ``counting``: the class is open."""
    if t.seconds is None:
        return t
    fresh = replace(t, running=True, round=t.round + 1, deadline=None, remaining=t.seconds)
    return resume(fresh, now) if counting else fresh


def add_minute(t: Timer, now: float) -> Timer:
    """One more minute on a running timer (a stopped one is left alone)."""
    if not t.running:
        return t
    if t.deadline is not None:
        return replace(t, deadline=max(t.deadline, now) + ADD_S)
    return replace(t, remaining=(t.remaining or 0.0) + ADD_S)


def stop(t: Timer) -> Timer:
    """No timer running until the next start."""
    return replace(t, running=False, deadline=None, remaining=None)


def freeze(t: Timer, now: float) -> Timer:
    """The class is paused: keep the seconds left."""
    if not t.running or t.deadline is None:
        return t
    return replace(t, deadline=None, remaining=max(0.0, t.deadline - now))


def resume(t: Timer, now: float) -> Timer:
    """The class is open again: count down what was kept."""
    if not t.running or t.remaining is None:
        return t
    return replace(t, deadline=now + t.remaining, remaining=None)


def choose_expiry(t: Timer, choice: str) -> Timer:
    """What happens when the time is up (one of ``EXPIRY``); ValueError for anything else."""
    if choice not in EXPIRY:
        raise ValueError(choice)
    return replace(t, on_expiry=choice)
