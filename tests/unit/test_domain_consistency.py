from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import string
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from rasa_sdk import Action, FormValidationAction

import actions
from actions.common import OFFER_RESPONSE
from actions.welcome import CARRIED_SLOTS
from actions.wishes import WISH_SLOTS
from bot.conversation.listening import CAUSE_PATTERNS, INTEREST_PATTERNS, Duration, LonelinessType
from bot.conversation.reading import FEELING_PATTERNS
from bot.conversation.resistance import Source
from bot.conversation.scale import ITEMS, Band
from bot.conversation.steps import STEPS_FILE
from tests.support.paths import ROOT
from tests.support.trackers import load_domain

ACTIONS_DIR = ROOT / "actions"
ACTION_FILES = sorted(ACTIONS_DIR.glob("*.py"))
# Modules in bot/ that name responses for the actions (the listening reply is planned there).
RESPONSE_SOURCES = [*ACTION_FILES, ROOT / "bot" / "conversation" / "reflection.py"]
KINDS = {"social", "emotional", "existential"}

# f"utter_<family>_{...}" in the actions, and every value each family can take.
FAMILIES: dict[str, set[str]] = {
    "utter_reflect_cause_": set(CAUSE_PATTERNS),
    "utter_reflect_duration_": set(get_args(Duration)),
    "utter_reflect_feeling_": set(FEELING_PATTERNS),
    "utter_scale_result_": set(get_args(Band)),
    "utter_resistance_": set(get_args(Source)),
}


@pytest.fixture(scope="module")
def domain_dict() -> dict[str, Any]:
    return load_domain()


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def literal_responses() -> set[str]:
    """Every complete "utter_..." string literal in actions/*.py and the reply planner."""
    found: set[str] = set()
    for path in RESPONSE_SOURCES:
        found |= set(re.findall(r"""(?<![\w{])["'](utter_[a-z0-9_]+)["']""", source(path)))
    return found - {"utter_action"}  # Rasa's metadata key on bot events, not a response


def fstring_families() -> set[str]:
    """The prefixes of f-strings that build a response name, e.g. f"utter_scale_result_{...}"."""
    found: set[str] = set()
    for path in RESPONSE_SOURCES:
        found |= set(re.findall(r"""\bf["'](utter_[a-z0-9_]*)\{""", source(path)))
    return found


def action_classes() -> list[type[Action]]:
    classes: dict[str, type[Action]] = {}
    for module_info in pkgutil.iter_modules(actions.__path__):
        module = importlib.import_module(f"actions.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == module.__name__ and not inspect.isabstract(cls):
                classes[cls.__qualname__] = cls
    return list(classes.values())


def calls(func_name: str) -> list[ast.Call]:
    """Calls of a function or method named `func_name` in actions/*.py."""
    found: list[ast.Call] = []
    for path in ACTION_FILES:
        for node in ast.walk(ast.parse(source(path))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name == func_name:
                    found.append(node)
    return found


def first_string_arg(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


# --- Responses -------------------------------------------------------------------------------


def test_the_scan_finds_the_responses() -> None:
    # Guards against a regex that silently finds nothing.
    found = literal_responses()
    assert len(found) > 30
    assert {"utter_crisis", "utter_rephrase", "utter_offer_scale", "utter_plan_summary"} <= found


def test_every_literal_response_exists(domain_dict: dict[str, Any]) -> None:
    missing = sorted(literal_responses() - set(domain_dict["responses"]))
    assert missing == []


def test_the_only_fstring_families_are_known() -> None:
    # A new f-string family must be added to FAMILIES so that its names are checked.
    assert fstring_families() == set(FAMILIES)


@pytest.mark.parametrize("prefix", sorted(FAMILIES))
def test_every_family_response_exists(prefix: str, domain_dict: dict[str, Any]) -> None:
    assert FAMILIES[prefix]
    missing = sorted(
        f"{prefix}{value}" for value in FAMILIES[prefix] if f"{prefix}{value}" not in domain_dict["responses"]
    )
    assert missing == []


def test_offer_responses_exist(domain_dict: dict[str, Any]) -> None:
    assert set(OFFER_RESPONSE.values()) <= set(domain_dict["responses"])


def response_placeholders(domain_dict: dict[str, Any]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for name, variants in domain_dict["responses"].items():
        fields: set[str] = set()
        for variant in variants:
            text = variant.get("text") or ""
            fields |= {field for _, field, _, _ in string.Formatter().parse(text) if field}
        result[name] = fields
    return result


def test_placeholders_are_filled_by_the_action_or_a_slot(domain_dict: dict[str, Any]) -> None:
    """Each `utter_message(response="x", k=v)`: x's {placeholders} are in the kwargs or slots."""
    placeholders = response_placeholders(domain_dict)
    slots = set(domain_dict["slots"])
    checked = 0
    for call in calls("utter_message"):
        keywords = {kw.arg: kw.value for kw in call.keywords if kw.arg}
        response = keywords.get("response")
        if not (isinstance(response, ast.Constant) and isinstance(response.value, str)):
            continue
        missing = placeholders[response.value] - set(keywords) - slots
        assert missing == set(), (response.value, missing)
        checked += 1
    assert checked > 20


def test_kwargs_passed_to_a_response_are_used_by_it(domain_dict: dict[str, Any]) -> None:
    placeholders = response_placeholders(domain_dict)
    for call in calls("utter_message"):
        keywords = {kw.arg: kw.value for kw in call.keywords if kw.arg}
        response = keywords.get("response")
        passed = set(keywords) - {"response", "buttons", "json_message"}  # json_message: a custom payload
        if isinstance(response, ast.Constant) and passed:
            assert passed <= placeholders[response.value], (response.value, passed)


# --- Actions ---------------------------------------------------------------------------------


def test_every_action_class_is_in_the_domain(domain_dict: dict[str, Any]) -> None:
    classes = action_classes()
    assert len(classes) >= 15
    listed = set(domain_dict["actions"])
    for cls in classes:
        action = cls()
        if isinstance(action, FormValidationAction):
            assert action.form_name() in domain_dict["forms"], cls.__name__
        assert action.name() in listed, cls.__name__


def test_every_custom_action_in_the_domain_is_implemented(domain_dict: dict[str, Any]) -> None:
    implemented = {cls().name() for cls in action_classes()}
    assert set(domain_dict["actions"]) == implemented


def test_action_names_are_unique() -> None:
    names = [cls().name() for cls in action_classes()]
    assert len(names) == len(set(names))


# --- Slots -----------------------------------------------------------------------------------


def test_slots_set_by_the_actions_exist(domain_dict: dict[str, Any]) -> None:
    names = {first_string_arg(call) for call in calls("SlotSet")} - {None}
    names |= set(CARRIED_SLOTS) | set(WISH_SLOTS) | set(ITEMS) | {"pending_question"}
    assert len(names) > 20
    missing = sorted(names - set(domain_dict["slots"]) - {"requested_slot"})
    assert missing == []


def test_pending_values_are_allowed_by_the_domain(domain_dict: dict[str, Any]) -> None:
    values = {first_string_arg(call) for call in calls("set_pending")} - {None}
    values |= set(OFFER_RESPONSE)
    assert values == set(domain_dict["slots"]["pending_question"]["values"])


@pytest.mark.parametrize(
    ("slot", "values"),
    [
        ("loneliness_type", set(get_args(LonelinessType))),
        ("duration", set(get_args(Duration))),
        ("scale_band", set(get_args(Band))),
    ],
)
def test_categorical_values_match_the_code(slot: str, values: set[str], domain_dict: dict[str, Any]) -> None:
    assert set(domain_dict["slots"][slot]["values"]) == values


def test_scale_form_asks_the_scored_items_in_order(domain_dict: dict[str, Any]) -> None:
    assert tuple(domain_dict["forms"]["loneliness_scale_form"]["required_slots"]) == ITEMS
    for item in ITEMS:
        assert f"utter_ask_{item}" in domain_dict["responses"]


def test_wishes_form_asks_the_wish_slots(domain_dict: dict[str, Any]) -> None:
    assert tuple(domain_dict["forms"]["wishes_form"]["required_slots"]) == WISH_SLOTS


# --- Catalogue -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_steps() -> list[dict[str, Any]]:
    return yaml.safe_load(STEPS_FILE.read_text(encoding="utf-8"))["steps"]


def test_every_step_fits_known_kinds(raw_steps: list[dict[str, Any]]) -> None:
    assert raw_steps
    for step in raw_steps:
        assert step["fits"], step["id"]
        assert set(step["fits"]) <= KINDS, step["id"]


def test_every_kind_has_steps(raw_steps: list[dict[str, Any]]) -> None:
    for kind in KINDS:
        assert sum(kind in step["fits"] for step in raw_steps) >= 3, kind


def test_step_interests_and_causes_are_known(raw_steps: list[dict[str, Any]]) -> None:
    for step in raw_steps:
        assert set(step.get("interests", [])) <= set(INTEREST_PATTERNS), step["id"]
        assert set(step.get("causes", [])) <= set(CAUSE_PATTERNS), step["id"]


def test_step_ids_are_unique_and_payload_safe(raw_steps: list[dict[str, Any]]) -> None:
    step_ids = [step["id"] for step in raw_steps]
    assert len(step_ids) == len(set(step_ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", step_id) for step_id in step_ids)


def test_step_entity_is_in_the_domain(domain_dict: dict[str, Any]) -> None:
    assert "step" in domain_dict["entities"]
    assert "choose_step" in domain_dict["intents"]


# --- The person's form of address ("u" is mirrored) ------------------------------------------------

JE_WORDS = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
U_WORDS = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)
ADDRESS_STATES = [
    {"address": address, "role": role, "loneliness_type": kind, "simple_language": simple}
    for address in ("je", "u")
    for role in (None, "self", "other", "professional")
    for kind in (None, "social", "emotional", "existential")
    for simple in (False, True)  # eenvoudige taal (domain/language.yml)
]


def matching_variants(variants: list[dict[str, Any]], slots: dict[str, Any]) -> list[dict[str, Any]]:
    """The variants Rasa may choose from in this state (its rule: matching conditionals, else defaults)."""
    conditional = [
        variant
        for variant in variants
        if variant.get("condition")
        and all(slots.get(c["name"]) == c["value"] for c in variant["condition"])
    ]
    return conditional or [variant for variant in variants if not variant.get("condition")]


def test_every_response_follows_the_persons_form_of_address(domain_dict: dict[str, Any]) -> None:
    wrong: list[str] = []
    for name, variants in domain_dict["responses"].items():
        for slots in ADDRESS_STATES:
            for variant in matching_variants(variants, slots):
                text = variant.get("text", "")
                # The u-form uses no je-words; the je-form uses no u-words.
                if JE_WORDS.search(text) if slots["address"] == "u" else U_WORDS.search(text):
                    wrong.append(f"{name} ({slots['address']}, role {slots['role']}): {text[:60]}")
    assert sorted(set(wrong)) == []


# The responses the assistant says most (reflections, open questions, the answers to an offer, greeting
# and goodbye, resistance, the scale, the look-back): each form of address has at least two variants,
# so that the person does not read the same sentence again and again (bot/rasa_ext/nlg.py).
FREQUENT_RESPONSES = (
    "utter_reflect_lonely", "utter_reflect_sad", "utter_reflect_isolation", "utter_reflect_go_on",
    "utter_reflect_long", "utter_reflect_many", "utter_reflect_duration_recent",
    "utter_reflect_duration_months", "utter_reflect_duration_years", "utter_reflect_cause_loss",
    "utter_reflect_feeling_verdriet", "utter_ask_heaviest", "utter_ask_miss_most", "utter_ask_tell_more",
    "utter_ask_who_still_there", "utter_ask_ordinary_week", "utter_ask_own_view", "utter_ask_meaning",
    "utter_listen_summary", "utter_light_talk", "utter_ok_listen", "utter_door_open",
    "utter_offer_declined", "utter_thank", "utter_welcome_back", "utter_goodbye", "utter_resistance_accept",
    "utter_resistance_ask_source", "utter_scale_invalid", "utter_look_back", "utter_look_back_how",
    "utter_rephrase", "utter_out_of_scope", "utter_shame", "utter_iamabot",
)
PLAIN_STATES = [{"address": address, "role": None, "simple_language": False} for address in ("je", "u")]


@pytest.mark.parametrize("name", FREQUENT_RESPONSES)
def test_frequent_responses_have_two_variants_per_form_of_address(
    name: str, domain_dict: dict[str, Any]
) -> None:
    variants = domain_dict["responses"][name]
    for slots in PLAIN_STATES:
        texts = {variant["text"] for variant in matching_variants(variants, slots)}
        assert len(texts) >= 2, (name, slots["address"], texts)
