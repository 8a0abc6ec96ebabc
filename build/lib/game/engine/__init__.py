"""The headless simulation: game state, actions, turn resolution, ledger, scoring, replay, bots.

Nothing here imports pygame.
"""

from game.engine.actions import Action, Adopt, Cancel, Choose, Decision
from game.engine.bots import BOTS, Bot, play_bot
from game.engine.game import Game
from game.engine.ledger import Cause, Ledger
from game.engine.plan import play_plan, replay
from game.engine.scoring import Outcome, score

__all__ = [
    "BOTS",
    "Action",
    "Adopt",
    "Bot",
    "Cancel",
    "Cause",
    "Choose",
    "Decision",
    "Game",
    "Ledger",
    "Outcome",
    "play_bot",
    "play_plan",
    "replay",
    "score",
]
