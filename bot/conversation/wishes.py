"""Wishes, talents and what matters: said back in the assistant's own words, never dropped."""

from __future__ import annotations

from bot.conversation.reading import Address
from bot.conversation.say_back import say_back

# The answers in the order they are asked, with how each is introduced when said back.
LABELS: dict[Address, dict[str, str]] = {
    "je": {
        "wish_future": "wat je hoopt",
        "wish_enjoy": "wat je graag doet",
        "wish_talent": "waar je goed in bent",
        "wish_at_ease": "bij wie of waar je je op je gemak voelt",
        "wish_values": "wat je belangrijk vindt",
    },
    "u": {
        "wish_future": "wat u hoopt",
        "wish_enjoy": "wat u graag doet",
        "wish_talent": "waar u goed in bent",
        "wish_at_ease": "bij wie of waar u zich op uw gemak voelt",
        "wish_values": "wat u belangrijk vindt",
    },
}
WISH_SLOTS = tuple(LABELS["je"])


def said_back(answers: dict[str, str | None], interests: list[str], address: Address) -> list[str]:
    """One line per answer worth saying back: "waar je goed in bent: je kunt goed luisteren".

    A long answer is not quoted; for "wat je graag doet" the interests found in it are named instead.
    """
    lines: list[str] = []
    for slot in WISH_SLOTS:
        text = say_back(answers.get(slot), address)
        if text is None and slot == "wish_enjoy" and interests:
            text = ", ".join(interests)
        if text is not None:
            lines.append(f"{LABELS[address][slot]}: {text}")
    return lines
