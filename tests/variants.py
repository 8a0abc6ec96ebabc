"""Test scenarios that are the canonical example with a few lines changed.

The one full scenario of the tests is ``tests/fixtures/format_example.toml``. A variant keeps
only what differs from it: lines replaced, blocks inserted before a line, text appended. The
authoring tests write the variants they need into a temporary folder (see their conftest).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.files import EXAMPLE


@dataclass(frozen=True)
class Variant:
    """The example with ``replace`` (old line -> new line), ``insert`` (a block before the
    line that starts with the anchor) and ``append`` applied; each anchor must be unique."""

    name: str
    replace: tuple[tuple[str, str], ...] = ()
    insert: tuple[tuple[str, str], ...] = ()
    append: str = ""

    def text(self) -> str:
        text = EXAMPLE.read_text(encoding="utf-8")
        for old, new in self.replace:
            assert text.count(old) == 1, f"{self.name}: {old!r} is not one line of the example"
            text = text.replace(old, new)
        for anchor, block in self.insert:
            assert text.count(anchor) == 1, f"{self.name}: {anchor!r} is not unique"
            text = text.replace(anchor, block + anchor)
        return text + self.append

    def write(self, folder: Path) -> Path:
        """Write ``NAME.toml`` into ``folder``; return its path."""
        path = folder / f"{self.name}.toml"
        path.write_text(self.text(), encoding="utf-8")
        return path


# One cheap policy that wins everything: balance must flag it dominant.
UNBALANCED = Variant(
    "unbalanced",
    insert=(
        (
            "[[rules]]\n",
            """[[policies]]
id = "magic_wand"
category = "communication"
name = { id = "Tongkat ajaib", en = "Magic wand" }
cost = 1
values = ["adaptif"]

[[policies.effects]]
metric = "public_trust"
delta = 50

""",
        ),
    ),
)

# Bait for each of lint's warnings: a policy that requires what excludes it, one never
# offered, an event that never fires, a goal no bot reaches.
LINT_ME = Variant(
    "lint_me",
    replace=(
        (
            'when = "public_trust < 60"      # optional\n',
            'when = "public_trust > 99"      # never true\n',
        ),
        (
            'condition = "service_quality >= 82"\n',
            'condition = "service_quality >= 100 and public_trust >= 100"\n',
        ),
    ),
    insert=(
        (
            '[[policies]]\nid = "citizen_assist"\n',
            """[[policies]]
id = "locked_out"
category = "people"
name = { id = "Terkunci", en = "Locked out" }
cost = 5
requires = ["full_wfa"]
excludes = ["full_wfa"]

[[policies.effects]]
metric = "staff_morale"
delta = 1

[[policies]]
id = "never_offered"
category = "people"
name = { id = "Tak pernah ditawarkan", en = "Never offered" }
cost = 5
available = "digital > 4.9"

[[policies.effects]]
metric = "staff_morale"
delta = 1

""",
        ),
    ),
)

# Two expectations that fail: one on the value found, one on a refused plan step.
BROKEN_EXPECT = Variant(
    "broken_expect",
    append="""
[[expect]]
id = "trust_soars"
label = "Deliberately wrong: trust cannot reach 99"
plan = [{ turn = 1, adopt = ["online_services"] }]
assert = "public_trust >= 99 and turn >= 1"

[[expect]]
id = "cannot_afford"
label = "Deliberately refused: hybrid work needs output_skp first"
plan = [{ turn = 2, adopt = ["hybrid_work"] }]
assert = "staff_morale > 0"
""",
)

VARIANTS = (UNBALANCED, LINT_ME, BROKEN_EXPECT)
