"""What every ``agen`` command shares: the typer app and the one way to fail with a message."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer import rich_utils as typer_rich_utils
from typer.core import TyperOption

from game.errors import AgenError, Codes, Problem, ScenarioError
from game.i18n import both, english_first, say

if TYPE_CHECKING:
    from game.scenario import LoadedScenario

_type_shown = TyperOption.display_type_rich


def _no_type_for_flags(self: TyperOption, ctx: Any) -> str | None:
    """A flag (``--json``) takes no value: the help shows no ``<bool>`` after it."""
    return None if self.is_flag else _type_shown(self, ctx)


TyperOption.display_type_rich = _no_type_for_flags  # type: ignore[method-assign]

# typer checks option values with pydantic; its words for the common cases, in ours
_PYDANTIC_WORDS = [
    (re.compile(r"Input should be a valid integer"), "cli.not_whole_number"),
    (re.compile(r"Input should be a (valid|finite) number"), "cli.not_a_number"),
    (re.compile(r"Input should be greater than or equal to (?P<n>\S+)"), "cli.at_least"),
    (re.compile(r"Input should be less than or equal to (?P<n>\S+)"), "cli.at_most"),
]


def _option_words(message: str) -> str:
    """typer's (pydantic's) words about a value, in both languages when we know them."""
    for pattern, key in _PYDANTIC_WORDS:
        found = pattern.match(message)
        if found is not None:
            return both(key, **found.groupdict())
    return message.removeprefix("Value error, ")


def _one_line_error(error: Exception) -> None:
    """A wrong option or argument: one line naming the command and the option, no box
    (replaces typer's boxed panel): ``agen simulate: --seed: bukan bilangan bulat / not a
    whole number``."""
    if type(error).__name__ == "NoArgsIsHelpError":
        return
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "agen"
    param = getattr(error, "param", None)
    if type(error) is typer.BadParameter and param is not None and param.opts and error.message:
        typer.echo(f"{command}: {'/'.join(param.opts)}: {_option_words(error.message)}", err=True)
        return
    text = getattr(error, "format_message", lambda: str(error))()
    typer.echo(f"{command}: {text} ({command} --help)", err=True)


typer_rich_utils.rich_format_error = _one_line_error  # type: ignore[assignment]


class CliText(Codes):
    """What the ``agen`` command prints (both languages where ``--lang`` is not given)."""

    CANCELLED = "cli.cancelled"
    AKSI_LANG = "cli.aksi_lang"
    WRITTEN = "cli.written"
    NO_EXPECT = "cli.no_expect"
    PASS = "cli.pass"
    FAIL = "cli.fail"
    PLAN_REFUSED = "cli.plan_refused"
    FOUND = "cli.found"
    PASSED_FAILED = "cli.passed_failed"
    CANNOT_WRITE = "cli.cannot_write"
    LINT_SUMMARY = "cli.lint_summary"
    CLASS_STOPPED = "cli.class_stopped"
    IS_FOLDER = "cli.is_folder"
    FILE_NOT_FOUND = "cli.file_not_found"
    SHIPPED = "cli.shipped"
    UNKNOWN_LANGUAGE = "cli.unknown_language"
    CHOOSE = "cli.choose"
    NO_TOML = "cli.no_toml"
    VALIDATE_OK_WARNINGS = "cli.validate_ok_warnings"
    BOT_OR_PLAN = "cli.bot_or_plan"
    UNKNOWN_BOT = "cli.unknown_bot"
    JOIN_WITHOUT_FILE = "cli.join_without_file"
    GIVE_SCENARIO = "cli.give_scenario"
    EMPTY_PLAYER = "cli.empty_player"
    SEED_TOO_LARGE = "cli.seed_too_large"
    RESULT_WRITTEN = "cli.result_written"
    PLAYTEST_FILE = "cli.playtest_file"
    NO_WINDOW = "cli.no_window"
    BAD_PREDICT = "cli.bad_predict"
    IMPORT_REFUSED = "cli.import_refused"
    IMPORTED = "cli.imported"
    STORED_RESULTS = "cli.stored_results"
    COL_CLASS = "cli.col.class"
    COL_NAME = "cli.col.name"
    COL_NIP = "cli.col.nip"
    COL_SCENARIO = "cli.col.scenario"
    COL_SCORE = "cli.col.score"
    COL_GRADE = "cli.col.grade"
    COL_GOALS = "cli.col.goals"
    COL_ENDED = "cli.col.ended"
    COL_ORIGIN = "cli.col.origin"
    COL_PATH = "cli.col.path"
    COL_RANK = "cli.col.rank"
    COL_MEAN = "cli.col.mean"
    COL_SD = "cli.col.sd"
    COL_IQR = "cli.col.iqr"
    COL_RANGE = "cli.col.range"
    COL_MEASURE = "cli.col.measure"
    COL_MEAN_OF = "cli.col.mean_of"
    COL_DIFF = "cli.col.diff"
    COL_CI = "cli.col.ci"
    COL_EFFECT = "cli.col.effect"
    VERSIONS_APART = "cli.versions_apart"
    LEADERBOARD = "cli.leaderboard"
    COMPARE_TWO = "cli.compare_two"
    COMPARE_EMPTY = "cli.compare_empty"
    SCENARIO_NOT_PLAYED = "cli.scenario_not_played"
    PLAYED = "cli.played"
    COMPARE_NO_COMMON = "cli.compare_no_common"
    SCORE_BY_CLASS = "cli.score_by_class"
    DIFFERENCE_FROM = "cli.difference_from"
    DIFFERENCE_NOTE = "cli.difference_note"
    EXPORTED = "cli.exported"
    # the help texts of the commands and their options
    HELP_AGEN = "cli.help.agen"
    HELP_RESULTS = "cli.help.results"
    HELP_CLASS = "cli.help.class"
    HELP_PLAY = "cli.help.play"
    HELP_SHOTS = "cli.help.shots"
    HELP_NEW = "cli.help.new"
    HELP_SCHEMA = "cli.help.schema"
    HELP_CHECK = "cli.help.check"
    HELP_SCENARIO_FILE = "cli.help.scenario_file"
    HELP_SCENARIO_FILES = "cli.help.scenario_files"
    HELP_LINT_FILES = "cli.help.lint_files"
    HELP_SIMULATE_SCENARIO = "cli.help.simulate_scenario"
    HELP_LANG = "cli.help.lang"
    HELP_BOT = "cli.help.bot"
    HELP_JOIN = "cli.help.join"
    HELP_JOIN_CODE = "cli.help.join_code"
    HELP_QUARTERS = "cli.help.quarters"
    HELP_CLASS_QUARTERS = "cli.help.class_quarters"
    HELP_RESULTS_FOLDER = "cli.help.results_folder"
    HELP_SHOTS_OUT = "cli.help.shots_out"
    HELP_SIZE = "cli.help.size"
    HELP_BOT_GAMES = "cli.help.bot_games"
    HELP_RESULT_FILE = "cli.help.result_file"
    HELP_RESULT_FILES = "cli.help.result_files"
    HELP_COHORTS = "cli.help.cohorts"
    HELP_COMPARE_COHORTS = "cli.help.compare_cohorts"
    HELP_FORCE = "cli.help.force"
    HELP_CLASS_CODE = "cli.help.class_code"
    HELP_CLASS_LANG = "cli.help.class_lang"
    HELP_LOCKSTEP = "cli.help.lockstep"
    HELP_TIMER = "cli.help.timer"
    HELP_PREDICT = "cli.help.predict"
    # what agen class serve, agen play and agen results print
    PARTICIPANT_ADDRESS = "cli.participant_address"
    CLASS_CODE = "cli.class_code"
    PROJECTOR_PAGE = "cli.projector_page"
    CONTROL = "cli.control"
    SECRET = "cli.secret"
    STOP = "cli.stop"
    PORT_IN_USE = "cli.port_in_use"
    CHOOSE_PORT = "cli.choose_port"
    SAME_DECISIONS = "cli.same_decisions"
    ORIGIN_UNKNOWN = "cli.origin_unknown"
    NO_DISPLAY = "cli.no_display"


app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    help=f"Agen Perubahan — {both(CliText.HELP_AGEN)}.",
    pretty_exceptions_enable=False,
)

# ``--quarters N`` of every command that plays: the scenario's short form of N turns.
Quarters = Annotated[int | None, typer.Option(min=1, help=english_first(CliText.HELP_QUARTERS))]


def shipped_or_given(given: Path) -> Path:
    """``given`` when it exists, else the shipped scenario of that id when there is one."""
    from game.paths import SCENARIOS

    if given.exists():
        return given
    shipped = SCENARIOS / f"{given.stem}.toml"
    if given.suffix in ("", ".toml") and shipped.is_file():
        return shipped
    return given


def scenario_path(given: Path, command: str) -> Path:
    """The scenario file meant by ``given``: the file itself, else the shipped scenario of
    that id (``agen simulate dukcapil`` from any folder); typer.Exit with one line if neither."""
    from game.paths import SCENARIOS

    if given.is_dir():
        raise fail(f"agen {command}: {given}: {both(CliText.IS_FOLDER)}")
    found = shipped_or_given(given)
    if found.exists():
        return found
    ids = ", ".join(sorted(p.stem for p in SCENARIOS.glob("*.toml")))
    raise fail(
        f"agen {command}: {given}: {both(CliText.FILE_NOT_FOUND)}; {both(CliText.SHIPPED)}: {ids}"
    )


def known_language(lang: str | None, command: str) -> None:
    """Refuse a language that has no catalog (exit 2, one line)."""
    from game.i18n import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        raise fail(
            f"agen {command}: --lang {lang}: {both(CliText.UNKNOWN_LANGUAGE)}; "
            f"{both(CliText.CHOOSE)}: {' | '.join(LANGUAGES)}",
            2,
        )


def predict_first(value: str | None) -> int | None:
    """``--predict``: ``all``, ``off``, ``N`` or ``first:N`` as the number of adoptions asked
    (None: the scenario's setting); ValueError for anything else."""
    from game.engine.prediction import PREDICT_ALL

    if value is None:
        return None
    text = value.strip().lower()
    if text == "all":
        return PREDICT_ALL
    if text == "off":
        return 0
    number = text.removeprefix("first:")
    if number.isdigit() and number.isascii():
        return min(int(number), PREDICT_ALL)
    raise ValueError(value)


def played_as(loaded: LoadedScenario, quarters: int | None, command: str) -> LoadedScenario:
    """``loaded`` played over ``quarters`` turns (``--quarters``): itself, or its short form;
    a length it does not offer is one bilingual line listing those it does (exit 1)."""
    from game.scenario.forms import NotOffered
    from game.scenario.forms import played_as as form

    try:
        return form(loaded, quarters)
    except NotOffered as exc:
        listed = ", ".join(map(str, exc.offered))
        line = both("shortform.not_offered", n=quarters, offered=listed)
        raise fail(f"agen {command} --quarters {quarters}: {loaded.path}: {line}") from None


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def check_files(
    command: str,
    paths: list[Path],
    findings: Callable[[LoadedScenario], list[Problem]],
    summary: Callable[[Path, list[Problem]], str],
    lang: str = "en",
) -> NoReturn:
    """The loop ``agen validate`` and ``agen lint`` share: every scenario file under
    ``paths`` is loaded and its ``findings`` printed one per line; a file that cannot be
    loaded prints its problems. Exits 1 when any file was refused, 2 when none was found."""
    from game.scenario import load_scenario
    from game.scenario.loader import scenario_files

    files = scenario_files([shipped_or_given(p) for p in paths])  # a shipped id, like a path
    if not files:
        raise fail(f"agen {command}: {both(CliText.NO_TOML)}", 2)
    bad = False
    for file in files:
        try:
            loaded = load_scenario(file)
            problems = findings(loaded)
        except ScenarioError as exc:
            bad = True
            for problem in exc.problems:
                typer.echo(say(problem, lang))
            continue
        except AgenError as exc:
            bad = True
            typer.echo(f"{file}: {exc}")
            continue
        for problem in problems:
            typer.echo(say(problem, lang))
        typer.echo(summary(file, problems), err=True)
    raise typer.Exit(1 if bad else 0)
