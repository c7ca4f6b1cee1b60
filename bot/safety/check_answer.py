"""Reading the answer to the check question ("Denk je er nu aan om een eind aan je leven te maken?").

A counsellor's rule: only a clear "no" is a no. "Ja", "soms", "weet ik niet", "misschien" and anything
that is not clearly an answer count as "yes": then the full crisis answer follows. A "no" in any
wording ("nee hoor", "zo bedoelde ik het niet", "nee, gewoon moe") is thanked, and the conversation
goes on where it was.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.text import normalise

CheckAnswer = Literal["no", "yes"]

# A clear no, at the start of the answer or as the whole answer.
_NO = re.compile(
    r"^(nee+|neen|nope|nah|welnee|nee hoor|nee zeker niet|zeker niet|echt niet|helemaal niet|absoluut niet|"
    r"nooit|geen sprake van|niet aan de orde|dat niet|nee dat niet|"
    r"(zo|dat) bedoel(de)? ik (het )?niet|ik bedoel(de)? (het|dat) niet zo|niet zo bedoeld|"
    r"ik (wil|ga) (echt )?niet dood|ik (denk|dacht) (er )?niet aan|daar denk ik niet aan|"
    r"ik ben niet suicidaal)\b"
)
# Words that turn a "no" back into doubt: "nee, maar soms wel", "nee ... eigenlijk wel".
_DOUBT = re.compile(
    r"\b(maar|soms|af en toe|weleens|wel eens|eigenlijk wel|misschien|weet (ik )?(het )?niet|twijfel|"
    r"vaak|ja)\b"
)
# "ik wil niet zo verder" is not a no to "do you think of ending your life": it stays a doubt.
_NOT_A_NO = re.compile(r"^ik wil (gewoon )?niet (meer )?zo verder")


def read_check_answer(text: str) -> CheckAnswer:
    """"no" only for a clear no without doubt after it; everything else is "yes"."""
    cleaned = normalise(text)
    if not cleaned or _NOT_A_NO.search(cleaned):
        return "yes"
    match = _NO.search(cleaned)
    if match is None:
        return "yes"
    rest = cleaned[match.end() :]
    return "yes" if _DOUBT.search(rest) else "no"
