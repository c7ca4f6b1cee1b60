"""The JSON frames of the gateway's two WebSockets, and the Dutch texts of the error frames.

Every frame is one JSON object with a `type`. The widget talks to `/ws`, a volunteer's console to
`/console/ws`. What the gateway sends is typed below (one `TypedDict` per `type`); what it receives
is checked by `parse_client_frame` and `parse_console_command` before anything else reads it.

Widget -> gateway (checked into `Hello`, `Message`, `Button`, `Typing`):
- `{"type": "hello", "visitor": "<id>" | null}` first, once. An unknown or malformed id counts as null.
- `{"type": "message", "text": "..."}` typed text, relayed as text (leading slashes removed, so typed
  text is never read as a `/intent` command).
- `{"type": "button", "title": "...", "payload": "..."}` a quick-reply button, relayed as its payload
  (the REST channel accepts a `/intent` payload only if the assistant offered that button).
- `{"type": "typing", "typing": bool}` while the visitor types in a live chat (passed to the volunteer
  only then; otherwise ignored).

Gateway -> widget (`WidgetFrame`): `welcome`, then `history` (not sent when the conversation so far
cannot be read; an `unavailable` error comes instead). For every message or button frame exactly one of:
- `typing` (accepted; the assistant is working on it), zero or more `bot` frames or an `unavailable`
  error when Rasa did not answer, and finally `done`. Accepted messages are answered in the order they
  were sent.
- one `error` with code `too_long`, `rate_limited` or `bad_frame`: refused, nothing was relayed.
Instead of `welcome`, a socket over a limit gets one `error` with code `too_many_chats` (too many sockets
of this client, or opened too quickly) or `busy` (too many in total), and is closed with 1013 (try again
later). Typing frames above their rate are dropped without an answer.
During a live handover also `handover`, `volunteer` and `volunteer_typing`; history messages may then
be `"from": "volunteer"`.

Console -> gateway (`ConsoleHello` first, then a `ConsoleCommand`): `hello {csrf}`, `accept {id}`,
`message {text}`, `typing {typing}`, `end {note}`.
Gateway -> console (`ConsoleFrame`): `queue`, `accepted`, `taken`, `visitor`, `visitor_typing`,
`ended`, `error`.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from typing import Any, Final, Literal, TypedDict

from bot.web.limits import MAX_TEXT_CHARS

VISITOR_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# The longest note a volunteer may leave when ending a conversation.
MAX_NOTE_CHARS = 500

ErrorCode = Literal["too_long", "rate_limited", "bad_frame", "unavailable", "too_many_chats", "busy"]
TOO_LONG: Final = "too_long"
RATE_LIMITED: Final = "rate_limited"
BAD_FRAME: Final = "bad_frame"
UNAVAILABLE: Final = "unavailable"
TOO_MANY_CHATS: Final = "too_many_chats"
BUSY: Final = "busy"
# Said with every refusal of a socket: whoever is refused may be the one who needs help now.
CRISIS_LINES = "Denk je aan zelfdoding? Bel dan 113 of gratis 0800-0113. Ben je in direct gevaar? Bel 112."

ERROR_TEXTS: dict[ErrorCode, str] = {
    TOO_LONG: (
        f"Je bericht is te lang. Een bericht mag hoogstens {MAX_TEXT_CHARS} tekens hebben. "
        "Je tekst staat er nog. Maak hem wat korter, of stuur hem in twee delen."
    ),
    RATE_LIMITED: (
        "Je stuurt veel berichten vlak na elkaar. Wacht een paar seconden, dan kun je verder. "
        "Je tekst staat er nog."
    ),
    BAD_FRAME: "Dit bericht kwam niet goed aan. Probeer het nog een keer.",
    UNAVAILABLE: (
        f"De assistent is even niet bereikbaar. Probeer het over een paar minuten nog eens. {CRISIS_LINES}"
    ),
    TOO_MANY_CHATS: (
        "Vanaf jouw internetverbinding zijn nu veel chats open, of net veel geopend. Sluit een ander "
        "chatvenster, of wacht een minuut. Daarna probeer ik het opnieuw. Je tekst blijft staan. "
        f"{CRISIS_LINES}"
    ),
    BUSY: (
        "Het is nu erg druk in de chat. Over een minuut probeer ik het opnieuw. Je tekst blijft staan. "
        f"{CRISIS_LINES}"
    ),
}


# While a volunteer has the conversation, Rasa is paused; the gateway itself answers acute risk
# (checked with the same rules as every other message, `bot.safety.rules`).
CRISIS_DURING_HANDOVER = (
    "Ik lees dat het nu heel zwaar voor je is. Denk je aan zelfdoding? Bel 113 of gratis 0800-0113, "
    "of chat via 113.nl. Ben je in direct gevaar? Bel 112. De vrijwilliger leest je bericht ook."
)

# ---- parts shared by several frames ----

# Where a live handover stands: waiting for a volunteer, talking with one, or handed back.
HandoverState = Literal["waiting", "active", "ended"]


class QuickReply(TypedDict):
    """A quick-reply button the assistant offers."""

    title: str  # the text on the button, as the visitor sees it
    payload: str  # what is relayed to Rasa when it is clicked (often a `/intent`)


_HistoryMessage = TypedDict(
    "_HistoryMessage",
    {
        "from": Literal["visitor", "assistant", "volunteer"],  # who said it
        "text": str | None,  # what was said; None when the assistant sent only buttons
        "buttons": list[QuickReply],  # the buttons the assistant offered with it (a visitor's: none)
    },
)


class HistoryMessage(_HistoryMessage, total=False):
    """One message of the conversation so far (the widget's history, the console's transcript)."""

    custom: Any  # the assistant's custom payload, only when it sent one


# ---- gateway -> widget ----


class WelcomeFrame(TypedDict):
    """The answer to `hello`: the visitor id to keep."""

    type: Literal["welcome"]
    visitor: str  # the id to send in the next hello (a new one is random, 24 characters)
    max_chars: int  # the longest text a message may have (`bot.text.MAX_MESSAGE_CHARS`)


class HistoryFrame(TypedDict):
    """The conversation so far, from Rasa's tracker store (empty for a new visitor)."""

    type: Literal["history"]
    messages: list[HistoryMessage]  # oldest first; a clicked button shows its title


class WorkingFrame(TypedDict):
    """A message or button was accepted; the assistant is working on it."""

    type: Literal["typing"]


class BotFrame(TypedDict):
    """One message of the assistant's answer."""

    type: Literal["bot"]
    text: str | None  # the message; None when it has only buttons or a custom payload
    buttons: list[QuickReply]  # quick replies to show under it (may be empty)
    custom: Any  # Rasa's custom payload as it came, or None


class DoneFrame(TypedDict):
    """The answer to one accepted message is complete."""

    type: Literal["done"]


class ErrorFrame(TypedDict):
    """Something went wrong or was refused; the widget shows `text` as it is."""

    type: Literal["error"]
    code: ErrorCode  # too_long, rate_limited, bad_frame (refused), unavailable (Rasa), too_many_chats, busy
    text: str  # a kind Dutch text for the visitor


class HandoverFrame(TypedDict):
    """The live handover changed state."""

    type: Literal["handover"]
    state: HandoverState  # waiting for a volunteer, talking with one, or back with the assistant


class VolunteerFrame(TypedDict):
    """A volunteer's message, shown under "Vrijwilliger"."""

    type: Literal["volunteer"]
    text: str  # the message as the volunteer typed it (shown as text, never as HTML)


class VolunteerTypingFrame(TypedDict):
    """The volunteer started or stopped typing."""

    type: Literal["volunteer_typing"]
    typing: bool  # True while the volunteer types


WidgetFrame = (
    WelcomeFrame
    | HistoryFrame
    | WorkingFrame
    | BotFrame
    | DoneFrame
    | ErrorFrame
    | HandoverFrame
    | VolunteerFrame
    | VolunteerTypingFrame
)

# ---- console -> gateway ----


class ConsoleHello(TypedDict):
    """The console's first frame: the CSRF token of the page it was loaded from."""

    type: Literal["hello"]
    csrf: str  # the page's `data-csrf` value; the socket closes with 1008 when it does not match


class AcceptCommand(TypedDict):
    """The volunteer takes a waiting conversation."""

    type: Literal["accept"]
    id: int  # the handover's id, from the queue


class SendCommand(TypedDict):
    """The volunteer sends a message to the visitor."""

    type: Literal["message"]
    text: str  # the message, trimmed; at most `MAX_TEXT_CHARS` characters


class TypingCommand(TypedDict):
    """The volunteer started or stopped typing."""

    type: Literal["typing"]
    typing: bool  # True while the volunteer types


class EndCommand(TypedDict):
    """The volunteer ends the conversation; the assistant takes over again."""

    type: Literal["end"]
    note: str  # a short note for the team (at most `MAX_NOTE_CHARS` characters; may be empty)


ConsoleCommand = AcceptCommand | SendCommand | TypingCommand | EndCommand

# ---- gateway -> console ----

# A summary line: (label, value), e.g. ("Gemeente", "Nijmegen").
SummaryLine = tuple[str, str]


class QueueItem(TypedDict):
    """One waiting person as every volunteer online sees it: never the summary or the visitor id."""

    id: int  # the handover's id, to accept it with
    waiting_seconds: int  # how long the person has been waiting
    acute_risk: bool  # the conversation had acute risk (113 was already named); shown even after a "nee"


class QueueFrame(TypedDict):
    """Who is waiting, sent whenever the queue changed."""

    type: Literal["queue"]
    items: list[QueueItem]  # acute risk first, then longest waiting first


class AcceptedFrame(TypedDict):
    """The volunteer who asked now has the conversation."""

    type: Literal["accepted"]
    id: int  # the handover's id
    summary: list[SummaryLine]  # the summary the person agreed to share; only to this volunteer
    acute_risk: bool  # the conversation had acute risk
    transcript: list[HistoryMessage]  # this session without the melding; empty unless the person agreed


class TakenFrame(TypedDict):
    """Another volunteer was quicker."""

    type: Literal["taken"]
    id: int  # the handover this volunteer tried to accept


class VisitorFrame(TypedDict):
    """A message from the visitor in the live chat."""

    type: Literal["visitor"]
    text: str  # what the visitor typed, or the title of the button they clicked
    acute_risk: bool  # the message may mean acute risk (the visitor was shown 113 and 112)


class VisitorTypingFrame(TypedDict):
    """The visitor started or stopped typing."""

    type: Literal["visitor_typing"]
    typing: bool  # True while the visitor types


class EndedFrame(TypedDict):
    """The conversation was ended and is back with the assistant."""

    type: Literal["ended"]
    id: int  # the handover that ended


class ConsoleErrorFrame(TypedDict):
    """Something the volunteer asked for cannot be done."""

    type: Literal["error"]
    text: str  # a Dutch text for the volunteer


ConsoleFrame = (
    QueueFrame
    | AcceptedFrame
    | TakenFrame
    | VisitorFrame
    | VisitorTypingFrame
    | EndedFrame
    | ConsoleErrorFrame
)


class FrameError(ValueError):
    """A client frame the gateway refuses; `code` is the error frame's code."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code)
        self.code: ErrorCode = code


@dataclass(frozen=True)
class Hello:
    """The first frame: who is this visitor (None for someone new)."""

    visitor: str | None


@dataclass(frozen=True)
class Message:
    """Something the visitor typed."""

    text: str


@dataclass(frozen=True)
class Button:
    """A quick-reply button the visitor clicked: the title they saw and the payload to relay."""

    title: str
    payload: str


@dataclass(frozen=True)
class Typing:
    """The visitor is typing (or stopped); passed on only to a volunteer in a live handover."""

    typing: bool


ClientFrame = Hello | Message | Button | Typing


def new_visitor_id() -> str:
    """A random, anonymous visitor id (24 URL-safe characters)."""
    return secrets.token_urlsafe(18)


def valid_visitor_id(value: object) -> bool:
    """Tell whether a visitor id from a browser has the shape the gateway hands out."""
    return isinstance(value, str) and VISITOR_ID.match(value) is not None


def parse_client_frame(raw: str) -> ClientFrame:
    """Decode one frame from the widget, or raise `FrameError`."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise FrameError(BAD_FRAME) from None
    if not isinstance(data, dict):
        raise FrameError(BAD_FRAME)
    kind = data.get("type")
    if kind == "hello":
        visitor = data.get("visitor")
        return Hello(visitor if valid_visitor_id(visitor) else None)
    if kind == "message":
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise FrameError(BAD_FRAME)
        if len(text) > MAX_TEXT_CHARS:
            raise FrameError(TOO_LONG)
        return Message(text)
    if kind == "button":
        title, payload = data.get("title"), data.get("payload")
        if not isinstance(payload, str) or not payload.strip() or len(payload) > MAX_TEXT_CHARS:
            raise FrameError(BAD_FRAME)
        if not isinstance(title, str) or len(title) > MAX_TEXT_CHARS:
            title = payload
        return Button(title=title or payload, payload=payload)
    if kind == "typing":
        return Typing(data.get("typing") is True)
    raise FrameError(BAD_FRAME)


def console_hello_token(data: object) -> str | None:
    """The CSRF token of a console's `hello` frame (already decoded), or None when it is not one."""
    if not isinstance(data, dict) or data.get("type") != "hello":
        return None
    token = data.get("csrf")
    return token if isinstance(token, str) else None


def parse_console_command(raw: str) -> ConsoleCommand | None:
    """Decode one frame from a volunteer's console; None for anything malformed (it is ignored)."""
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if kind == "accept":
        handover_id = data.get("id")
        return {"type": "accept", "id": handover_id} if isinstance(handover_id, int) else None
    if kind == "message":
        text = data.get("text")
        if isinstance(text, str) and text.strip() and len(text) <= MAX_TEXT_CHARS:
            return {"type": "message", "text": text.strip()}
        return None
    if kind == "typing":
        return {"type": "typing", "typing": data.get("typing") is True}
    if kind == "end":
        note = data.get("note")
        return {"type": "end", "note": note[:MAX_NOTE_CHARS] if isinstance(note, str) else ""}
    return None


def clean_buttons(buttons: object) -> list[QuickReply]:
    """Keep only well-formed buttons, as `{"title", "payload"}`."""
    cleaned: list[QuickReply] = []
    if isinstance(buttons, list):
        for button in buttons:
            if isinstance(button, dict) and isinstance(button.get("payload"), str):
                payload = button["payload"]
                title = button.get("title")
                cleaned.append({"title": title if isinstance(title, str) else payload, "payload": payload})
    return cleaned


def bot_frame(reply: dict[str, Any]) -> BotFrame:
    """Turn one message of Rasa's REST answer into a `bot` frame."""
    text = reply.get("text")
    return {
        "type": "bot",
        "text": text if isinstance(text, str) else None,
        "buttons": clean_buttons(reply.get("buttons")),
        "custom": reply.get("custom"),
    }


def error_frame(code: ErrorCode) -> ErrorFrame:
    """An error frame with its kind Dutch text."""
    return {"type": "error", "code": code, "text": ERROR_TEXTS[code]}
