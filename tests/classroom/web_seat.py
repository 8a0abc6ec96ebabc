"""A browser seat played over real HTTP, as a phone's browser would: the join form, the seat
cookie, and each action as the form POST the play page sends (following its redirect).

Its moves come from a bot played on a copy of the game here (same scenario and seed), so
every action it sends is one the server accepts; the copy is the expected game.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import httpx

from game.engine import BOTS, Adopt, Cancel, Choose, Game
from game.engine.bots import bot_random
from game.scenario import LoadedScenario


@dataclass
class WebSeat:
    """One browser seat of class ``code`` at ``url``, and its copy of the game."""

    url: str
    code: str
    name: str
    game: Game
    client: httpx.Client

    @classmethod
    def join(cls, url: str, code: str, name: str, loaded: LoadedScenario) -> WebSeat:
        """Join with the form; the copy of the game starts from the class's seed."""
        seed = int(httpx.get(f"{url}/api/v1/classes/{code}", timeout=10).json()["seed"])
        client = httpx.Client(base_url=url, follow_redirects=True, timeout=30)
        fields = {"name": name, "nip": "", "members": "", "key": secrets.token_hex(8)}
        answer = client.post(f"/p/{code}/join", data=fields)
        assert answer.status_code == 200, (answer.status_code, answer.text[-1200:])
        return cls(url, code, name, Game(loaded.compiled, seed), client)

    @classmethod
    def resume(
        cls, url: str, code: str, name: str, loaded: LoadedScenario, cookie: tuple[str, str]
    ) -> WebSeat:
        """The seat a browser holds (its cookie), its game not yet begun."""
        seed = int(httpx.get(f"{url}/api/v1/classes/{code}", timeout=10).json()["seed"])
        client = httpx.Client(base_url=url, follow_redirects=True, timeout=30)
        client.cookies.set(cookie[0], cookie[1], path=f"/p/{code}")
        return cls(url, code, name, Game(loaded.compiled, seed), client)

    def act(self, kind: str, **fields: str) -> httpx.Response:
        """Send one action's form, as the play page does."""
        data = {"kind": kind, "key": secrets.token_hex(8), "turn": str(self.game.turn), **fields}
        return self.client.post(f"/p/{self.code}/act", data=data)

    def play(self, bot: str = "random", seed: int = 1) -> None:
        """Play the whole game: each quarter the bot's moves, then its end."""
        rng = bot_random(seed)
        while not self.game.over:
            before = len(self.game.decisions)
            BOTS[bot](self.game, rng)
            for d in self.game.decisions[before:]:
                a = d.action
                if isinstance(a, Adopt):
                    answer = self.act("adopt", policy=a.policy)
                elif isinstance(a, Cancel):
                    answer = self.act("cancel", policy=a.policy)
                elif isinstance(a, Choose):
                    answer = self.act("choose", event=a.event, choice=a.choice)
                assert answer.status_code == 200, (answer.status_code, answer.text[-1200:])
            assert self.act("end").status_code == 200
            self.game.end_turn()

    @property
    def cookie(self) -> tuple[str, str]:
        """The seat cookie (name, value), to hand to a real browser."""
        name, value = next(iter(self.client.cookies.items()))
        return name, value
