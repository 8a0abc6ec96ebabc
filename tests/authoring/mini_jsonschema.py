"""A tiny JSON Schema (draft-07 subset) validator: enough for the keywords `agen schema` emits.

jsonschema is not installed in the project's environment; this covers type, enum, properties,
required, additionalProperties, propertyNames, items (schema or tuple), additionalItems,
minItems/maxItems, minProperties, minimum/maximum, pattern, anyOf and $ref. Unknown keywords
fail loudly, so a schema change cannot silently escape the test.
"""

from __future__ import annotations

import re
from typing import Any

KNOWN = {
    "$schema", "$id", "title", "description", "default", "x-taplo", "definitions",
    "type", "enum", "properties", "required", "additionalProperties", "propertyNames", "items",
    "additionalItems", "minItems", "maxItems", "minProperties", "minimum", "maximum", "pattern",
    "anyOf", "$ref",
}
TYPES = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "number": lambda x: isinstance(x, (int, float)) and not isinstance(x, bool),
    "boolean": lambda x: isinstance(x, bool),
}


def errors(schema: dict[str, Any], value: Any, root: dict[str, Any] | None = None, at: str = "") -> list[str]:
    """Every violation of ``schema`` by ``value``, as 'path: what'."""
    root = root if root is not None else schema
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"{at}: unsupported keywords {sorted(unknown)}")
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/definitions/")
        return errors(root["definitions"][name], value, root, at)
    out: list[str] = []
    if "type" in schema and not TYPES[schema["type"]](value):
        return [f"{at}: expected {schema['type']}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{at}: {value!r} not in {schema['enum']}")
    if "anyOf" in schema and all(errors(s, value, root, at) for s in schema["anyOf"]):
        out.append(f"{at}: matches none of anyOf")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{at}.{key}: required")
        if len(value) < schema.get("minProperties", 0):
            out.append(f"{at}: too few keys")
        for key, item in value.items():
            if "propertyNames" in schema:
                out += errors(schema["propertyNames"], key, root, f"{at}.{key}(name)")
            if key in props:
                out += errors(props[key], item, root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{at}.{key}: unknown key")
            elif isinstance(schema.get("additionalProperties"), dict):
                out += errors(schema["additionalProperties"], item, root, f"{at}.{key}")
    if isinstance(value, list):
        items = schema.get("items")
        if isinstance(items, list):
            for i, item in enumerate(value):
                if i < len(items):
                    out += errors(items[i], item, root, f"{at}[{i}]")
                elif schema.get("additionalItems") is False:
                    out.append(f"{at}[{i}]: too many items")
        elif isinstance(items, dict):
            for i, item in enumerate(value):
                out += errors(items, item, root, f"{at}[{i}]")
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 10**9):
            out.append(f"{at}: wrong number of items")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            out.append(f"{at}: below minimum")
        if "maximum" in schema and value > schema["maximum"]:
            out.append(f"{at}: above maximum")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{at}: does not match {schema['pattern']}")
    return out
