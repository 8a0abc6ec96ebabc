"""The balance figures of the shipped scenarios: passive, random and greedy bots over N seeds.

    python benchmarks/bot_spread.py scenarios/dukcapil.toml --seeds 500

Prints, per bot, the median, p10, p90, min and max score, how many games hit a lose ending,
and how many were graded with the scenario's top grade; then the policies most adopted in the
top tenth of all games pooled (the issue's "no policy in more than 90% of the top tenth"), the
greedy bot's choices named (the policies it adopts and the answers it gives most, so a trainer
sees what "skilled play" means in the scenario), the policies it adopts in the last two turns
(late adoption is an exploit when it pays), and the harshness of the scenario's own seed.
Uses all cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.authoring.harshness import harshness
from game.engine import BOTS, Adopt, Choose, Game, play_bot
from game.scenario import load_scenario

BOT_NAMES = ("passive", "random", "greedy")
LATE_TURNS = 2


Played = tuple[str, float, list[str], bool, bool, list[str], list[str]]


def play(job: tuple[str, str, int]) -> Played:
    """One game: (bot, score, policies adopted, lost, top grade, policies adopted late,
    answers given as "event: choice")."""
    path, bot, seed = job
    loaded = load_scenario(path)
    game = play_bot(Game(loaded.compiled, seed), BOTS[bot], seed)
    assert game.outcome is not None
    adopts = [d for d in game.decisions if isinstance(d.action, Adopt)]
    adopted = sorted({d.action.policy for d in adopts if isinstance(d.action, Adopt)})
    last = loaded.scenario.turns - LATE_TURNS
    late = sorted(
        {d.action.policy for d in adopts if isinstance(d.action, Adopt) and d.turn > last}
    )
    ending = game.outcome.ending
    lost = ending is not None and any(
        e.id == ending and e.kind == "lose" for e in loaded.scenario.endings
    )
    top_grade = game.outcome.grade is not None and game.outcome.grade == min(
        (i for _, i in loaded.compiled.grades), default=-1
    )
    answers = [
        f"{d.action.event}: {d.action.choice}"
        for d in game.decisions
        if isinstance(d.action, Choose)
    ]
    return bot, game.outcome.score, adopted, lost, top_grade, late, answers


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scenario")
    parser.add_argument("--seeds", type=int, default=500)
    args = parser.parse_args()
    jobs = [(args.scenario, bot, seed) for bot in BOT_NAMES for seed in range(1, args.seeds + 1)]
    with ProcessPoolExecutor() as pool:
        games = list(pool.map(play, jobs, chunksize=20))
    for bot in BOT_NAMES:
        mine = [g for g in games if g[0] == bot]
        scores = [g[1] for g in mine]
        deciles = statistics.quantiles(scores, n=10)
        lost = sum(1 for g in mine if g[3])
        top_graded = sum(1 for g in mine if g[4])
        print(
            f"{bot:>8}: median {statistics.median(scores):6.1f}  p10 {deciles[0]:6.1f}  p90 {deciles[-1]:6.1f}"
            f"  min {min(scores):6.1f}  max {max(scores):6.1f}  lost {lost}/{len(scores)}"
            f"  top grade {top_graded}/{len(scores)}"
        )
    top = sorted(games, key=lambda g: -g[1])[: max(1, len(games) // 10)]
    shares = Counter(p for g in top for p in g[2])
    bots = Counter(g[0] for g in top)
    print(f"top tenth ({len(top)} games: {dict(bots)}), most adopted:")
    for policy, n in shares.most_common(6):
        print(f"  {policy:<28} {n / len(top):5.0%}")
    greedy = [g for g in games if g[0] == "greedy"]
    print_greedy_choices(greedy)
    late = Counter(p for g in greedy for p in g[5])
    print(f"greedy, adopted in the last {LATE_TURNS} turns (share of greedy games):")
    for policy, n in late.most_common(6):
        print(f"  {policy:<28} {n / len(greedy):5.0%}")
    loaded = load_scenario(args.scenario)
    h = harshness(loaded, 1)
    d = h["default"]
    print(
        f"class seed {d['seed']}: {'fair' if h['default_fair'] else 'CROWDED'} "
        f"(most shocks in one turn {d['most_shocks_in_one_turn']}), passive shortfall "
        f"{d['shortfall']:+.1f} vs the median of {h['checked']} seeds, harshness rank "
        f"{h['default_rank']}/{h['checked']} (1 = harshest)"
    )


def print_greedy_choices(greedy: list[Played]) -> None:
    """The greedy bot's choices named: the policies it adopts and the answers it gives most."""
    adopted = Counter(p for g in greedy for p in g[2])
    print("greedy, adopted (share of greedy games):")
    for policy, n in adopted.most_common(10):
        print(f"  {policy:<28} {n / len(greedy):5.0%}")
    answers = Counter(a for g in greedy for a in set(g[6]))
    print("greedy, answers (share of greedy games):")
    for answer, n in answers.most_common(10):
        print(f"  {answer:<44} {n / len(greedy):5.0%}")


if __name__ == "__main__":
    main()
