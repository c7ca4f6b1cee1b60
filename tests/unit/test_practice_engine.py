"""The practice persona engine: personas, trust and layers, resistance, steps, no repeated lines."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bot.practice import engine
from bot.practice.engine import GUIDE_PREFIX, PERSONA_PREFIX, PracticeState, respond, start, threshold
from bot.practice.personas import HIDDEN_LAYERS, LAYERS, load_personas, persona_by_id
from bot.practice.setup import read_focus, read_persona

OPEN = ["open_question"]
REFLECT = ["reflection"]
SUMMARY = ["summary"]
CLOSED = ["closed_question"]
ADVICE = ["advice"]
REQUIRED = {"noor", "henk", "ruud", "ria", "amira", "daan", "els", "gerrit"}


def said(state: PracticeState, *turns: tuple[str, list[str]]) -> tuple[PracticeState, list[str]]:
    """Play turns with explicit labels; the persona's lines."""
    lines = []
    for text, labels in turns:
        state, line = respond(state, text, labels)
        lines.append(line)
    return state, lines


def listen_until_open(state: PracticeState, layer: str, limit: int = 30) -> PracticeState:
    """Open questions and reflections until the layer is open (and, for the talents, the step could be)."""
    for turn in range(limit):
        ready = layer != "talents" or state["trust"] >= threshold(state, "step")
        if layer in state["opened"] and ready:
            return state
        labels = REFLECT if turn % 2 else OPEN
        state, _ = respond(state, f"Hoe is dat voor u, vertel eens ({turn})", labels)
    raise AssertionError(f"{layer} never opened")


class TestPersonas:
    def test_the_eight_personas_of_the_issue_exist(self) -> None:
        assert REQUIRED <= set(load_personas())

    @pytest.mark.parametrize("persona_id", sorted(REQUIRED))
    def test_each_has_a_card_layers_and_short_answers(self, persona_id: str) -> None:
        persona = persona_by_id(persona_id)
        assert persona.public_intro and persona.card.causes and persona.card.wishes and persona.card.talents
        assert all(len(persona.layers[layer]) >= 3 for layer in LAYERS[:-1])
        assert persona.steps and all(step.says and step.accept for step in persona.steps)
        assert len(persona.lines("resistance")) >= 3
        assert all(len(answer.split()) <= 8 for answer in persona.closed["default"])

    def test_simple_language_personas_speak_simply(self) -> None:
        simple = [p for p in load_personas().values() if p.simple_language]
        assert {p.id for p in simple} == {"amira", "daan"}
        for persona in simple:
            for layer in LAYERS[:-1]:
                for line in persona.layers[layer]:
                    sentences = [s for s in line.replace("?", ".").replace("!", ".").split(".") if s.strip()]
                    assert max(len(s.split()) for s in sentences) <= 12, line

    def test_the_huisarts_persona_wants_the_huisarts(self) -> None:
        assert persona_by_id("gerrit").card.referral == "huisarts"
        assert sum(p.card.referral == "huisarts" for p in load_personas().values()) == 1


class TestState:
    def test_state_is_plain_json_and_respond_does_not_change_it(self) -> None:
        state = start("henk", seed=1)
        before = json.dumps(state, sort_keys=True)
        new, line = respond(state, "Hoe gaat het met u?", OPEN)
        assert json.dumps(state, sort_keys=True) == before
        assert json.loads(json.dumps(new)) == new
        assert new["turns"][0]["text"] == "Hoe gaat het met u?"
        assert line.startswith(f"{PERSONA_PREFIX} Henk: ")

    def test_every_persona_line_is_marked(self) -> None:
        for persona_id in REQUIRED:
            state, first = engine.opening(start(persona_id, seed=2))
            assert first.startswith(f"{PERSONA_PREFIX} {persona_by_id(persona_id).name}: ")
            _, lines = said(state, ("Vertel eens", OPEN), ("Je moet naar de club", ADVICE), ("Ja?", CLOSED))
            assert all(line.startswith(f"{PERSONA_PREFIX} ") for line in lines)

    def test_unknown_persona(self) -> None:
        with pytest.raises(KeyError):
            start("niemand")


class TestTrustAndLayers:
    def test_listening_builds_trust_and_opens_layers_in_order(self) -> None:
        state = start("ria", seed=3)
        state, _ = said(state, ("Hoe ziet uw dag eruit?", OPEN))
        assert state["opened"] == ["situation"] and state["trust"] == 1.0
        state, _ = said(state, ("Dat klinkt zwaar.", REFLECT), ("Dus u zorgt dag en nacht.", SUMMARY))
        assert state["trust"] == 4.5
        assert state["opened"] == ["situation", "feeling", "causes"]

    def test_a_topical_question_does_not_skip_layers(self) -> None:
        state, _ = said(start("henk", seed=4), ("Waar bent u goed in?", ["open_question", "ask_talent"]))
        assert state["opened"] == ["situation"]

    def test_closed_questions_get_short_answers_and_open_nothing(self) -> None:
        state = start("henk", seed=5)
        for number in range(12):
            state, line = respond(state, f"Heeft u kinderen? ({number})", ["closed_question", "ask_network"])
            if line.startswith(GUIDE_PREFIX):
                break
            assert len(line.split(": ", 1)[1].split()) <= 12
        assert state["opened"] == []
        assert state["trust"] == 0.0

    def test_more_resistance_needs_more_trust(self) -> None:
        assert threshold(start("els", "meer"), "feeling") > threshold(start("els", "minder"), "feeling")
        turns = {}
        for level in ("meer", "normaal", "minder"):
            state = start("els", level, seed=6)
            count = 0
            while "talents" not in state["opened"]:
                state, _ = respond(state, "Vertel eens.", OPEN)
                count += 1
            turns[level] = count
        assert turns["meer"] > turns["normaal"] > turns["minder"]


class TestResistance:
    def test_advice_before_trust_brings_resistance_in_own_words(self) -> None:
        persona = persona_by_id("ruud")
        state, lines = said(start("ruud", seed=7), ("Je moet gewoon gaan solliciteren.", ADVICE))
        assert state["advice_before_trust"] == 1 and state["trust"] < 0
        own_words = set(persona.lines("resistance")) | {wire.says for wire in persona.tripwires}
        assert lines[0].split(": ", 1)[1] in own_words

    def test_je_moet_is_pushing_even_without_the_advice_label(self) -> None:
        state, _ = said(start("henk", seed=8), ("U moet eens naar buiten", OPEN))
        assert state["advice_before_trust"] == 1

    def test_a_tripwire_gets_its_own_line(self) -> None:
        state, lines = said(start("ria", seed=9), ("Kees kan toch naar het verpleeghuis?", ADVICE))
        assert "verpleeghuis" in lines[0]

    def test_listening_after_resistance_finds_where_it_comes_from(self) -> None:
        persona = persona_by_id("henk")
        state, lines = said(start("henk", seed=10), ("U moet naar de soos.", ADVICE),
                            ("Ik hoor dat u daar geen zin in heeft.", REFLECT))
        assert lines[1].split(": ", 1)[1] in persona.lines("resistance_explained")
        assert state["resistance_listened"] == 1

    def test_asking_head_on_too_early_is_deflected(self) -> None:
        state, lines = said(start("henk", seed=11), ("Bent u eenzaam?", CLOSED))
        assert state["head_on"] == 1
        assert lines[0].split(": ", 1)[1] in persona_by_id("henk").lines("head_on")

    def test_too_hard_language_confuses_a_persona_that_needs_simple_words(self) -> None:
        long_turn = (
            "Zou je het misschien prettig vinden om eens samen te onderzoeken welke mogelijkheden er zijn?"
        )
        state, lines = said(start("daan", seed=12), (long_turn, OPEN))
        assert state["confused"] == 1 and state["opened"] == []
        assert lines[0].split(": ", 1)[1] in persona_by_id("daan").lines("confused")


class TestSteps:
    def test_the_persona_takes_only_a_step_it_named_itself(self) -> None:
        henk = persona_by_id("henk")
        state = listen_until_open(start("henk", seed=13), "talents")
        state, lines = said(state, ("Zal ik u opgeven voor de wandelgroep?", ["propose_step"]))
        assert state["step_chosen"] is None and state["steps_pushed"] == 1
        assert lines[0].split(": ", 1)[1] in henk.lines("not_mine")
        if state["step_named"] is None:
            state, lines = said(state, ("Wat zou u zelf willen proberen?", ["open_question", "propose_step"]))
            named = henk.step(str(state["step_named"]))
            assert named is not None and lines[0].endswith(named.says)
        named = henk.step(str(state["step_named"]))
        assert named is not None and f"step:{named.id}#0" in state["used"]  # the persona said it first
        state, lines = said(state, ("Dat klinkt als een mooi plan.", REFLECT))
        assert state["step_chosen"] == named.id and lines[0].endswith(named.accept)

    def test_a_step_pushed_before_trust_is_resisted(self) -> None:
        push = ("Zullen we u aanmelden bij de wandelgroep?", ["propose_step"])
        state, _ = said(start("els", seed=14), push)
        assert state["resistance_events"] == 1 and state["step_chosen"] is None


class TestOtherTurns:
    def test_asking_about_suicidal_thoughts_is_answered_and_remembered(self) -> None:
        state, lines = said(start("gerrit", seed=15),
                            ("Heeft u weleens gedachten aan zelfmoord?", ["ask_suicide", "closed_question"]))
        assert state["asked_suicide"]
        assert lines[0].split(": ", 1)[1] in persona_by_id("gerrit").lines("suicide")

    def test_a_huisarts_referral_after_trust_is_taken_and_too_early_is_not(self) -> None:
        early, _ = said(start("gerrit", seed=16), ("Ga naar de huisarts.", ["advice", "referring"]))
        assert early["referral"] == "early" and early["resistance_events"] == 1
        state = listen_until_open(start("gerrit", seed=16), "causes")
        state, lines = said(state, ("Zou u met de huisarts willen praten?", ["propose_step", "referring"]))
        assert state["referral"] == "fitting" and state["referral_accepted"]

    def test_no_persona_line_repeats(self) -> None:
        script = [OPEN, REFLECT, CLOSED, ADVICE, SUMMARY, ["normalising"], ["other"], ["propose_step"],
                  ["open_question", "ask_wish"], ["referring"], ["ask_suicide"], CLOSED]
        for persona_id in REQUIRED:
            state = start(persona_id, seed=17)
            state, first = engine.opening(state)
            persona_lines = [first]
            for turn in range(80):
                state, line = respond(state, f"beurt {turn}", script[turn % len(script)])
                if line.startswith(PERSONA_PREFIX):
                    persona_lines.append(line)
            repeated = [line for line, count in Counter(persona_lines).items() if count > 1]
            assert not repeated, (persona_id, repeated)
            assert state["exhausted"]

    def test_hidden_layers_need_more_than_the_situation(self) -> None:
        assert HIDDEN_LAYERS == ("feeling", "causes", "wishes", "talents", "step")


class TestWithTheClassifier:
    """End to end with the real turn classifier (bot/practice/turn_labels.py)."""

    def test_a_short_conversation_with_henk(self) -> None:
        state, _ = engine.opening(start("henk", seed=18))
        state, _ = respond(state, "Hoe ziet een gewone dag er voor u uit?")
        state, _ = respond(state, "Dat klinkt als een stille tijd.")
        assert state["opened"][:2] == ["situation", "feeling"]
        state, line = respond(state, "U moet gewoon naar de bingo gaan.")
        assert state["advice_before_trust"] == 1
        assert "eenzamer" in line  # Henk's own words about a crowd he cannot hear

    def test_the_turns_keep_the_classifier_labels(self) -> None:
        state, _ = respond(start("noor", seed=19), "Wat zou je graag anders willen?")
        assert "ask_wish" in state["turns"][0]["labels"]


class TestSetup:
    def test_focus_from_button_or_words(self) -> None:
        assert read_focus("Omgaan met weerstand") == "weerstand"
        assert read_focus("ik vind het lastig om erover te beginnen") == "beginnen"
        assert read_focus("Weet ik nog niet") == "weet_niet"

    def test_persona_by_summary_name_or_for_me(self) -> None:
        henk = persona_by_id("henk")
        assert read_persona(henk.summary) == henk
        assert read_persona("ik kies ruud") == persona_by_id("ruud")
        chosen = read_persona("Kies jij maar", "weerstand")
        assert chosen is not None and chosen.id in ("henk", "ruud")
        assert read_persona("geen idee wie") is None
