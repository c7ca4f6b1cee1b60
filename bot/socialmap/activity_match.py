"""Choose the local activities that fit a person best, and say in B1 Dutch why each one fits.

Pure logic on `FoundActivity` rows from `bot.store.activities.search_activities`. The approach asks
for steps that fit the kind of loneliness: a group for social loneliness, one close person (a maatje)
for emotional loneliness, a meaningful role (volunteering) for existential loneliness.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.socialmap.activity_terms import CLOSE_BOND, DAY_NAMES, MEANINGFUL_ROLE, ONE_TO_ONE, fits_kind
from bot.store.activities import FoundActivity

EXAMPLE_NOTICE = (
    "Let op: dit zijn voorbeelden uit onze testgegevens. Ze bestaan niet echt. Bel of mail ze dus niet."
)
EXAMPLE_MARK = "[Voorbeeld] "


@dataclass(frozen=True)
class Person:
    """What the conversation knows that matters for choosing."""

    loneliness_type: str | None = None
    interests: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    wanted_interest: str | None = None


def score(activity: FoundActivity, person: Person) -> int:
    """Higher is a better fit."""
    points = 0
    if person.wanted_interest and person.wanted_interest in activity.interests:
        points += 5
    points += 2 * len(set(person.interests) & set(activity.interests))
    if person.loneliness_type and fits_kind(activity.interests, person.loneliness_type):
        points += 3
    if "low_income" in person.causes and activity.cost_cents == 0:
        points += 1
    if "illness" in person.causes and activity.wheelchair_access:
        points += 1
    if "caregiving" in person.causes and "mantelzorgers" in activity.audiences:
        points += 1
    if "social_anxiety" in person.causes and set(activity.interests) & ONE_TO_ONE:
        points += 1
    return points


def best_activities(found: Sequence[FoundActivity], person: Person, how_many: int = 3) -> list[FoundActivity]:
    """The best few, most fitting first; newer information wins a tie, then the title."""
    ordered = sorted(found, key=lambda a: (-score(a, person), -a.updated.toordinal(), a.title))
    return ordered[:how_many]


def _time(value: dt.time | None) -> str:
    return value.strftime("%H.%M") if value else ""


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def when_text(activity: FoundActivity) -> str:
    """When it is: elke dinsdag van 10.00 tot 11.30 uur, or dag en tijd in overleg."""
    if not activity.sessions:
        return "Dag en tijd in overleg"
    days = _join([DAY_NAMES[day] for day, _, _ in activity.sessions])
    _, start, end = activity.sessions[0]
    hours = f" van {_time(start)} tot {_time(end)} uur" if start and end else ""
    return f"Elke {days}{hours}"


def cost_text(activity: FoundActivity) -> str:
    """What it costs: gratis, or kost € 2,50."""
    if activity.cost_cents == 0:
        return "Gratis"
    euros, cents = divmod(activity.cost_cents, 100)
    return f"Kost € {euros},{cents:02d}" if cents else f"Kost € {euros}"


def why_it_fits(activity: FoundActivity, person: Person) -> str:
    """One or two short B1 sentences on why this activity fits this person."""
    reasons: list[str] = []
    matching = [
        item for item in activity.interests if item == person.wanted_interest or item in person.interests
    ]
    if matching:
        reasons.append(f"Het past bij wat je graag doet: {_join(matching)}.")
    interests = set(activity.interests)
    if person.loneliness_type == "emotional" and interests & ONE_TO_ONE:
        reasons.append("Je krijgt één vast persoon. Dat helpt als je iemand mist om echt mee te praten.")
    elif person.loneliness_type == "emotional" and interests & CLOSE_BOND:
        reasons.append("Je praat met mensen die ook iemand missen. Zij begrijpen hoe dat voelt.")
    elif person.loneliness_type == "existential" and interests & MEANINGFUL_ROLE:
        reasons.append("Je doet iets voor een ander. Dat kan je dagen meer zin geven.")
    elif interests & MEANINGFUL_ROLE:
        reasons.append("Je doet iets nuttigs samen met anderen. Zo leer je vanzelf mensen kennen.")
    elif interests & ONE_TO_ONE:
        reasons.append("Je trekt op met één vast persoon. Dat is rustiger dan een groep.")
    else:
        reasons.append("Je ziet elke keer dezelfde mensen. Zo groeit het contact vanzelf.")
    if activity.cost_cents == 0 and "low_income" in person.causes:
        reasons.append("Het kost niets.")
    if activity.wheelchair_access and "illness" in person.causes:
        reasons.append("Je kunt er ook met een rolstoel of rollator goed komen.")
    return " ".join(reasons)


def describe(activity: FoundActivity, person: Person, number: int) -> str:
    """The whole message for one activity, short lines, marked when it is example data."""
    mark = EXAMPLE_MARK if activity.is_example else ""
    where = ", ".join(part for part in (activity.municipality, activity.neighbourhood) if part)
    place = f" ({activity.address})" if activity.address else ""
    access = " Toegankelijk met een rolstoel." if activity.wheelchair_access else ""
    contact = activity.contact_email or activity.contact_website or activity.contact_phone
    lines = [
        f"{number}. {mark}{activity.title}",
        f"{where}{place}. {when_text(activity)}. {cost_text(activity)}.{access}",
        activity.description,
        f"Waarom dit past: {why_it_fits(activity, person)}",
    ]
    if contact:
        lines.append(f"Contact: {contact}" + (" (voorbeeldadres)" if activity.is_example else ""))
    return "\n".join(lines)
