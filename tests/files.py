"""Where the tests' files are: the repository, the shipped scenarios, the canonical example."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
TUTORIAL = SCENARIOS / "tutorial.toml"
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE = FIXTURES / "format_example.toml"  # the format's complete example (format-reference)
