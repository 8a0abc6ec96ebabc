"""A valid scenario of any size, for measuring how the bots and tools scale:
``python benchmarks/big_scenario.py 300 40 > /tmp/big.toml`` (policies, turns).

Policies move the metrics by different amounts, with delays and upkeep, so that a bot has
real choices to weigh; the text is short and bilingual so that it loads clean.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenario import CATEGORIES

METRICS = ("service", "trust", "morale", "budget")


def big_scenario(policies: int, turns: int, seed: int = 7) -> str:
    """The TOML text of a scenario with ``policies`` policies and ``turns`` turns."""
    rng = random.Random(seed)
    out = [
        "format = 1",
        'id = "besar"',
        'version = "1.0.0"',
        'languages = ["id", "en"]',
        f"turns = {turns}",
        'turn_label = { id = "Triwulan", en = "Quarter" }',
        "actions_per_turn = 3",
        "seed = 1",
        'budget = "budget"',
        'title = { id = "Skenario besar", en = "A large scenario" }',
        'briefing = { id = "Skenario uji ukuran.", en = "A scenario to test size." }',
    ]
    for m in METRICS[:3]:
        out += [
            f"[metrics.{m}]",
            f'label = {{ id = "Ukuran {m}", en = "Measure {m}" }}',
            "start = 50",
            "min = 0",
            "max = 100",
            "drift = { toward = 50, rate = 0.05 }",
        ]
    out += [
        "[metrics.budget]",
        'label = { id = "Anggaran", en = "Budget" }',
        f"start = {40 * turns}",
        "min = 0",
        f"max = {400 * turns}",
        "[[rules]]",
        'id = "income"',
        'label = { id = "Pendapatan", en = "Income" }',
        'metric = "budget"',
        "delta = 20",
    ]
    for i in range(policies):
        cost, upkeep = rng.randint(5, 60), rng.randint(0, 4)
        out += [
            "[[policies]]",
            f'id = "p{i:04d}"',
            f'category = "{CATEGORIES[i % len(CATEGORIES)]}"',
            f'name = {{ id = "Kebijakan {i}", en = "Policy {i}" }}',
            f'description = {{ id = "Kebijakan nomor {i}.", en = "Policy number {i}." }}',
            f"cost = {cost}",
            f"upkeep = {upkeep}",
        ]
        for m in rng.sample(METRICS[:3], 2):
            out += [
                "[[policies.effects]]",
                f'metric = "{m}"',
                f"delta = {rng.uniform(-2.0, 3.0):.2f}",
                f"delay = {rng.randint(0, 3)}",
            ]
    out += [
        "[scoring]",
        'formula = "0.4 * service + 0.4 * trust + 0.2 * morale"',
        "[[scoring.grades]]",
        'name = { id = "Baik", en = "Good" }',
        "min = 60",
        "[[scoring.grades]]",
        'name = { id = "Kurang", en = "Weak" }',
        "min = 0",
    ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    n, t = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (300, 40)
    sys.stdout.write(big_scenario(n, t))
