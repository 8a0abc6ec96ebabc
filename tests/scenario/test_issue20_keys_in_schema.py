"""The keys of issue 20 reach the JSON Schema editors read (``agen schema``), in both languages."""

from __future__ import annotations

from game.authoring.json_schema import scenario_schema


def test_the_new_keys_are_in_the_schema_with_indonesian_and_english() -> None:
    schema = scenario_schema()
    tables = schema["definitions"]
    found = {
        "arrears": schema["properties"]["arrears"],
        "outlives_cancel": tables["Effect"]["properties"]["outlives_cancel"],
        "stall": tables["Arrears"]["properties"]["stall"],
        "carry": tables["Arrears"]["properties"]["carry"],
        "safeguards": tables["Policy"]["properties"]["safeguards"],
        "role": tables["Metric"]["properties"]["role"],
        "when": tables["Debrief"]["properties"]["when"],
    }
    for key, prop in found.items():
        indonesian, _, english = prop["description"].partition("\n\n")
        assert indonesian and english, key
    assert found["role"]["enum"] == ["quality", "trust", "integrity", "staff"]
    assert found["outlives_cancel"]["type"] == "boolean"
    assert "freedom" in found["safeguards"]["items"]["enum"]
