"""Fixtures of the results tests: a scenario we control and simulated classes of players."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.results.record import ResultRecord, record_from_game, write_result
from game.scenario import LoadedScenario, load_scenario
from tests.results.helpers import COHORT_BOTS, PER_COHORT, SCENARIO, MakeRecord, play


@pytest.fixture(scope="session")
def loaded() -> LoadedScenario:
    """The fixture scenario (the format's example, id ``dukcapil-sukamaju``)."""
    return load_scenario(SCENARIO)


@pytest.fixture(scope="session")
def make_record(loaded: LoadedScenario) -> MakeRecord:
    """Build a record of a bot game: make_record(seed, bot="random", cohort="A", player=...)."""

    def make(
        seed: int, bot: str = "random", cohort: str = "A", player: str | None = None
    ) -> ResultRecord:
        game = play(loaded, bot, seed)
        name = player or f"{cohort}-{bot}-{seed}"
        return record_from_game(
            game, loaded, player=name, player_id=None, cohort=cohort, language="id"
        )

    return make


@pytest.fixture(scope="session")
def classes(
    tmp_path_factory: pytest.TempPathFactory, make_record: MakeRecord
) -> dict[str, list[Path]]:
    """40 result files in each of three cohorts, one folder per cohort."""
    root = tmp_path_factory.mktemp("classes")
    out: dict[str, list[Path]] = {}
    for ci, (cohort, bots) in enumerate(COHORT_BOTS.items()):
        folder = root / cohort
        out[cohort] = [
            write_result(
                make_record(100 * ci + i, bots[i % len(bots)], cohort, f"{cohort} Pemain {i:02d}"),
                folder,
            )
            for i in range(PER_COHORT)
        ]
    return out


@pytest.fixture()
def db(tmp_path: Path) -> str:
    """A fresh SQLite store path."""
    return str(tmp_path / "results.sqlite")
