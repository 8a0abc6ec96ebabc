"""The words of the balance report (terminal and charts), of a balance run's errors and of the
JSON Schema's added help: codes whose text is in the catalogs."""

from __future__ import annotations

from game.errors import Codes


class AuthoringText(Codes):
    """What ``agen balance`` / ``lint`` and ``agen schema`` write besides a scenario's own words."""

    TITLE = "balance.title"
    SCORE_SPREAD = "balance.score_spread"
    SCORE_AXIS = "balance.score_axis"
    BEST_PATH = "balance.best_path"
    POLICIES = "balance.policies"
    EVENTS = "balance.events"
    EVENTS_SHARE = "balance.events_share"
    GOALS = "balance.goals"
    GOALS_SHARE = "balance.goals_share"
    ENDINGS_SHARE = "balance.endings_share"
    FULL_GAME = "balance.full_game"
    DOMINANT = "balance.dominant"
    DEAD = "balance.dead"
    DOMINANT_POLICIES = "balance.dominant_policies"
    DEAD_POLICIES = "balance.dead_policies"
    FAIR = "balance.fair"
    CROWDED = "balance.crowded"
    CLASS_SEED = "balance.class_seed"
    MOST_SHOCKS = "balance.most_shocks"
    PASSIVE_SCORE = "balance.passive_score"
    HARSHNESS_RANK = "balance.harshness_rank"
    HARSHEST = "balance.harshest"
    HARSHEST_SEEDS = "balance.harshest_seeds"
    FAIR_SEEDS = "balance.fair_seeds"
    NOTE_BEST_PATH = "balance.note_best_path"
    NOTE_FLAGS = "balance.note_flags"
    FILE_CHANGED = "balance.file_changed"
    WORKERS_STOPPED = "balance.workers_stopped"
    SCHEMA_TITLE = "schema.title"
    SCHEMA_ONE_OF = "schema.one_of"
    SCHEMA_EACH_ONE_OF = "schema.each_one_of"
    SCHEMA_FUNCTIONS = "schema.functions"
