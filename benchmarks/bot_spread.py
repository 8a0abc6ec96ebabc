"""The balance figures of the shipped scenarios: passive, random and greedy bots over N seeds.

    python benchmarks/bot_spread.py scenarios/dukcapil.toml --seeds 500

Prints, per bot, the median, p10, p90, min and max score and how many games hit a lose
ending, then the policies most adopted in the top tenth of all games pooled (the issue's
"no policy in more than 90% of the top tenth"). Uses all cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import BOTS, Adopt, Game, play_bot
from game.scenario import load_scenario

BOT_NAMES = ("passive", "random", "greedy")


def play(job: tuple[str, str, int]) -> tuple[str, float, list[str], bool]:
    """One game: (bot, score, policies adopted, lost)."""
    path, bot, seed = job
    loaded = load_scenario(path)
    game = play_bot(Game(loaded.compiled, seed), BOTS[bot], seed)
    assert game.outcome is not None
    adopted = sorted({d.action.policy for d in game.decisions if isinstance(d.action, Adopt)})
    ending = game.outcome.ending
    lost = ending is not None and any(
        e.id == ending and e.kind == "lose" for e in loaded.scenario.endings
    )
    return bot, game.outcome.score, adopted, lost


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
        scores = [g[1] for g in games if g[0] == bot]
        deciles = statistics.quantiles(scores, n=10)
        lost = sum(1 for g in games if g[0] == bot and g[3])
        print(
            f"{bot:>8}: median {statistics.median(scores):6.1f}  p10 {deciles[0]:6.1f}  p90 {deciles[-1]:6.1f}"
            f"  min {min(scores):6.1f}  max {max(scores):6.1f}  lost {lost}/{len(scores)}"
        )
    top = sorted(games, key=lambda g: -g[1])[: max(1, len(games) // 10)]
    shares = Counter(p for g in top for p in g[2])
    bots = Counter(g[0] for g in top)
    print(f"top tenth ({len(top)} games: {dict(bots)}), most adopted:")
    for policy, n in shares.most_common(6):
        print(f"  {policy:<28} {n / len(top):5.0%}")


if __name__ == "__main__":
    main()
