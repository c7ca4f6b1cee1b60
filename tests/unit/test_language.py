"""The assistant's language: no schoolmasterly praise, terms explained, variants, and eenvoudige taal."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.reading import split_sentences
from bot.rasa_ext.nlg import VariedNLG
from tests.support.paths import ROOT
from tests.support.trackers import load_domain
from tests.unit.test_domain_consistency import FREQUENT_RESPONSES, JE_WORDS, U_WORDS

# Praise that sounds like a teacher grading the person, and the phrase once said after "niks".
BANNED_PRAISE = re.compile(
    r"\b(wat knap|knap dat|knap van|trots|goed zo|goed bezig|goed gedaan|wat goed dat|super|geweldig|"
    r"verder bouwen|voortbouwen op)\b",
    re.IGNORECASE,
)
# Spelling: one word (meedoen), and the other split compounds we once wrote.
MISSPELLED = re.compile(r"\b(mee doen|mee denken|mee kijken|mee praten|mee lezen)\b", re.IGNORECASE)
# A term a person may not know is explained in the same text: the term, then words of its explanation.
EXPLAINED_TERMS = {
    "Wmo-loket": "wonen, vervoer en meedoen",
    "sociaal wijkteam": "hulpverleners van de gemeente",
    "netnummer": "14 020",
}
# The 20 most used long responses: each has an eenvoudige-taal variant for every form of address it has.
SIMPLE_RESPONSES = (
    "utter_for_myself", "utter_privacy", "utter_iamabot", "utter_human_options", "utter_scale_intro",
    "utter_network_map_intro", "utter_goodbye", "utter_signals", "utter_reflect_lonely",
    "utter_reflect_isolation", "utter_shame", "utter_huisarts", "utter_offer_scale", "utter_offer_wishes",
    "utter_offer_steps", "utter_door_open", "utter_out_of_scope", "utter_resistance_ask_source",
    "utter_look_back", "utter_look_back_badly",
)
# Eenvoudige taal: short sentences. No sentence in a simple variant is longer than this.
MAX_SIMPLE_SENTENCE_WORDS = 12
CATALOGUE_TEXTS = [ROOT / "data" / "catalogue" / "small_steps.yml"]

Responses = dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="module")
def responses() -> Responses:
    found: Responses = load_domain()["responses"]
    return found


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def all_texts(responses: Responses) -> list[tuple[str, str]]:
    return [(name, variant.get("text") or "") for name, variants in responses.items() for variant in variants]


def conditions(variant: dict[str, Any]) -> dict[str, Any]:
    return {condition["name"]: condition["value"] for condition in variant.get("condition") or []}


def is_simple(variant: dict[str, Any]) -> bool:
    return conditions(variant).get("simple_language") is True


def words_per_sentence(text: str) -> float:
    sentences = split_sentences(text)
    return sum(len(sentence.split()) for sentence in sentences) / len(sentences)


def has_u_form(variants: list[dict[str, Any]]) -> bool:
    return any(conditions(variant).get("address") == "u" for variant in variants)


# --- Plain, warm words ------------------------------------------------------------------------


def test_no_schoolmasterly_praise_in_any_response(responses: Responses) -> None:
    found = [f"{name}: {text[:70]}" for name, text in all_texts(responses) if BANNED_PRAISE.search(text)]
    assert found == []


def test_the_banned_praise_pattern_catches_what_it_should() -> None:
    # Guards the pattern itself: the old texts are caught, plain acknowledgements are not.
    old_texts = (
        "Wat knap dat je er nu over praat.",
        "Daar kunnen we op verder bouwen.",
        "Wat goed dat je dit opmerkt.",
    )
    for old in old_texts:
        assert BANNED_PRAISE.search(old), old
    for plain in ("Fijn dat je het hier vertelt.", "Dat is goed. Jij kiest.", "Dat mag er zijn."):
        assert not BANNED_PRAISE.search(plain), plain


def test_meedoen_is_one_word_everywhere(responses: Responses) -> None:
    found = [f"{name}: {text[:70]}" for name, text in all_texts(responses) if MISSPELLED.search(text)]
    for path in CATALOGUE_TEXTS:
        found += [f"{path.name}: {line.strip()}" for line in path.read_text(encoding="utf-8").splitlines()
                  if MISSPELLED.search(line)]
    assert found == []


@pytest.mark.parametrize("term", sorted(EXPLAINED_TERMS))
def test_terms_are_explained_where_they_appear(term: str, responses: Responses) -> None:
    using = [(name, text) for name, text in all_texts(responses) if term in text]
    assert using, term  # the term is still used somewhere, so the check checks something
    unexplained = [name for name, text in using if EXPLAINED_TERMS[term] not in text]
    assert unexplained == []


# --- Variants ---------------------------------------------------------------------------------


def make_tracker(
    rasa_domain: Domain, address: str, simple: bool, previous: str | None = None
) -> DialogueStateTracker:
    events: list[Any] = [SlotSet("address", address), SlotSet("simple_language", simple)]
    if previous is not None:
        events.append(BotUttered(previous))
    return DialogueStateTracker.from_events("language-test", events, slots=rasa_domain.slots)


FILLERS = {"themes": "verlies en verhuizen", "plan_step_label": "koffie bij de buren"}


async def texts_from_the_nlg(
    rasa_domain: Domain, name: str, address: str, simple: bool, tries: int = 40, in_a_row: bool = True
) -> set[str]:
    """Every text the assistant's generator gives for a response in this state, over many draws.

    In a row, each draw follows the text of the draw before, as when the response is said again.
    """
    nlg = VariedNLG(domain=rasa_domain)
    found: set[str] = set()
    previous: str | None = None
    for _ in range(tries):
        tracker = make_tracker(rasa_domain, address, simple, previous if in_a_row else None)
        response = await nlg.generate(name, tracker, "rest", **FILLERS)
        assert response is not None, name
        previous = response["text"]
        found.add(previous)
    return found


@pytest.mark.parametrize("name", FREQUENT_RESPONSES)
async def test_frequent_responses_vary_in_both_forms_of_address(name: str, rasa_domain: Domain) -> None:
    for address in ("je", "u"):
        said = await texts_from_the_nlg(rasa_domain, name, address, simple=False)
        assert len(said) >= 2, (name, address, said)
        wrong = U_WORDS if address == "je" else JE_WORDS
        assert not [text for text in said if wrong.search(text)], (name, address)


async def test_the_nlg_never_says_the_same_text_twice_in_a_row(rasa_domain: Domain) -> None:
    nlg = VariedNLG(domain=rasa_domain)
    previous = None
    for _ in range(30):
        tracker = make_tracker(rasa_domain, "je", False, previous)
        response = await nlg.generate("utter_reflect_lonely", tracker, "rest")
        assert response is not None and response["text"] != previous
        previous = response["text"]


# --- Eenvoudige taal --------------------------------------------------------------------------


@pytest.mark.parametrize("name", SIMPLE_RESPONSES)
def test_simple_variants_exist_for_every_form_of_address(name: str, responses: Responses) -> None:
    variants = responses[name]
    simple = [variant for variant in variants if is_simple(variant)]
    if has_u_form(variants):
        assert {conditions(variant).get("address") for variant in simple} == {"je", "u"}, name
    else:
        assert simple, name


@pytest.mark.parametrize("name", SIMPLE_RESPONSES)
def test_plain_u_forms_never_mix_with_simple_ones(name: str, responses: Responses) -> None:
    # Rasa pools every conditional variant whose conditions hold, so a plain u-form without
    # "simple_language: false" would also be chosen in eenvoudige taal.
    for variant in responses[name]:
        if conditions(variant).get("address") == "u" and not is_simple(variant):
            assert conditions(variant).get("simple_language") is False, name


@pytest.mark.parametrize("name", SIMPLE_RESPONSES)
def test_simple_variants_keep_placeholders_and_buttons(name: str, responses: Responses) -> None:
    def fields(text: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", text))

    variants = responses[name]
    plain = [variant for variant in variants if not is_simple(variant)]
    for variant in variants:
        if is_simple(variant):
            assert fields(variant["text"]) == fields(plain[0]["text"]), name
            assert variant.get("buttons") == plain[0].get("buttons"), name


def test_simple_variants_have_shorter_sentences(responses: Responses) -> None:
    simple: list[float] = []
    plain: list[float] = []
    for name in SIMPLE_RESPONSES:
        for variant in responses[name]:
            (simple if is_simple(variant) else plain).append(words_per_sentence(variant["text"]))
    assert sum(simple) / len(simple) < 0.75 * sum(plain) / len(plain)


@pytest.mark.parametrize("name", SIMPLE_RESPONSES)
def test_each_simple_variant_is_shorter_than_its_plain_form(
    name: str, responses: Responses
) -> None:
    variants = responses[name]
    plain = [words_per_sentence(variant["text"]) for variant in variants if not is_simple(variant)]
    for variant in variants:
        if is_simple(variant):
            longest = max(len(sentence.split()) for sentence in split_sentences(variant["text"]))
            assert longest <= MAX_SIMPLE_SENTENCE_WORDS, (name, variant["text"])
            assert words_per_sentence(variant["text"]) < min(plain), name


@pytest.mark.parametrize("name", SIMPLE_RESPONSES)
@pytest.mark.parametrize("address", ["je", "u"])
async def test_the_nlg_combines_simple_language_and_address(
    name: str, address: str, rasa_domain: Domain
) -> None:
    variants = load_domain()["responses"][name]
    simple_texts = {variant["text"].format(**FILLERS) for variant in variants if is_simple(variant)}
    wrong = U_WORDS if address == "je" else JE_WORDS

    said_simple = await texts_from_the_nlg(rasa_domain, name, address, simple=True, tries=8, in_a_row=False)
    assert said_simple <= simple_texts, (name, address, said_simple)
    assert not [text for text in said_simple if wrong.search(text)], (name, address)

    said_plain = await texts_from_the_nlg(rasa_domain, name, address, simple=False, tries=8, in_a_row=False)
    assert not said_plain & simple_texts, (name, address)
    assert not [text for text in said_plain if wrong.search(text)], (name, address)


def test_simple_language_is_a_slot_set_by_its_intents(rasa_domain: Domain) -> None:
    slot = next(slot for slot in rasa_domain.slots if slot.name == "simple_language")
    assert slot.initial_value is False and not slot.influence_conversation
    mappings = {(mapping["intent"], mapping["value"]) for mapping in slot.mappings}
    assert mappings == {("simple_language", True), ("normal_language", False)}


def test_the_request_is_confirmed_by_a_rule(rasa_domain: Domain) -> None:
    rules = yaml.safe_load((ROOT / "data" / "rules" / "language.yml").read_text(encoding="utf-8"))["rules"]
    pairs = {(rule["steps"][0]["intent"], rule["steps"][1]["action"]) for rule in rules}
    assert pairs == {
        ("simple_language", "utter_simple_language_on"),
        ("normal_language", "utter_simple_language_off"),
    }
    for _, action in pairs:
        assert action in rasa_domain.responses


def test_the_welcome_says_how_to_ask_for_simple_language(responses: Responses) -> None:
    assert all("eenvoudige taal" in variant["text"] for variant in responses["utter_welcome"])


def test_nlu_examples_are_about_the_assistants_words() -> None:
    nlu = yaml.safe_load(Path(ROOT / "data" / "nlu" / "language.yml").read_text(encoding="utf-8"))["nlu"]
    examples = {
        block["intent"]: [line[2:] for line in block["examples"].splitlines() if line.startswith("- ")]
        for block in nlu
    }
    assert len(examples["simple_language"]) >= 20 and len(examples["normal_language"]) >= 8
    # "gewoon even praten" is light talk, not a language choice: every normal_language example names
    # the language, the words, the sentences or the writing.
    names_the_language = re.compile(r"taal|woorden|zinnen|schrijf|schrijven|moeilijker")
    assert all(names_the_language.search(text) for text in examples["normal_language"])
