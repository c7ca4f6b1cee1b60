"""One named rule for acute risk, with the messages it must catch and the messages it must ignore."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class Rule:
    """A regular expression over prepared text, named for what it catches.

    The name is the reason `detect_crisis` gives when the rule matches. `catches` and `ignores` are
    short chat messages the rule must and must not match (tests/unit/test_crisis_rule_examples.py).
    """

    name: str
    pattern: str
    catches: tuple[str, ...]
    ignores: tuple[str, ...]
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    # The pattern starts at the beginning of the text or of a word.
    anchor: ClassVar[str] = r"(?:^|\b)"

    def __post_init__(self) -> None:
        """Compile the pattern once."""
        object.__setattr__(self, "regex", re.compile(rf"{self.anchor}(?:{self.pattern})"))

    def matches(self, prepared: str) -> bool:
        """Tell whether the rule matches text already prepared by `bot.safety.rules.prepare`."""
        return self.regex.search(prepared) is not None
