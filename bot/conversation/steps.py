"""Small first steps: choose the ones that fit a person's kind of loneliness, interests, causes and needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from bot.conversation.network_map import Circle, NetworkMap
from bot.conversation.person_needs import AgeGroup, PersonNeeds
from bot.socialmap.catalogue import CATALOGUE_DIR
from bot.text import normalise

STEPS_FILE = CATALOGUE_DIR / "small_steps.yml"

Mobility = Literal["walking", "out", "home"]
Cost = Literal["free", "small"]
Language = Literal["fluent", "any", "learners"]
DEFAULT_AGES: tuple[AgeGroup, ...] = ("young_adult", "adult", "senior")
# Steps made for young people only get this much extra weight for them, so that they come first.
YOUTH_BONUS = 4


@dataclass(frozen=True)
class SmallStep:
    """One general small step from `data/catalogue/small_steps.yml`."""

    id: str
    label: str
    fits: tuple[str, ...]
    interests: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    mobility: Mobility = "out"  # what it asks: walking some distance, getting somewhere, or nothing
    cost: Cost = "free"
    language: Language = "any"
    ages: tuple[AgeGroup, ...] = DEFAULT_AGES
    circles: tuple[Circle, ...] = ()  # the circles of the network map it can grow

    @property
    def for_young_people(self) -> bool:
        """Made for young people: it suits no age group from 30 on."""
        return not set(self.ages) & {"adult", "senior"}


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
            mobility=item.get("mobility", "out"),
            cost=item.get("cost", "free"),
            language=item.get("language", "any"),
            ages=tuple(item.get("ages", DEFAULT_AGES)),
            circles=tuple(item.get("circles", ())),
        )
        for item in raw["steps"]
    )


def step_by_id(step_id: str) -> SmallStep | None:
    """Return the step with this id, or None."""
    return next((step for step in load_steps() if step.id == step_id), None)


def suits(step: SmallStep, needs: PersonNeeds) -> bool:
    """Whether a step can be proposed at all: it fits the age group and asks no walking it cannot.

    Without a known age group, steps made for young people only are left out.
    """
    if needs.mobility and step.mobility == "walking":
        return False
    if needs.age_group is None:
        return "adult" in step.ages
    return needs.age_group in step.ages


def need_points(step: SmallStep, needs: PersonNeeds, network: NetworkMap | None) -> int:
    """Extra (or fewer) points for how well a suitable step fits the person's needs and network."""
    points = 0
    if needs.mobility and step.mobility == "home":
        points += 1
    if needs.low_cost and step.cost != "free":
        points -= 2
    if needs.dutch_learner:
        points += {"learners": 3, "fluent": -3}.get(step.language, 0)
    if needs.age_group == "youth" and step.for_young_people:
        points += YOUTH_BONUS
    if network is not None and set(step.circles) & set(network.empty):
        points += 1  # it can grow a circle where nobody is now
    return points


def propose_steps(
    loneliness_type: str | None,
    interests: list[str],
    causes: list[str],
    how_many: int = 3,
    exclude: list[str] | None = None,
    *,
    needs: PersonNeeds | None = None,
    network: NetworkMap | None = None,
) -> list[SmallStep]:
    """Rank the steps for this person and return the best few.

    The kind of loneliness weighs most (social: widen contacts; emotional: one close bond;
    existential: a meaningful role), then matching interests, then matching causes, then what the
    person needs (mobility, money, language, age group) and the circles of the network map that are
    empty. Without a known kind, steps that suit social loneliness come first: they are the lowest
    threshold. Steps in `exclude` (one that fell through or did not happen) are never proposed again,
    nor steps that do not suit the person (`suits`).
    """
    kind = loneliness_type or "social"
    needs = needs or PersonNeeds()

    def rank(indexed: tuple[int, SmallStep]) -> tuple[int, int]:
        position, step = indexed
        points = 0
        if kind in step.fits:
            points += 4 if step.fits[0] == kind else 3
        points += 2 * len(set(step.interests) & set(interests))
        points += 2 * len(set(step.causes) & set(causes))
        points += need_points(step, needs, network)
        return (-points, position)

    candidates = [step for step in load_steps() if step.id not in (exclude or ()) and suits(step, needs)]
    ranked = sorted(enumerate(candidates), key=rank)
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
