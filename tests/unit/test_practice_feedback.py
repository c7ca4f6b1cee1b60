"""Practice feedback: scripted trainees with the real turn classifier, the scores, and the score card."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from bot.conversation.cards import card_payload
from bot.practice import engine
from bot.practice.engine import PracticeState, respond, start
from bot.practice.feedback import PHASES, build_feedback, feedback_messages
from bot.practice.personas import HIDDEN_LAYERS, Persona, load_personas
from bot.practice.score_card import FILENAME, score_card

PERSONAS = sorted(load_personas())
SVG = "{http://www.w3.org/2000/svg}"


GOOD_U = [
    "Hoe gaat het met u, de laatste tijd?",
    "Hoe ziet een gewone dag er voor u uit?",
    "Dat klinkt als een stille tijd.",
    "Wat mist u het meest?",
    "Veel mensen voelen dat weleens, u bent niet de enige.",
    "Hoe komt het, denkt u, dat het zo gelopen is?",
    "Dus als ik het goed begrijp: u bent veel alleen en u mist echt contact.",
    "Wat zou u graag anders willen?",
    "Waar bent u goed in?",
    "Wat zou u zelf als eerste kleine stap willen doen?",
    "Dat klinkt als een goed plan. Wat heeft u daarvoor nodig?",
    "Mag ik vragen: heeft u weleens gedachten aan zelfmoord?",
    "Zal ik volgende week weer langskomen om te horen hoe het ging?",
]
GOOD_JE = [
    "Hoe gaat het met je, de laatste tijd?",
    "Hoe ziet een gewone dag er voor je uit?",
    "Dat klinkt als een stille tijd.",
    "Wat mis je het meest?",
    "Veel mensen voelen dat weleens, je bent niet de enige.",
    "Hoe komt het, denk je, dat het zo gelopen is?",
    "Dus als ik het goed begrijp: je bent veel alleen en je mist echt contact.",
    "Wat zou je graag anders willen?",
    "Waar ben je goed in?",
    "Wat zou je zelf als eerste kleine stap willen doen?",
    "Dat klinkt als een goed plan. Wat heb je daarvoor nodig?",
    "Mag ik vragen: heb je weleens gedachten aan zelfmoord?",
    "Zal ik volgende week weer langskomen om te horen hoe het ging?",
]
GOOD_SIMPLE = [
    "Hoe gaat het met je?", "Wat doe je op een dag?", "Dat klinkt stil.", "Wat mis je?",
    "Veel mensen voelen dat. Dat is normaal.", "Hoe komt dat, denk je?",
    "Dus je bent veel alleen. En je mist contact.", "Wat wil je graag?", "Waar ben je goed in?",
    "Wat wil je zelf proberen?", "Goed plan. Wat heb je nodig?", "Denk je weleens aan zelfmoord?",
    "Zal ik volgende week terugkomen?",
]
REFERRALS = {
    "huisarts": "Zou {you} het goed vinden om hierover met de huisarts te praten?",
    "local": "Er is in de buurt ook een vrijwilliger die mee kan gaan, als {you} dat wilt.",
}


def good_script(persona: Persona) -> list[str]:
    """Open questions, reflections, normalising, a summary, wishes and talents; the persona chooses.

    It ends by looking ahead and with a referral that fits (short sentences for simple language).
    """
    if persona.simple_language:
        simple = {"amira": "Er is een taalcafe in de bieb.", "daan": "Mark kan een maatje zoeken."}
        return [*GOOD_SIMPLE, simple[persona.id]]
    script = GOOD_U if persona.address == "u" else GOOD_JE
    return [*script, REFERRALS[persona.card.referral].format(you=persona.address)]


ADVICE_FIRST = [
    "Hallo, ik kom even kennismaken.",
    "Je moet echt wat vaker de deur uit gaan.",
    "Waarom ga je niet naar het buurthuis?",
    "Ben je eenzaam?",
    "Ik zou gewoon een hobby zoeken.",
    "Er is bingo op dinsdag, daar moet je heen.",
    "Zal ik je aanmelden bij een maatje?",
    "Je moet niet de hele dag binnen zitten.",
    "Kom op, gewoon proberen.",
    "Zullen we afspreken dat je dinsdag gaat?",
    "Ga anders naar de huisarts.",
    "Je moet er zelf wat aan doen.",
]
CLOSED_ONLY = [
    "Heb je kinderen?", "Woon je hier al lang?", "Gaat het goed met je?", "Komt er weleens iemand langs?",
    "Voel je je weleens alleen?", "Heb je hobby's?", "Zou je iets willen veranderen?", "Ben je tevreden?",
    "Slaap je goed?", "Heb je vrienden?", "Ben je weleens verdrietig?", "Doe je aan sport?",
]


def play(persona_id: str, script: list[str], resistance: str = "normaal") -> PracticeState:
    state, _ = engine.opening(start(persona_id, resistance, seed=21))
    for line in script:
        state, _ = respond(state, line)
    return state


@pytest.fixture(scope="module")
def played() -> dict[str, dict[str, PracticeState]]:
    personas = load_personas()
    return {
        pid: {
            "good": play(pid, good_script(personas[pid])),
            "advice": play(pid, ADVICE_FIRST),
            "closed": play(pid, CLOSED_ONLY),
        }
        for pid in PERSONAS
    }


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_a_good_trainee_scores_clearly_higher_than_an_advice_first_trainee(
    persona_id: str, played: dict[str, dict[str, PracticeState]]
) -> None:
    good = build_feedback(played[persona_id]["good"])
    advice = build_feedback(played[persona_id]["advice"])
    assert good.overall >= 8, good.phases
    assert good.overall - advice.overall >= 5
    assert advice.advice_before_trust >= 3
    assert all(g.points >= a.points for g, a in zip(good.phases, advice.phases, strict=True))


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_a_closed_questions_only_trainee_never_opens_the_hidden_layers(
    persona_id: str, played: dict[str, dict[str, PracticeState]]
) -> None:
    state = played[persona_id]["closed"]
    assert not set(HIDDEN_LAYERS) & set(state["opened"])
    assert state["counts"].get("closed_question", 0) >= 10
    easy = play(persona_id, CLOSED_ONLY, "minder")
    assert not set(HIDDEN_LAYERS) & set(easy["opened"])


@pytest.mark.parametrize("level", ["meer", "minder"])
def test_the_good_trainee_wins_at_every_resistance_level(level: str) -> None:
    personas = load_personas()
    for pid in PERSONAS:
        good = build_feedback(play(pid, good_script(personas[pid]), level))
        advice = build_feedback(play(pid, ADVICE_FIRST, level))
        assert good.overall - advice.overall >= 4, (pid, level)


def test_the_feedback_says_what_it_must(played: dict[str, dict[str, PracticeState]]) -> None:
    state = played["henk"]["advice"]
    feedback = build_feedback(state, focus="weerstand")
    text = "\n".join(feedback_messages(feedback))
    assert re.search(r"\b([1-9]|10) van de 10\b", text)
    assert [phase.title for phase in feedback.phases] == [title for _, title in PHASES]
    assert f"{feedback.advice_before_trust} keer advies voordat er vertrouwen was" in text
    assert "gesloten vra" in text and "open vra" in text
    # The card against what was found: Henk's wishes were never heard.
    assert "Nog niet gevonden: wensen" in text
    # Two of the trainee's own lines, each with a better line.
    assert len(feedback.better_lines) == 2
    own = {turn["text"] for turn in state["turns"]}
    assert all(line.said in own and line.better and line.better not in own for line in feedback.better_lines)
    assert any("Beter:" in message for message in feedback_messages(feedback))
    # A tip for every weak phase, and the chosen focus named.
    weak = [phase for phase in feedback.phases if phase.points <= 1]
    assert weak and len(feedback.tips) == len(weak)
    assert "omgaan met weerstand" in text
    assert "zelfmoord" not in text  # not asked, so not credited


def test_asking_about_suicidal_thoughts_is_credited(played: dict[str, dict[str, PracticeState]]) -> None:
    state = played["gerrit"]["good"]
    assert state["asked_suicide"]
    feedback = build_feedback(state)
    assert any("gedachten aan zelfmoord" in message for message in feedback_messages(feedback))
    without = dict(state, asked_suicide=False)
    assert build_feedback(without).overall <= feedback.overall  # type: ignore[arg-type]


def test_the_huisarts_persona_needs_the_huisarts(played: dict[str, dict[str, PracticeState]]) -> None:
    good = build_feedback(played["gerrit"]["good"])
    local = build_feedback(play("gerrit", [*good_script(load_personas()["gerrit"])[:-1],
                                          "Er is een buurthuis met leuke activiteiten, als u wilt."]))
    points = {phase.key: phase.points for phase in good.phases}
    assert points["samenwerken"] == 3
    assert {phase.key: phase.points for phase in local.phases}["samenwerken"] >= 1


class TestScoreCard:
    def test_the_card_is_an_accessible_svg_with_a_text_alternative(
        self, played: dict[str, dict[str, PracticeState]]
    ) -> None:
        feedback = build_feedback(played["ria"]["good"])
        card = score_card(feedback)
        root = ET.fromstring(card["svg"])
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and desc is not None
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert f"{feedback.overall} van de 10" in (title.text or "")
        lines = card["text"].split("\n")
        assert lines[0] == card["title"]
        assert all(any(line.startswith(phase.title) for line in lines) for phase in feedback.phases)

    def test_the_payload_has_the_agreed_shape_and_no_trainee_text(
        self, played: dict[str, dict[str, PracticeState]]
    ) -> None:
        state = played["noor"]["good"]
        payload = card_payload(score_card(build_feedback(state)))
        assert set(payload) == {"card"}
        assert set(payload["card"]) == {"kind", "title", "svg", "text", "filename"}
        assert payload["card"]["kind"] == "practice_score" and payload["card"]["filename"] == FILENAME
        assert payload["card"]["svg"].startswith("<svg")
        for turn in state["turns"]:
            assert turn["text"] not in payload["card"]["svg"] and turn["text"] not in payload["card"]["text"]
