"""Load a scenario file: TOML -> frozen models -> checks -> compiled, or one line per problem."""

from __future__ import annotations

import errno
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.errors import Message, Problem, ScenarioError, Value
from game.nesting import too_deep_line
from game.scenario import checks
from game.scenario.codes import LoadCode
from game.scenario.compiled import Compiled, Found, compile_scenario
from game.scenario.details import toml_complaint
from game.scenario.format_model import PlanFile, PlanStep, Scenario
from game.scenario.locate import KeyLines, Path, format_path
from game.scenario.reflection_keys import check_reflection
from game.scenario.suggest import did_you_mean
from game.scenario.vocabulary import CATEGORIES, PRINCIPLES, VALUES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

M = TypeVar("M", bound=BaseModel)
_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario as loaded from a file: definitions, compiled form, hash and warnings."""

    path: str
    scenario: Scenario
    compiled: Compiled
    sha256: str
    warnings: tuple[Problem, ...] = field(default_factory=tuple)


def scenario_files(paths: list[FsPath]) -> list[FsPath]:
    """The files to check: each path as given, or the ``*.toml`` files of a folder."""
    files: list[FsPath] = []
    for path in paths:
        files += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return files


def _refused(name: str, line: int, path: str, code: LoadCode, **fields: Value) -> ScenarioError:
    return ScenarioError([Problem(name, line, path, Message.of(code, **fields))])


def read_toml(path: str | FsPath, kind: str = "scenario") -> tuple[str, dict[str, Any], bytes]:
    """Read a TOML file; refuse unreadable or invalid TOML with a located Problem."""
    name = str(path)
    try:
        data = FsPath(path).read_bytes()
    except FileNotFoundError:
        raise _refused(name, 0, "", LoadCode.FILE_NOT_FOUND) from None
    except IsADirectoryError:
        raise _refused(name, 0, "", LoadCode.IS_FOLDER) from None
    except OSError as exc:
        detail: Value = (
            Message.of(LoadCode.PERMISSION_DENIED)
            if exc.errno == errno.EACCES
            else str(exc.strerror)
        )
        raise _refused(name, 0, "", LoadCode.CANNOT_READ, detail=detail) from None
    if len(data) > MAX_FILE_BYTES:
        what = Message.of(LoadCode.FILE_PLAN if kind == "plan" else LoadCode.FILE_SCENARIO)
        raise _refused(name, 0, "", LoadCode.TOO_LARGE, kind=what)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _refused(name, line, "", LoadCode.NOT_UTF8) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        complaint = str(exc)
        match = _TOML_AT.search(complaint)
        line = int(match.group(1)) if match else 0
        complaint = _TOML_AT.sub("", complaint).strip().rstrip(".")
        what = toml_complaint(complaint)
        raise ScenarioError([Problem(name, line, "toml", what)]) from None
    except RecursionError:
        line = too_deep_line(text)
        what = toml_complaint("nested too deeply")
        raise ScenarioError([Problem(name, line, "toml", what)]) from None
    return text, raw, data


def problems(name: str, lines: KeyLines, found: Found, warning: bool = False) -> list[Problem]:
    """Turn ``(path, message)`` findings into located Problems, sorted by line."""
    out = [
        Problem(name, lines.line_of(path), format_path(path), message, warning)
        for path, message in found
    ]
    return sorted(out, key=lambda p: p.line)


def validation_found(exc: ValidationError, raw: dict[str, Any]) -> Found:
    """Pydantic's errors as plain findings, one per key."""
    found: Found = []
    seen: set[Path] = set()
    for err in exc.errors(include_url=False):
        loc: Path = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        if kind == LoadCode.UNKNOWN_KEY.value:
            loc = (*loc, str(ctx.get("key")))
        if loc in seen:
            continue
        seen.add(loc)
        found.append((loc, _message(kind, err)))
    return found


# pydantic's error types -> the loader's code (its one field: the value written, ``shown``)
_TYPES: dict[str, LoadCode] = {
    "int_type": LoadCode.WANT_WHOLE,
    "int_from_float": LoadCode.WANT_WHOLE,
    "int_parsing": LoadCode.WANT_WHOLE,
    "float_type": LoadCode.WANT_NUMBER,
    "float_parsing": LoadCode.WANT_NUMBER,
    "string_type": LoadCode.WANT_TEXT,
    "bool_type": LoadCode.WANT_BOOL,
    "tuple_type": LoadCode.WANT_LIST,
    "list_type": LoadCode.WANT_LIST,
    "dict_type": LoadCode.WANT_TABLE,
    "model_type": LoadCode.WANT_TABLE,
    "string_pattern_mismatch": LoadCode.SCENARIO_ID,
}
_LIMITS: dict[str, tuple[LoadCode, str]] = {
    "greater_than_equal": (LoadCode.AT_LEAST, "ge"),
    "less_than_equal": (LoadCode.AT_MOST, "le"),
}
_POOLS = {"flexible_work": CATEGORIES, "akuntabel": VALUES, "output_measure": PRINCIPLES}


def _message(kind: str, err: Any) -> Message:
    got = err.get("input")
    shown = _shown(got)
    ctx = err.get("ctx") or {}
    if kind in _CODES:
        fields = {k: _field(v) for k, v in ctx.items()}
        if kind == LoadCode.WANT_TABLE.value:
            fields["shown"] = shown
        return Message.of(LoadCode(kind), **fields)
    if kind == "missing":
        return Message.of(LoadCode.MISSING)
    if kind in _TYPES:
        return Message.of(_TYPES[kind], shown=shown)
    if kind == "too_short":
        return Message.of(LoadCode.EMPTY if not got else LoadCode.TOO_FEW)
    if kind == "too_long":
        return Message.of(LoadCode.TOO_MANY)
    if kind == "literal_error":
        return _not_listed(str(ctx.get("expected", "")), got, shown)
    if kind in _LIMITS:
        code, limit = _LIMITS[kind]
        return Message.of(code, shown=shown, limit=str(ctx.get(limit)))
    msg = str(err["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return Message.of(LoadCode.INVALID, detail=msg)


_CODES = {code.value for code in LoadCode}


def _field(value: Any) -> Value:
    return value if isinstance(value, (Message, str, int, float)) else str(value)


def _not_listed(expected: str, got: Any, shown: Value) -> Message:
    """A value outside a fixed list: the list with a hint, or "must be 'a' or 'b'"."""
    if isinstance(got, str) and got:
        pool = next((pool for key, pool in _POOLS.items() if key in expected), ())
        if pool:
            hint = did_you_mean(got, pool)
            return Message.of(LoadCode.NOT_ONE_OF, got=got, pool=", ".join(pool), hint=hint)
    head, sep, last = expected.rpartition(" or ")
    if not sep:
        return Message.of(LoadCode.MUST_BE, expected=expected, shown=shown)
    return Message.of(LoadCode.MUST_BE_EITHER, options=head, last=last, shown=shown)


def _shown(value: Any) -> Value:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value[:40]}'"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        return Message.of(LoadCode.SHOWN_LIST)
    if isinstance(value, dict):
        return Message.of(LoadCode.SHOWN_TABLE)
    return _SHOWN_KIND.get(type(value).__name__, type(value).__name__)


_SHOWN_KIND: dict[str, Value] = {
    "date": Message.of(LoadCode.SHOWN_DATE),
    "datetime": Message.of(LoadCode.SHOWN_DATETIME),
    "time": Message.of(LoadCode.SHOWN_TIME),
}


def validate_model(model: type[M], raw: dict[str, Any], name: str, lines: KeyLines) -> M:
    """Build a frozen model or raise ScenarioError with one located line per problem."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(problems(name, lines, validation_found(exc, raw))) from None
    except RecursionError:
        raise _refused(name, 0, "", LoadCode.NESTED_TOO_DEEPLY) from None


def load_scenario(path: str | FsPath) -> LoadedScenario:
    """Load, check and compile a scenario; raise ScenarioError listing every problem."""
    name = str(path)
    text, raw, data = read_toml(path)
    lines = KeyLines(text)
    scenario = validate_model(Scenario, raw, name, lines)
    found = checks.check_ids(scenario) + checks.check_requires_cycles(scenario)
    found += check_reflection(scenario)
    compiled, compile_found = compile_scenario(scenario)
    found += compile_found
    if not compile_found:
        found += checks.check_expectations(scenario, compiled)
    if found:
        raise ScenarioError(problems(name, lines, found))
    warned = checks.translation_warnings(scenario) + checks.design_warnings(scenario, compiled)
    return LoadedScenario(
        path=name,
        scenario=scenario,
        compiled=compiled,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=tuple(problems(name, lines, warned, warning=True)),
    )


def load_plan(path: str | FsPath, scenario: Scenario) -> tuple[PlanStep, ...]:
    """Load a plan file (``plan = [...]``) and check its ids against the scenario."""
    name = str(path)
    text, raw, _ = read_toml(path, "plan")
    lines = KeyLines(text)
    plan = validate_model(PlanFile, raw, name, lines)
    found = checks.check_plan(plan.plan, scenario, ("plan",))
    if found:
        raise ScenarioError(problems(name, lines, found))
    return plan.plan
