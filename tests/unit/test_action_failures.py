"""The kind message for a failed custom action comes once per message (`bot.rasa_ext.action_failures`)."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.rasa_ext.action_failures import TROUBLE_RESPONSE, told_in_this_turn

LISTEN = ActionExecuted("action_listen")


def trouble() -> BotUttered:
    return BotUttered("Sorry, er ging bij mij iets mis.", metadata={"utter_action": TROUBLE_RESPONSE})


def test_not_told_before_anything_failed() -> None:
    assert not told_in_this_turn([LISTEN, UserUttered("hallo"), ActionExecuted("action_welcome")])


def test_told_once_per_message() -> None:
    events = [LISTEN, UserUttered("ik voel me alleen"), ActionExecuted("action_listen_reflect"), trouble()]
    assert told_in_this_turn([*events, ActionExecuted("action_offer")])


def test_the_next_message_is_told_again() -> None:
    events = [LISTEN, UserUttered("hallo"), trouble(), LISTEN, UserUttered("hallo?")]
    assert not told_in_this_turn(events)


def test_a_failed_session_start_counts_for_the_first_message() -> None:
    events = [ActionExecuted("action_session_start"), trouble(), UserUttered("hallo")]
    assert told_in_this_turn([*events, ActionExecuted("action_welcome")])


def test_another_bot_message_is_not_the_trouble_message() -> None:
    events = [LISTEN, UserUttered("hallo"), BotUttered("Hoi!", metadata={"utter_action": "utter_welcome"})]
    assert not told_in_this_turn(events)
