"""How many meldingen and meldcode look-ups the chat takes before it holds or pauses them.

A script could otherwise flood a meldpunt's mailbox, or guess meldcodes. Meldingen over a quota are
stored and get a meldcode, but wait (`held`) until the wijkteam releases them in the inbox. Look-ups of
unknown meldcodes are counted per visitor and for everyone together; over either budget the assistant
asks to try again later, without looking the code up.

Environment variables (all optional; the defaults in brackets):
- `MELDING_QUOTA_VISITOR_HOUR` (2), `MELDING_QUOTA_VISITOR_DAY` (3): meldingen of one chat visitor;
- `MELDING_QUOTA_MUNICIPALITY_HOUR` (10), `MELDING_QUOTA_MUNICIPALITY_DAY` (40): meldingen for one
  municipality from everyone;
- `MELDCODE_MISSES_VISITOR_HOUR` (5), `MELDCODE_MISSES_HOUR` (60): unknown meldcodes asked about by one
  visitor, and by everyone together.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class MeldingQuota:
    """The quotas on meldingen and on looking up unknown meldcodes."""

    visitor_hour: int = 2
    visitor_day: int = 3
    municipality_hour: int = 10
    municipality_day: int = 40
    code_misses_visitor_hour: int = 5
    code_misses_hour: int = 60


ENV_NAMES = {
    "visitor_hour": "MELDING_QUOTA_VISITOR_HOUR",
    "visitor_day": "MELDING_QUOTA_VISITOR_DAY",
    "municipality_hour": "MELDING_QUOTA_MUNICIPALITY_HOUR",
    "municipality_day": "MELDING_QUOTA_MUNICIPALITY_DAY",
    "code_misses_visitor_hour": "MELDCODE_MISSES_VISITOR_HOUR",
    "code_misses_hour": "MELDCODE_MISSES_HOUR",
}


def melding_quota(env: Mapping[str, str] | None = None) -> MeldingQuota:
    """The quotas from the environment; unset or empty values keep the defaults."""
    env = os.environ if env is None else env
    values = {}
    for item in fields(MeldingQuota):
        raw = env.get(ENV_NAMES[item.name], "").strip()
        if raw:
            values[item.name] = int(raw)
    return MeldingQuota(**values)
