"""Small parts of the live handover in the gateway: frames, history labels, live frames, summary lines."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from bot.conversation.handover import HandoverSummary, summary_lines, within_hours
from bot.store.handovers import HandoverInfo
from bot.web.handover import queue_item
from bot.web.history import history_messages
from bot.web.live_frames import LocalLiveFrames
from bot.web.protocol import Typing, parse_client_frame
from bot.web.transcript import MELDING_ACTIONS, MELDING_FORM, MELDING_SLOT_PREFIX, handover_transcript
from tests.support.trackers import load_domain


def test_typing_frames_are_parsed() -> None:
    assert parse_client_frame('{"type": "typing", "typing": true}') == Typing(True)
    assert parse_client_frame('{"type": "typing", "typing": "yes"}') == Typing(False)


def test_volunteer_messages_in_the_tracker_show_as_from_the_volunteer() -> None:
    events = [
        {"event": "user", "text": "hoi"},
        {"event": "bot", "text": "Hallo, ik ben Anna.", "metadata": {"from": "volunteer"}},
        {"event": "bot", "text": "Je praat weer met mij.", "metadata": {}},
    ]
    assert [m["from"] for m in history_messages(events)] == ["visitor", "volunteer", "assistant"]


async def test_local_live_frames_reach_every_tab_and_the_volunteer() -> None:
    live_frames = LocalLiveFrames()
    got: list[tuple[str, dict[str, Any]]] = []

    async def tab_one(frame: dict[str, Any]) -> None:
        got.append(("tab1", frame))

    async def tab_two(frame: dict[str, Any]) -> None:
        got.append(("tab2", frame))

    async def volunteer(frame: dict[str, Any]) -> None:
        got.append(("volunteer", frame))

    live_frames.add_visitor("v", tab_one)
    live_frames.add_visitor("v", tab_two)
    live_frames.add_volunteer("v", volunteer)
    await live_frames.to_visitor("v", {"type": "volunteer", "text": "hoi"})
    await live_frames.to_volunteer("v", {"type": "visitor", "text": "hallo"})
    live_frames.remove_visitor("v", tab_one)
    live_frames.remove_volunteer("v", volunteer)
    await live_frames.to_visitor("v", {"type": "x"})
    await live_frames.to_volunteer("v", {"type": "y"})
    assert [who for who, _ in got] == ["tab1", "tab2", "volunteer", "tab2"]


def test_summary_lines_leave_out_what_is_unknown() -> None:
    summary: HandoverSummary = {
        "reason": "vroeg zelf om een mens",
        "phase": "luisteren naar de situatie",
        "loneliness_type": None,
        "scale_result": None,
        "themes": [],
        "duration": None,
        "wishes": ["wandelen", "koken"],
        "chosen_step": None,
        "municipality": "Nijmegen",
    }
    assert summary_lines(summary) == [
        ("Reden", "vroeg zelf om een mens"),
        ("Fase", "luisteren naar de situatie"),
        ("Wensen", "wandelen, koken"),
        ("Gemeente", "Nijmegen"),
    ]


def test_opening_hours_are_in_dutch_time() -> None:
    winter_noon = dt.datetime(2026, 1, 15, 11, 0, tzinfo=dt.timezone.utc)  # 12:00 in Amsterdam
    late = dt.datetime(2026, 1, 15, 21, 30, tzinfo=dt.timezone.utc)  # 22:30 in Amsterdam
    assert within_hours("09:00-21:00", winter_noon) and not within_hours("09:00-21:00", late)
    assert within_hours("20:00-02:00", late) and within_hours("00:00-24:00", late)


def user(text: str, intent: str = "tell_situation") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": {}, "metadata": {}}


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def loop(name: str | None) -> dict[str, Any]:
    return {"event": "active_loop", "name": name}


def session_start() -> list[dict[str, Any]]:
    return [action("action_session_start"), {"event": "session_started"}, action("action_listen")]


def melding(contact: str) -> list[dict[str, Any]]:
    """A whole melding: started, consent, what is reported, contact, stored with a meldcode."""
    return [
        user("ik wil iets melden over mijn buurman", "make_report"),
        action("melding_form"),
        bot("Ik kan je zorgen als melding doorgeven. Wil je dat?"),
        loop("melding_form"),
        slot("requested_slot", "melding_consent"),
        action("action_listen"),
        user("ja", "affirm"),
        action("melding_form"),
        slot("melding_consent", True),
        bot("Wat wil je melden?"),
        action("action_listen"),
        user("Mijn buurman Piet Jansen op de Molenweg 3 komt de deur niet meer uit"),
        action("melding_form"),
        slot("melding_description", "Mijn buurman Piet Jansen op de Molenweg 3 komt de deur niet meer uit"),
        bot("Mag het meldpunt contact met je opnemen?"),
        action("action_listen"),
        user(contact),
        action("melding_form"),
        slot("melding_contact_value", contact),
        loop(None),
        action("action_submit_melding"),
        bot("Je melding is doorgegeven. Je meldcode is K7TR9Q."),
        slot("melding_contact_value", None),  # "cleared": the value stays in the event above
        action("action_listen"),
    ]


TRACKER_WITH_TWO_SESSIONS = [
    *session_start(),
    user("Ik ben Jan de Vries en ik woon aan de Kerkstraat 12"),
    action("action_listen_reply"),
    bot("Fijn dat je dat vertelt."),
    action("action_listen"),
    *melding("jan.devries@example.nl"),
    *session_start(),
    slot("municipality", "Nijmegen"),  # slots carried over into the new session
    user("ik voel me zo alleen sinds mijn vrouw overleed"),
    action("action_listen_reply"),
    bot("Dat klinkt zwaar. Vertel gerust meer."),
    action("action_listen"),
    *melding("06-12345678"),
    user("wat is de status van K7TR9Q", "ask_melding_status"),
    action("action_melding_status"),
    bot("Je melding K7TR9Q is in behandeling."),
    action("action_listen"),
    user("06-12345678"),  # the phone number again, outside the melding: still left out
    action("action_listen_reply"),
    bot("Dank je."),
    action("action_listen"),
    user("kan ik met een echt mens praten", "ask_human"),
    action("action_offer_handover"),
    bot("Er is nu een vrijwilliger online."),
    action("action_listen"),
    user("/affirm", "affirm"),
]


def test_transcript_is_this_session_without_the_melding() -> None:
    transcript = handover_transcript(TRACKER_WITH_TWO_SESSIONS)
    assert [(m["from"], m["text"]) for m in transcript] == [
        ("visitor", "ik voel me zo alleen sinds mijn vrouw overleed"),
        ("assistant", "Dat klinkt zwaar. Vertel gerust meer."),
        ("assistant", "Dank je."),
        ("visitor", "kan ik met een echt mens praten"),
        ("assistant", "Er is nu een vrijwilliger online."),
        ("visitor", "/affirm"),
    ]
    shown = json.dumps(transcript)
    for private in (
        "Jan",
        "Kerkstraat",
        "Piet",
        "Molenweg",
        "06-12345678",
        "@example.nl",
        "K7TR9Q",
        "buurman",
    ):
        assert private not in shown


def test_what_people_typed_is_de_identified_and_the_helplines_stay() -> None:
    events = [
        user("ik ben Truus de Graaf, bel me op 06-12345678"),
        bot("De Luisterlijn is er dag en nacht: bel 088 0767 000."),
        {"event": "bot", "text": "Hoi, ik ben Anna.", "metadata": {"from": "volunteer"}},
    ]
    texts = [m["text"] or "" for m in handover_transcript(events)]
    assert "Truus" not in texts[0] and "Graaf" not in texts[0] and "06-12345678" not in texts[0]
    assert texts[1] == "De Luisterlijn is er dag en nacht: bel 088 0767 000."
    assert "Anna" not in texts[2]


def test_transcript_after_a_restart_starts_at_the_restart() -> None:
    events = [user("van voor de herstart"), bot("oud"), {"event": "restart"}, user("hallo"), bot("Hoi!")]
    assert [m["text"] for m in handover_transcript(events)] == ["hallo", "Hoi!"]
    assert [m["text"] for m in handover_transcript(events[:2])] == ["van voor de herstart", "oud"]


def test_the_melding_names_the_transcript_leaves_out_are_in_the_domain() -> None:
    domain = load_domain()
    assert MELDING_FORM in domain["forms"]
    assert MELDING_ACTIONS - {MELDING_FORM} <= set(domain["actions"])
    assert any(
        name.startswith(MELDING_SLOT_PREFIX) for name in domain["forms"][MELDING_FORM]["required_slots"]
    )
    assert "melding_contact_value" in domain["slots"]


def test_the_queue_shows_only_waiting_time_and_urgency() -> None:
    created = dt.datetime(2026, 1, 15, 11, 0)
    info = HandoverInfo(
        id=7,
        visitor="visitor-id-that-stays-private",
        status="waiting",
        summary={
            "reason": "vroeg zelf om een mens",
            "phase": "luisteren naar de situatie",
            "loneliness_type": None,
            "scale_result": None,
            "themes": ["verhuisd"],
            "duration": None,
            "wishes": [],
            "chosen_step": None,
            "municipality": "Nijmegen",
        },
        share_transcript=True,
        acute_risk=True,
        volunteer_id=None,
        created_at=created,
        accepted_at=None,
    )
    item = queue_item(info, created + dt.timedelta(seconds=95))
    assert item == {"id": 7, "waiting_seconds": 95, "acute_risk": True}
