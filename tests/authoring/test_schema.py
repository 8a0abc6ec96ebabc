"""``agen schema``: a draft-07 JSON Schema that accepts real scenarios and flags mistakes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

from game.authoring.json_schema import scenario_schema
from game.authoring.template import scenario_text
from game.scenario import CATEGORIES, VALUES, load_scenario
from tests.files import EXAMPLE
from tests.variants import VARIANTS, Variant

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def errors(schema: dict[str, Any], value: Any) -> list[str]:
    """Every violation as 'path: message', by the jsonschema library's draft-07 validator."""
    validator = jsonschema.Draft7Validator(schema)
    found = []
    for error in validator.iter_errors(value):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        found.append(f"{path}: {error.message}")
    return found


def test_schema_is_valid_draft_07() -> None:
    jsonschema.Draft7Validator.check_schema(scenario_schema())


SHIPPED = sorted((Path(__file__).parents[2] / "scenarios").glob("*.toml"))


def raw(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return scenario_schema()


def test_schema_command_prints_the_schema(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    printed = json.loads(result.output)
    assert printed["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert printed["$id"].startswith("https://")
    assert "scenario" in printed["title"]
    assert printed == json.loads(json.dumps(scenario_schema()))


def test_schema_accepts_the_example(schema: dict[str, Any]) -> None:
    assert errors(schema, raw(EXAMPLE)) == []


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_schema_accepts_the_example_variants(schema: dict[str, Any], variant: Variant) -> None:
    assert errors(schema, tomllib.loads(variant.text())) == []


def test_schema_accepts_the_starter_scenario(schema: dict[str, Any]) -> None:
    assert errors(schema, tomllib.loads(scenario_text("x"))) == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_schema_accepts_shipped_scenarios_that_load(schema: dict[str, Any], path: Path) -> None:
    load_scenario(path)  # a shipped scenario that does not load is a failure, never a skip
    assert errors(schema, raw(path)) == []


def test_schema_flags_an_unknown_key_a_bad_category_and_a_bad_type(schema: dict[str, Any]) -> None:
    data = raw(EXAMPLE)
    data["policies"][0]["cots"] = 15
    data["policies"][1]["category"] = "flexi_work"
    data["metrics"]["budget"]["start"] = "lots"
    found = "\n".join(errors(schema, data))
    assert "'cots' was unexpected" in found
    assert ".policies[1].category: 'flexi_work'" in found
    assert ".metrics.budget.start: 'lots' is not of type 'number'" in found


def test_schema_flags_a_metric_id_unusable_in_expressions(schema: dict[str, Any]) -> None:
    data = raw(EXAMPLE)
    data["metrics"]["Public-Trust"] = data["metrics"].pop("public_trust")
    assert any("'Public-Trust' does not match" in e for e in errors(schema, data))


def test_schema_lists_the_fixed_vocabularies(schema: dict[str, Any]) -> None:
    policy = schema["definitions"]["Policy"]["properties"]
    assert policy["category"]["enum"] == list(CATEGORIES)
    assert policy["values"]["items"]["enum"] == list(VALUES)
    assert "integrity" in policy["category"]["description"]


def test_every_key_is_described_in_indonesian_then_english(schema: dict[str, Any]) -> None:
    tables = [schema, *schema["definitions"].values()]
    for table in tables:
        assert "\n\n" in table["description"]
        for key, prop in table["properties"].items():
            indonesian, _, english = prop["description"].partition("\n\n")
            assert indonesian and english, key


def test_schema_has_no_null_or_draft_2020_keywords(schema: dict[str, Any]) -> None:
    text = json.dumps(schema)
    assert '"null"' not in text and "prefixItems" not in text and "$defs" not in text


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_each_variant_is_the_example_plus_its_own_lines(variant: Variant) -> None:
    replaced = {old for old, _ in variant.replace}
    rest = iter(variant.text().splitlines(keepends=True))
    example = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    assert all(any(line == other for other in rest) for line in example if line not in replaced)
