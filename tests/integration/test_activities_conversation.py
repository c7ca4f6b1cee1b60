"""Local activities over the REST channel, with the real servers and the seeded example data."""

from __future__ import annotations

import pytest

from tests.support.rest import age_conversation, new_sender, payloads, texts
from tests.support.servers import RunningAssistant

pytestmark = pytest.mark.integration


def test_walking_group_in_enschede_chosen_and_asked_about_on_return(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "hoi")
    assistant.send(sender, "/for_myself")
    replies = assistant.send(sender, "Ik zoek een wandelgroep in Enschede")
    said = texts(replies)
    assert "Enschede" in said and "[Voorbeeld]" in said and "bestaan niet echt" in said
    assert said.count("Waarom dit past:") == 3
    choices = [p for p in payloads(replies) if p.startswith('/choose_step{"step": "activity:')]
    assert len(choices) == 3

    said = texts(assistant.send(sender, choices[0]))
    assert "Je kiest" in said and "(voorbeeld) in Enschede" in said
    assistant.send(sender, "stoppen")  # the step stays in the plan; the questions about it stop

    age_conversation(assistant, sender, seconds=2 * 3600)
    said = texts(assistant.send(sender, "hallo daar"))
    assert "(voorbeeld) in Enschede" in said


def test_coffee_in_nijmegen(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    said = texts(assistant.send(sender, "waar kan ik in nijmegen koffie drinken met anderen"))
    assert said.count("Waarom dit past:") == 3
    assert "Nijmegen" in said and "koffie en ontmoeting" in said


def test_missing_place_and_interest_are_asked(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    said = texts(assistant.send(sender, "zijn er activiteiten bij mij in de buurt"))
    assert "In welke gemeente" in said
    said = texts(assistant.send(sender, "nijmegn"))
    assert "Ik ga uit van Nijmegen" in said and "Waar heb je zin in" in said
    said = texts(assistant.send(sender, "muziek"))
    assert said.count("Waarom dit past:") >= 1


def test_hengelo_is_asked_back(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/for_myself")
    replies = assistant.send(sender, "ik zoek een koor in Hengelo")
    assert "Er zijn meer plaatsen die Hengelo heten" in texts(replies)
    options = payloads(replies)
    assert options == ["Hengelo, Overijssel", "Hengelo, gemeente Bronckhorst"]
    said = texts(assistant.send(sender, options[1]))
    assert "Bronckhorst" in said


def test_meldpunt_for_a_neighbour(assistant: RunningAssistant) -> None:
    sender = new_sender()
    assistant.send(sender, "/worried_about_other")
    assistant.send(sender, "waar kan ik dit melden")
    said = texts(assistant.send(sender, "ze woont in Lent"))
    assert "Lent hoort bij de gemeente Nijmegen" in said and "14 024" in said
