"""Real voices: how the assistant answers messages that real people wrote about their loneliness.

The set (`bench/data/real_voices/`) holds close paraphrases of public Dutch testimonies, each with its
source and labels. Each single message is sent after "hoi" in a fresh conversation, as a new visitor
would; each multi-turn conversation is sent turn by turn. What the assistant did is read from the
tracker (the names of the responses it sent and its slots), not guessed from the text.
"""

from __future__ import annotations

import json
import secrets
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.support.paths import MODEL, ROOT
from tests.support.servers import RunningAssistant, start_assistant

DATA = Path(__file__).resolve().parent / "data" / "real_voices"
PARTS = {"development": DATA / "development.yml", "heldout": DATA / "heldout.yml"}
CONVERSATIONS = {
    "development": DATA / "conversations_development.yml",
    "heldout": DATA / "conversations_heldout.yml",
}

# Replies that say the assistant did not understand the person.
MISUNDERSTOOD = frozenset({"utter_rephrase", "utter_out_of_scope", "utter_fallback_human"})
# Replies that answer a question of the assistant's own; they count only when that question was open.
QUESTION_ANSWERS: dict[str, str] = {
    "utter_look_back_well": "look_back",
    "utter_look_back_badly": "look_back",
    "utter_look_back_not_done": "look_back",
}
# The replies for people worried about someone else (and the case consultation), sent to a person who
# writes about themselves.
OTHERS_MENU = frozenset(
    {
        "utter_other_menu", "utter_reflect_other", "utter_other_intro", "utter_worry_opening",
        "utter_worry_reflect", "utter_worry_ask_seen", "utter_worry_ask_how_long", "utter_worry_ask_carer",
        "utter_consult_ask_case", "utter_consult_ask_client_view", "utter_consult_ask_tried",
    }
)
CRISIS = frozenset({"utter_crisis"})
KIND_LABELS = {"sociaal": "social", "emotioneel": "emotional", "existentieel": "existential"}

# A reply reflects a theme when it uses one of these word stems (lower case). Kept apart from the
# assistant's own texts: it says what a reader would accept as "it heard that".
REFLECT_WORDS: dict[str, tuple[str, ...]] = {
    "loss": ("verlies", "verloren", "overleden", "overlijden", "rouw", "gemis", "dierbaar", "mist"),
    "divorce": ("scheiding", "relatie", "uit elkaar", "einde van"),
    "moving": ("verhuiz", "verhuisd", "opnieuw opbouwen", "nieuwe plek", "ergens mensen"),
    "retirement": ("stoppen met werken", "pensioen", "stopt met werken"),
    "illness": ("ziek", "gezondheid", "minder kunt", "beperking", "pijn"),
    "unemployment": ("werk", "baan", "collega"),
    "low_income": ("geld", "rondkomen", "schuld"),
    "unsafe_neighbourhood": ("buurt", "veilig"),
    "low_confidence": ("twijfel", "zelfvertrouwen", "waard"),
    "social_anxiety": ("spannend", "verlegen", "angst"),
    "children_left": ("kinderen",),
    "caregiving": ("zorgen voor", "zorg voor", "mantelzorg"),
    "friends_gone": ("vrienden", "vriendschap"),
    "migration": ("land", "taal", "familie", "thuis"),
    "relationship": ("relatie", "naast je", "naast u", "iemand naast"),
    "school": ("school", "studie", "klas"),
    "mental_health": ("somber", "overspannen", "depress", "energie", "burn"),
    "parenthood": ("kinderen", "moeder", "vader", "ouder"),
    "discrimination": ("behandel", "afkomst", "welkom", "om wie je bent", "om wie u bent"),
    "age": ("ouder word", "leeftijd", "ouder bent"),
    "digital": ("computer", "telefoon", "internet"),
    "shame": ("moeilijk om hierover", "schaam", "ongemakkelijk", "durf"),
    "verdriet": ("verdriet",),
    "leegte": ("leeg", "stil"),
    "schaamte": ("moeilijk om hierover", "schaam", "ongemakkelijk", "durf"),
    "zinloosheid": ("ertoe doet", "er niet meer toe", "zinloos", "nodig"),
    "onbegrip": ("begrepen", "gezien"),
    "heimwee": ("heimwee", "thuis"),
    "gemis": ("mist", "gemis"),
    "angst": ("spannend", "eng", "bang"),
    "boosheid": ("boos", "gefrustreerd"),
    "moeheid": ("moe", "energie"),
    "onzekerheid": ("twijfel", "onzeker"),
    "hoop": ("anders wordt", "hoop", "goed begin"),
}


@dataclass
class Turn:
    """What the assistant did with one message."""

    responses: list[str]
    texts: list[str]
    slots: dict[str, Any]
    pending_before: str


@dataclass
class Tally:
    """Counts over one part of the set."""

    messages: int = 0
    misunderstood: list[str] = field(default_factory=list)
    unasked: list[str] = field(default_factory=list)
    others_menu_to_self: list[str] = field(default_factory=list)
    reflected: list[str] = field(default_factory=list)
    reflect_scored: int = 0
    kind_checked: int = 0
    kind_right: list[str] = field(default_factory=list)
    crisis_on_not_acute: list[str] = field(default_factory=list)
    not_acute: int = 0
    no_reply: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Rates and the ids behind them."""

        def rate(part: int, whole: int) -> float | None:
            return round(part / whole, 3) if whole else None

        return {
            "messages": self.messages,
            "misunderstood_rate": rate(len(self.misunderstood), self.messages),
            "misunderstood_ids": self.misunderstood,
            "unasked_question_replies": len(self.unasked),
            "unasked_ids": self.unasked,
            "others_menu_to_self": len(self.others_menu_to_self),
            "others_menu_ids": self.others_menu_to_self,
            "reflects_main_rate": rate(len(self.reflected), self.reflect_scored),
            "reflect_scored": self.reflect_scored,
            "kind_recognised_rate": rate(len(self.kind_right), self.kind_checked),
            "kind_checked": self.kind_checked,
            "crisis_on_not_acute_rate": rate(len(self.crisis_on_not_acute), self.not_acute),
            "crisis_on_not_acute_ids": self.crisis_on_not_acute,
            "no_reply_ids": self.no_reply,
        }


def load(path: Path) -> list[dict[str, Any]]:
    """The items of one YAML file of the set."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def tracker(assistant: RunningAssistant, sender: str) -> dict[str, Any]:
    """The conversation's tracker from Rasa's HTTP API."""
    url = f"{assistant.rasa_url}/conversations/{sender}/tracker?token={assistant.api_token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return dict(json.loads(response.read()))


def last_turn(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events after the latest user message."""
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            return events[index + 1 :]
    return []


def pending_before_last(events: list[dict[str, Any]]) -> str:
    """The open question (pending_question) when the latest user message came."""
    pending = "none"
    seen_user = False
    for event in reversed(events):
        if event.get("event") == "user" and not seen_user:
            seen_user = True
            continue
        if seen_user and event.get("event") == "slot" and event.get("name") == "pending_question":
            return str(event.get("value") or "none")
    return pending


def send(assistant: RunningAssistant, sender: str, text: str) -> Turn:
    """Send one message and read what the assistant did."""
    replies = assistant.send(sender, text)
    state = tracker(assistant, sender)
    events = state.get("events") or []
    turn_events = last_turn(events)
    responses = [
        str((event.get("metadata") or {}).get("utter_action") or "")
        for event in turn_events
        if event.get("event") == "bot"
    ]
    return Turn(
        responses=responses,
        texts=[str(reply.get("text") or "") for reply in replies],
        slots=dict(state.get("slots") or {}),
        pending_before=pending_before_last(events),
    )


def reflects(theme: str | None, texts: list[str]) -> bool:
    """Whether the reply uses a word that reflects the theme."""
    if not theme or theme not in REFLECT_WORDS:
        return False
    joined = " ".join(texts).lower()
    return any(word in joined for word in REFLECT_WORDS[theme])


def judge(tally: Tally, item_id: str, item: dict[str, Any], turn: Turn, check_reflection: bool) -> None:
    """Count one answered message."""
    tally.messages += 1
    names = set(turn.responses)
    if not turn.texts:
        tally.no_reply.append(item_id)
    if names & MISUNDERSTOOD:
        tally.misunderstood.append(item_id)
    if any(QUESTION_ANSWERS[name] != turn.pending_before for name in names & set(QUESTION_ANSWERS)):
        tally.unasked.append(item_id)
    if item.get("writer") == "zelf" and names & OTHERS_MENU:
        tally.others_menu_to_self.append(item_id)
    if item.get("risk") in ("none", "past"):
        tally.not_acute += 1
        if names & CRISIS:
            tally.crisis_on_not_acute.append(item_id)
    if check_reflection and item.get("main") and item.get("risk") != "acute":
        tally.reflect_scored += 1
        if reflects(item.get("main"), turn.texts):
            tally.reflected.append(item_id)


def measure_part(assistant: RunningAssistant, part: str, transcripts: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the single messages and the conversations of one part."""
    singles, multi = Tally(), Tally()
    for item in load(PARTS[part]):
        sender = f"rv-{uuid.uuid4().hex[:10]}"
        send(assistant, sender, "hoi")
        turn = send(assistant, sender, item["text"])
        judge(singles, item["id"], item, turn, check_reflection=True)
        label = KIND_LABELS.get(item.get("kind", ""))
        if label is not None:
            singles.kind_checked += 1
            if turn.slots.get("loneliness_type") == label:
                singles.kind_right.append(item["id"])
        transcripts.append({"id": item["id"], "user": item["text"], "responses": turn.responses,
                            "assistant": turn.texts})
    for conversation in load(CONVERSATIONS[part]) if CONVERSATIONS[part].exists() else []:
        sender = f"rvc-{uuid.uuid4().hex[:10]}"
        label = KIND_LABELS.get(conversation.get("kind", ""))
        recognised = False
        for index, text in enumerate(conversation["turns"]):
            turn = send(assistant, sender, text)
            turn_id = f"{conversation['id']}#{index + 1}"
            judge(multi, turn_id, conversation, turn, check_reflection=False)
            if index < 4 and label is not None and turn.slots.get("loneliness_type") == label:
                recognised = True  # within three turns after the opening message
            transcripts.append(
                {"id": turn_id, "user": text, "responses": turn.responses, "assistant": turn.texts}
            )
        if label is not None:
            multi.kind_checked += 1
            if recognised:
                multi.kind_right.append(conversation["id"])
    return {"single_messages": singles.summary(), "conversations": multi.summary()}


def measure(workdir: Path, parts: tuple[str, ...] = ("heldout",), model: Path = MODEL) -> dict[str, Any]:
    """Start the assistant and measure the given parts of the real-voices set."""
    assistant = start_assistant(workdir / "real-voices", model=model, api_token=secrets.token_urlsafe(16))
    transcripts: list[dict[str, Any]] = []
    try:
        results = {part: measure_part(assistant, part, transcripts) for part in parts}
    finally:
        assistant.stop()
    logs = "".join(
        (workdir / "real-voices" / name).read_text(errors="replace") for name in ("rasa.log", "actions.log")
    )
    results["tracebacks_in_logs"] = logs.count("Traceback")
    results["circuit_breaker_in_logs"] = logs.count("Circuit breaker tripped")
    results["targets"] = {
        "misunderstood_rate_max": 0.03,
        "unasked_question_replies_max": 0,
        "reflects_main_rate_min": 0.70,
        "kind_recognised_rate_min": 0.70,
    }
    counts = Counter(name for turn in transcripts for name in turn["responses"])
    results["response_counts"] = dict(counts.most_common())
    # Transcripts stay on this machine (var/ is not committed): they hold the set's texts.
    out = ROOT / "var" / f"real_voices_transcripts_{'_'.join(parts)}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(transcripts, ensure_ascii=False, indent=1), encoding="utf-8")
    results["transcripts_file"] = str(out.relative_to(ROOT))
    return results


def main() -> None:
    """`python -m bench.real_voices [development|heldout ...] [--model PATH]`: print the figures."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("parts", nargs="*", default=["heldout"], choices=sorted(PARTS))
    parser.add_argument("--model", type=Path, default=MODEL)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="real-voices-") as tmp:
        print(json.dumps(measure(Path(tmp), tuple(args.parts), args.model), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
