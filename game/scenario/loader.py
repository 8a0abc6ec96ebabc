"""Load a scenario file: TOML -> frozen models -> checks -> compiled, or one line per problem."""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.errors import Problem, ScenarioError
from game.nesting import too_deep_line
from game.scenario import checks
from game.scenario.compiled import Compiled, Found, compile_scenario
from game.scenario.format_model import CATEGORIES, PRINCIPLES, VALUES, PlanFile, PlanStep, Scenario
from game.scenario.locate import KeyLines, Path, format_path
from game.scenario.reflection import check_reflection
from game.scenario.suggest import did_you_mean

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


def read_toml(path: str | FsPath, kind: str = "scenario") -> tuple[str, dict[str, Any], bytes]:
    """Read a TOML file; refuse unreadable or invalid TOML with a located Problem."""
    name = str(path)
    try:
        data = FsPath(path).read_bytes()
    except FileNotFoundError:
        raise ScenarioError([Problem(name, 0, "", "file not found")]) from None
    except IsADirectoryError:
        raise ScenarioError([Problem(name, 0, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise ScenarioError([Problem(name, 0, "", f"cannot read: {exc.strerror}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError([Problem(name, 0, "", f"file too large for a {kind} (over 5 MB)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError(
            [Problem(name, line, "", "not UTF-8 text: save the file as UTF-8")]
        ) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_AT.search(message)
        line = int(match.group(1)) if match else 0
        message = _TOML_AT.sub("", message).strip().rstrip(".")
        raise ScenarioError([Problem(name, line, "toml", f"not valid TOML: {message}")]) from None
    except RecursionError:
        line = too_deep_line(text)
        raise ScenarioError(
            [Problem(name, line, "toml", "not valid TOML: nested too deeply")]
        ) from None
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
        if kind == "unknown_key":
            loc = (*loc, str(ctx.get("key")))
        if loc in seen:
            continue
        seen.add(loc)
        found.append((loc, _message(kind, err, raw)))
    return found


def _message(kind: str, err: Any, raw: dict[str, Any]) -> str:
    got = err.get("input")
    shown = _shown(got)
    if kind == "missing":
        return "required key is missing"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return f"expected a whole number, got {shown}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {shown}"
    if kind == "string_type":
        return f"expected text in quotes, got {shown}"
    if kind == "bool_type":
        return f"expected true or false, got {shown}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list [ ... ], got {shown}"
    if kind in ("dict_type", "model_type", "table"):
        return f"expected a table, got {shown}"
    if kind == "too_short":
        return "must not be empty" if not got else "too few items"
    if kind == "too_long":
        return "too many items"
    if kind == "string_pattern_mismatch":
        return f"{shown} may use only lowercase letters, digits and '-'"
    if kind == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", ""))
        if isinstance(got, str) and got:
            pool = (
                CATEGORIES
                if "flexible_work" in expected
                else VALUES
                if "akuntabel" in expected
                else PRINCIPLES
                if "output_measure" in expected
                else ()
            )
            if pool:
                return f"'{got}' is not one of: {', '.join(pool)}{did_you_mean(got, pool)}"
        return f"must be {expected}, got {shown}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{shown} is out of range: " + str(err["msg"]).replace(
            "Input should be ", "must be "
        )
    msg = str(err["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value[:40]}'"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def validate_model(model: type[M], raw: dict[str, Any], name: str, lines: KeyLines) -> M:
    """Build a frozen model or raise ScenarioError with one located line per problem."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(problems(name, lines, validation_found(exc, raw))) from None
    except RecursionError:
        raise ScenarioError([Problem(name, 0, "", "nested too deeply")]) from None


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
