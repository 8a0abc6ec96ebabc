"""Games the Aksi Perubahan tests read: a player who starts partnerships, answers the brokers
with the Satpol PP, the campaign team with neutrality and the Ombudsman with real standards,
cancels an image campaign, and predicts some effects wrongly."""

from __future__ import annotations

from game.engine import Adopt, Cancel, Choose, Game
from game.engine.prediction import Direction, Prediction, due_turn, moved_metrics, reveal
from game.results.aksi import Author
from game.scenario import load_scenario
from tests.files import SCENARIOS

DUKCAPIL = SCENARIOS / "dukcapil.toml"
AUTHOR = Author("Siti Aminah", "198701012010012001", "PKA-II Angkatan 3")
SEED = 7
PLAN: dict[int, list[str]] = {  # "-id" cancels
    1: ["simplify_sop", "village_outreach"],
    2: ["image_campaign", "join_mpp"],
    3: ["complaint_channel"],
    4: ["-image_campaign"],
}
ANSWERS = {
    "brokers_at_gate": "crackdown",
    "pilkada": "stay_neutral",
    "ombudsman_review": "meet_standards",
    "innovation_contest": "real_innovation",
}


def planned_game() -> Game:
    """The game above, played to the end (events answered as planned when they are open)."""
    game = Game(load_scenario(DUKCAPIL).compiled, SEED)
    while not game.over:
        for eid in game.pending_events():
            cid = ANSWERS.get(eid)
            if cid is None or not game.can_choose(eid, cid):
                cid = game.default_choice(eid)
            game.act(Choose(eid, cid))
        for step in PLAN.get(game.turn, []):
            if step.startswith("-") and game.can_cancel(step[1:]):
                game.act(Cancel(step[1:]))
            elif not step.startswith("-") and game.can_adopt(step):
                game.act(Adopt(step))
        game.end_turn()
    return game


def wrong_predictions(game: Game, most: int = 2) -> tuple[Prediction, ...]:
    """Predictions, made at adoption, that the game proved wrong (each the opposite way)."""
    out: list[Prediction] = []
    for d in game.decisions:
        if not isinstance(d.action, Adopt) or len(out) >= most:
            continue
        pid = d.action.policy
        metric = moved_metrics(game, pid)[0]
        probe = Prediction(d.turn, pid, metric, due_turn(game, d.turn), "same")
        found = reveal(game, probe)
        if found is None:
            continue
        wrong: Direction = "down" if found.actual == "up" else "up"
        out.append(Prediction(d.turn, pid, metric, probe.by, wrong))
    return tuple(out)
