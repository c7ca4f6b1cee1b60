"""Live handover to a volunteer: the summary shared with consent, opening hours, waiting and quotas.

`HandoverSummary` is the one structure the action (which builds it), the gateway (which stores and
sends it) and the console (which shows it) share. It holds labels chosen by the assistant, never the
person's own words, so nothing in it names the person or anyone they wrote about.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict
from zoneinfo import ZoneInfo

from bot.conversation.listening import INTEREST_PATTERNS, find_interests
from bot.conversation.network_map import network_labels
from bot.conversation.other_person import worry_labels
from bot.conversation.resistance import SOURCE_LABELS

# Opening hours of the volunteer chat, in Dutch time; "00:00-24:00" means always.
DEFAULT_VOLUNTEER_HOURS = "09:00-21:00"
# Seconds a visitor waits for a volunteer before the assistant takes over again.
DEFAULT_WAIT_SECONDS = 120
# Handovers one visitor may start in an hour, and people who may wait at once (per acute class).
DEFAULT_PER_VISITOR_PER_HOUR = 3
DEFAULT_QUEUE_MAX = 10
# A volunteer console counts as online when it was seen this recently (it reports every 20 s).
ONLINE_WITHIN = dt.timedelta(seconds=60)
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")

REASONS = {
    "asked": "vroeg zelf om een mens",
    "crisis": "na het crisisantwoord (113)",
    "not_understood": "de assistent begreep de persoon een paar keer niet",
}


LONELINESS_TYPES = {"social": "sociaal", "emotional": "emotioneel", "existential": "existentieel"}
SCALE_BANDS = {"not_lonely": "niet eenzaam", "moderate": "matig eenzaam", "strong": "sterk eenzaam"}
DURATIONS = {"recent": "sinds kort", "months": "een paar maanden", "years": "al jaren"}
# Each cause of `bot.conversation.listening` as a theme for the volunteer, about the person, in few words.
CAUSE_LABELS: dict[str, str] = {
    "loss": "verlies van een dierbare",
    "divorce": "einde van een relatie",
    "moving": "verhuisd",
    "retirement": "gestopt met werken",
    "illness": "gezondheid",
    "unemployment": "werk kwijt of geen werk",
    "low_income": "zorgen over geld",
    "unsafe_neighbourhood": "voelt zich niet prettig in de buurt",
    "low_confidence": "twijfel aan zichzelf",
    "social_anxiety": "contact is spannend",
    "children_left": "kinderen ver weg",
    "caregiving": "zorg voor een ander",
    "friends_gone": "vrienden uit beeld",
    "migration": "ver van eigen land en familie",
    "relationship": "afstand in de relatie",
    "school": "school of studie",
    "mental_health": "somber of moe",
    "parenthood": "drukte met de kinderen",
    "discrimination": "hoe anderen hem of haar behandelen",
    "age": "ouder worden",
    "digital": "veel gaat via de computer",
}


class _HandoverSummary(TypedDict):
    """What the volunteer who takes the conversation sees first, only with the person's yes.

    Every value is a Dutch label the assistant chose; never the person's own words.
    """

    reason: str  # why a human was asked for, from `REASONS`
    phase: str  # the furthest phase of the approach the conversation reached
    loneliness_type: str | None  # from `LONELINESS_TYPES`
    scale_result: str | None  # e.g. "4 van 6 (matig eenzaam)"
    themes: list[str]  # the causes the person wrote about, from `CAUSE_LABELS`
    duration: str | None  # from `DURATIONS`
    wishes: list[str]  # interests, as the social map names them (`INTEREST_PATTERNS`)
    chosen_step: str | None  # the label of a step or activity from the catalogue
    municipality: str | None  # only a municipality the gazetteer knows


class HandoverSummary(_HandoverSummary, total=False):
    """The summary, with the parts only some conversations have."""

    network: list[str]  # the network map per circle, e.g. "familie: iemand dichtbij" (labels, no names)
    chatting_for: str  # from `ROLES`: for themselves, worried about someone, or a professional
    parked: list[str]  # where resistance came from, from `SOURCE_LABELS` (never the person's words)
    worry_about: str  # whom a worried person writes about, as a group ("een buur")
    worry_signals: list[str]  # what they noticed, as labels ("komt weinig buiten")
    worry_duration: str  # how long they see it, from `DURATIONS`
    carer_load: str  # the worried person has a hard time too


SUMMARY_LABELS: tuple[tuple[str, str], ...] = (
    ("reason", "Reden"),
    ("chatting_for", "Chat voor"),
    ("phase", "Fase"),
    ("loneliness_type", "Soort eenzaamheid"),
    ("scale_result", "Uitkomst van de vragenlijst"),
    ("themes", "Thema's"),
    ("duration", "Hoe lang al"),
    ("wishes", "Wensen"),
    ("chosen_step", "Gekozen stap"),
    ("municipality", "Gemeente"),
    ("network", "Netwerk"),
    ("parked", "Geparkeerd, en waarom"),
    ("worry_about", "Zorgen om"),
    ("worry_signals", "Wat opviel"),
    ("worry_duration", "Hoe lang al (bij de ander)"),
    ("carer_load", "De persoon zelf"),
)
PARKED_LABELS: dict[str, str] = {str(source): label for source, label in SOURCE_LABELS.items()}
ROLES = {
    "self": "zichzelf",
    "other": "iemand anders, om wie de persoon zich zorgen maakt",
    "professional": "als vrijwilliger of professional, over iemand anders",
}
WISH_SLOTS = ("wish_enjoy", "wish_talent", "wish_at_ease")


def _labels(values: Any, known: Mapping[str, str]) -> list[str]:
    return [known[value] for value in values if value in known] if isinstance(values, list) else []


def phase_reached(slots: Mapping[str, Any]) -> str:
    """The furthest phase of the approach the conversation reached, in Dutch."""
    if slots.get("plan_step"):
        return "kleine stappen: een stap gekozen"
    if slots.get("proposed_steps"):
        return "kleine stappen bekeken"
    if slots.get("wish_enjoy") or slots.get("interests"):
        return "wensen en talenten"
    if slots.get("scale_total") is not None:
        return "vragenlijst over eenzaamheid ingevuld"
    if (slots.get("listen_turns") or 0) > 0:
        return "luisteren naar de situatie"
    if (slots.get("worry_turns") or 0) > 0:
        return "zorgen om iemand anders besproken"
    return "begin van het gesprek"


def wished_interests(slots: Mapping[str, Any]) -> list[str]:
    """The interests the person named, as labels: the `interests` slot, then those in the wish answers."""
    wishes = [name for name in slots.get("interests") or [] if name in INTEREST_PATTERNS]
    for slot in WISH_SLOTS:
        answer = slots.get(slot)
        if isinstance(answer, str):
            wishes += [name for name in find_interests(answer) if name not in wishes]
    return wishes


def handover_summary(slots: Mapping[str, Any]) -> HandoverSummary:
    """The summary from the conversation's slots: labels only, so no free text and no names."""
    total, band = slots.get("scale_total"), slots.get("scale_band")
    scale = f"{total:g} van 6 ({SCALE_BANDS[band]})" if total is not None and band in SCALE_BANDS else None
    summary = HandoverSummary(
        reason=REASONS.get(slots.get("handover_reason") or "", REASONS["asked"]),
        phase=phase_reached(slots),
        loneliness_type=LONELINESS_TYPES.get(slots.get("loneliness_type") or ""),
        scale_result=scale,
        themes=_labels(slots.get("causes"), CAUSE_LABELS),
        duration=DURATIONS.get(slots.get("duration") or ""),
        wishes=wished_interests(slots),
        chosen_step=slots.get("plan_step_label"),
        # A name the gazetteer did not know may be anything the person typed.
        municipality=slots.get("municipality") if slots.get("municipality_code") else None,
    )
    network = network_labels(slots.get("network_map"))
    if network:
        summary["network"] = network
    role = ROLES.get(slots.get("role") or "")
    if role is not None:
        summary["chatting_for"] = role
    # Only known source keys become labels: whatever else a slot holds is never shown.
    parked = _labels(slots.get("resistance_sources"), PARKED_LABELS)
    if parked:
        summary["parked"] = parked
    worry = worry_labels(dict(slots))
    if "worry_about" in worry:
        summary["worry_about"] = worry["worry_about"]
    if "worry_signals" in worry:
        summary["worry_signals"] = worry["worry_signals"]
    if "carer_load" in worry:
        summary["carer_load"] = worry["carer_load"]
    worry_duration = DURATIONS.get(slots.get("worry_duration") or "")
    if worry_duration is not None:
        summary["worry_duration"] = worry_duration
    return summary


def summary_lines(summary: HandoverSummary) -> list[tuple[str, str]]:
    """The summary as (label, value) pairs for the console, leaving out what is unknown."""
    lines = []
    for key, label in SUMMARY_LABELS:
        value = summary.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value:
            lines.append((label, str(value)))
    return lines


def parse_hours(spec: str) -> tuple[dt.time, dt.time | None]:
    """Parse "HH:MM-HH:MM"; an end of 24:00 is returned as None (until midnight)."""
    start_text, end_text = (part.strip() for part in spec.split("-", 1))
    start = dt.time.fromisoformat(start_text)
    end = None if end_text in ("24:00", "24") else dt.time.fromisoformat(end_text)
    return start, end


def within_hours(spec: str, moment: dt.datetime | None = None) -> bool:
    """Tell whether `moment` (default: now) falls within the opening hours, in Dutch time."""
    start, end = parse_hours(spec)
    local = (moment or dt.datetime.now(dt.timezone.utc)).astimezone(DUTCH_TIME).time()
    if end is None:
        return local >= start
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # over midnight, e.g. 20:00-02:00


def volunteer_hours(env: Mapping[str, str] | None = None) -> str:
    """`VOLUNTEER_HOURS` from the environment, else the default."""
    env = os.environ if env is None else env
    return env.get("VOLUNTEER_HOURS", "").strip() or DEFAULT_VOLUNTEER_HOURS


def wait_seconds(env: Mapping[str, str] | None = None) -> float:
    """`HANDOVER_WAIT_SECONDS` from the environment, else the default."""
    env = os.environ if env is None else env
    return float(env.get("HANDOVER_WAIT_SECONDS", "").strip() or DEFAULT_WAIT_SECONDS)


@dataclass(frozen=True)
class HandoverQuota:
    """How much of the volunteers' queue one visitor, and everyone together, may take."""

    per_visitor_per_hour: int = DEFAULT_PER_VISITOR_PER_HOUR
    # At most this many acute and this many other people wait at once, so that a full queue of
    # others never keeps a person with acute risk out.
    queue_max: int = DEFAULT_QUEUE_MAX


def handover_quota(env: Mapping[str, str] | None = None) -> HandoverQuota:
    """`HANDOVER_PER_VISITOR_PER_HOUR` and `HANDOVER_QUEUE_MAX` from the environment, else the defaults."""
    env = os.environ if env is None else env
    per_visitor = env.get("HANDOVER_PER_VISITOR_PER_HOUR", "").strip()
    queue_max = env.get("HANDOVER_QUEUE_MAX", "").strip()
    return HandoverQuota(
        per_visitor_per_hour=int(per_visitor or DEFAULT_PER_VISITOR_PER_HOUR),
        queue_max=int(queue_max or DEFAULT_QUEUE_MAX),
    )
