"""Small first steps: choose the ones that fit a person's kind of loneliness, interests and causes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.socialmap.catalogue import CATALOGUE_DIR
from bot.text import normalise

STEPS_FILE = CATALOGUE_DIR / "small_steps.yml"


@dataclass(frozen=True)
class SmallStep:
    """One general small step from `data/catalogue/small_steps.yml`."""

    id: str
    label: str
    fits: tuple[str, ...]
    interests: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def load_steps(path: Path = STEPS_FILE) -> tuple[SmallStep, ...]:
    """Read the step catalogue."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        SmallStep(
            id=item["id"],
            label=item["label"],
            fits=tuple(item["fits"]),
            interests=tuple(item.get("interests", ())),
            causes=tuple(item.get("causes", ())),
        )
        for item in raw["steps"]
    )


def step_by_id(step_id: str) -> SmallStep | None:
    """Return the step with this id, or None."""
    return next((step for step in load_steps() if step.id == step_id), None)


def propose_steps(
    loneliness_type: str | None,
    interests: list[str],
    causes: list[str],
    how_many: int = 3,
    exclude: list[str] | None = None,
) -> list[SmallStep]:
    """Rank the steps for this person and return the best few.

    The kind of loneliness weighs most (social: widen contacts; emotional: one close bond;
    existential: a meaningful role), then matching interests, then matching causes. Without a
    known kind, steps that suit social loneliness come first: they are the lowest threshold. Steps
    in `exclude` (one that fell through or did not happen) are never proposed again.
    """
    kind = loneliness_type or "social"

    def rank(indexed: tuple[int, SmallStep]) -> tuple[int, int]:
        position, step = indexed
        points = 0
        if kind in step.fits:
            points += 4 if step.fits[0] == kind else 3
        points += 2 * len(set(step.interests) & set(interests))
        points += 2 * len(set(step.causes) & set(causes))
        return (-points, position)

    ranked = sorted(enumerate(step for step in load_steps() if step.id not in (exclude or ())), key=rank)
    return [step for _, step in ranked[:how_many]]


def match_title(text: str, titles: list[str], ids: list[str] | None = None) -> int | None:
    """Which of the offered titles a typed answer means ("de eerste", "dat maatje"), as an index."""
    cleaned = normalise(text)
    ordinals = {"eerste": 0, "1": 0, "tweede": 1, "2": 1, "derde": 2, "3": 2, "laatste": -1}
    # The last ordinal wins: "niet de eerste maar de tweede" means the second.
    named = [ordinals[word] for word in cleaned.split() if word in ordinals]
    if named and titles:
        index = named[-1]
        return index % len(titles) if -len(titles) <= index < len(titles) else None
    best: tuple[int, int | None] = (0, None)
    words = {word for word in cleaned.split() if len(word) > 3}
    for index, title in enumerate(titles):
        title_words = {word for word in normalise(title).split() if len(word) > 3}
        if ids:
            title_words.add(ids[index])
        overlap = len(words & title_words)
        if overlap > best[0]:
            best = (overlap, index)
    return best[1]


def match_step(text: str, offered_ids: list[str]) -> SmallStep | None:
    """Find which offered step a typed answer means ("de eerste", "dat maatje"), or None."""
    offered = [step for step_id in offered_ids if (step := step_by_id(step_id)) is not None]
    index = match_title(text, [step.label for step in offered], [step.id for step in offered])
    return offered[index] if index is not None else None
