"""Meldingen in the database: store with an outbox, claim and finish deliveries, status by meldcode."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.store.clock import now
from bot.store.models import Delivery, Melding, MeldingEvent, Meldpunt

# No 0/O, 1/I/L, 5/S, 2/Z: easy to read out and to type back.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH = 6
LEASE = dt.timedelta(minutes=2)
MAX_ATTEMPTS = 12
HELD_NOTE = "Boven het maximum aantal meldingen: eerst bekijken, dan vrijgeven of afronden."


def new_code() -> str:
    """A random meldcode such as K7Q4MX: always letters and digits, so it never looks like a word."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code):
            return code


@dataclass(frozen=True)
class NewMelding:
    """What the conversation collected, with the reporter's consent."""

    municipality_code: str
    about: str
    description: str
    person_knows: bool | None
    contact_preference: str
    contact_value: str | None


@dataclass(frozen=True)
class DeliveryJob:
    """A claimed delivery with everything needed to send it."""

    delivery_id: int
    channel: str
    target: str
    attempts: int
    code: str
    municipality: str
    meldpunt_name: str
    about: str
    description: str
    person_knows: bool | None
    contact_preference: str
    contact_value: str | None
    created_at: dt.datetime


def _event(melding: Melding, status: str, note: str = "", actor: str = "assistent") -> None:
    melding.events.append(MeldingEvent(at=now(), status=status, note=note, actor=actor))


def create_melding(
    session: Session, new: NewMelding, webhook_url: str | None = None, held: bool = False
) -> str:
    """Store the melding and its outbox rows in one transaction; return the meldcode.

    A `held` melding (over a quota) is stored with its outbox rows held too: nothing is sent until
    `release_melding`. Raises LookupError when the municipality has no meldpunt (nothing is stored then).
    """
    meldpunt = session.get(Meldpunt, new.municipality_code)
    if meldpunt is None:
        raise LookupError(new.municipality_code)
    for _ in range(10):
        code = new_code()
        if session.scalar(select(Melding.id).where(Melding.code == code)) is None:
            break
    else:  # pragma: no cover - 27^6 codes
        raise RuntimeError("no free meldcode")
    moment = now()
    melding = Melding(
        code=code,
        municipality_code=new.municipality_code,
        about=new.about,
        description=new.description,
        person_knows=new.person_knows,
        contact_preference=new.contact_preference,
        contact_value=new.contact_value,
        status="held" if held else "new",
        created_at=moment,
        updated_at=moment,
    )
    _event(melding, "new", "Melding gedaan in de chat.")
    if held:
        _event(melding, "held", HELD_NOTE)
    outbox = "held" if held else "pending"
    targets = [("email", meldpunt.email)] + ([("webhook", webhook_url)] if webhook_url else [])
    for channel, target in targets:
        melding.deliveries.append(
            Delivery(channel=channel, target=target, status=outbox, next_attempt_at=moment)
        )
    session.add(melding)
    session.flush()
    return code


def release_melding(session: Session, code: str, actor: str) -> bool:
    """Send a held melding after all: its outbox rows become due now. False when it is not held."""
    melding = session.scalar(select(Melding).where(Melding.code == code))
    if melding is None or melding.status != "held":
        return False
    moment = now()
    for delivery in melding.deliveries:
        if delivery.status == "held":
            delivery.status, delivery.next_attempt_at = "pending", moment
    melding.status, melding.updated_at = "new", moment
    _event(melding, "new", "Vrijgegeven om te versturen.", actor)
    return True


def status_for_code(session: Session, code: str) -> str | None:
    """The status of a melding, or None for an unknown code (never any details)."""
    return session.scalar(select(Melding.status).where(Melding.code == code.strip().upper()))


def claim_due(
    session: Session, limit: int = 20, moment: dt.datetime | None = None, lease: dt.timedelta = LEASE
) -> list[DeliveryJob]:
    """Claim due deliveries: pending ones whose time has come, and sending ones whose lease ran out.

    Each row is claimed with a conditional UPDATE, so two workers never take the same row.
    """
    moment = moment or now()
    due = session.scalars(
        select(Delivery.id)
        .where(
            or_(
                (Delivery.status == "pending") & (Delivery.next_attempt_at <= moment),
                (Delivery.status == "sending") & (Delivery.lease_until <= moment),
            )
        )
        .order_by(Delivery.next_attempt_at)
        .limit(limit)
    ).all()
    jobs = []
    for delivery_id in due:
        claimed = session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status.in_(("pending", "sending")))
            .where(or_(Delivery.status == "pending", Delivery.lease_until <= moment))
            .values(status="sending", lease_until=moment + lease, attempts=Delivery.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:
            continue
        delivery = session.get(Delivery, delivery_id)
        session.refresh(delivery)
        melding = delivery.melding
        jobs.append(
            DeliveryJob(
                delivery_id=delivery.id,
                channel=delivery.channel,
                target=delivery.target,
                attempts=delivery.attempts,
                code=melding.code,
                municipality=melding.municipality.name,
                meldpunt_name=melding.municipality.meldpunt.name if melding.municipality.meldpunt else "",
                about=melding.about,
                description=melding.description,
                person_knows=melding.person_knows,
                contact_preference=melding.contact_preference,
                contact_value=melding.contact_value,
                created_at=melding.created_at,
            )
        )
    session.commit()
    return jobs


def mark_sent(session: Session, delivery_id: int) -> None:
    """The channel took the melding: record it, and the melding is delivered."""
    delivery = session.get(Delivery, delivery_id)
    if delivery is None or delivery.status == "sent":
        return
    moment = now()
    delivery.status, delivery.sent_at, delivery.lease_until, delivery.last_error = "sent", moment, None, ""
    melding = delivery.melding
    label = {"email": "per e-mail", "webhook": "via de koppeling"}[delivery.channel]
    _event(melding, "delivered", f"Afgeleverd {label} bij het meldpunt.")
    if melding.status in ("new", "undeliverable"):
        melding.status = "delivered"
    melding.updated_at = moment


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the next attempt: 10 s, 20 s, 40 s, ... at most 30 minutes."""
    return dt.timedelta(seconds=min(10 * 2 ** max(attempts - 1, 0), 1800))


def mark_failed(session: Session, delivery_id: int, error: str) -> bool:
    """Schedule a retry; after MAX_ATTEMPTS the melding shows as undeliverable. Returns True when given up."""
    delivery = session.get(Delivery, delivery_id)
    if delivery is None or delivery.status == "sent":
        return False
    moment = now()
    delivery.last_error = error[:300]
    delivery.lease_until = None
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = "failed"
        melding = delivery.melding
        _event(melding, "undeliverable", f"Afleveren mislukt na {delivery.attempts} pogingen.")
        if melding.status == "new":
            melding.status = "undeliverable"
        melding.updated_at = moment
        return True
    delivery.status = "pending"
    delivery.next_attempt_at = moment + backoff(delivery.attempts)
    return False


def set_status(session: Session, code: str, status: str, actor: str, note: str = "") -> bool:
    """Move a melding on (picked_up, closed) with history; False for an unknown code."""
    melding = session.scalar(select(Melding).where(Melding.code == code))
    if melding is None:
        return False
    melding.status = status
    melding.updated_at = now()
    _event(melding, status, note, actor)
    return True


@dataclass(frozen=True)
class InboxItem:
    """A melding as the wijkteam inbox shows it."""

    code: str
    municipality_code: str
    municipality: str
    created_at: dt.datetime
    status: str
    about: str
    description: str
    person_knows: bool | None
    contact_preference: str
    contact_value: str | None
    history: tuple[tuple[dt.datetime, str, str, str], ...]


def _inbox_item(melding: Melding, with_history: bool) -> InboxItem:
    history = tuple((e.at, e.status, e.note, e.actor) for e in melding.events) if with_history else ()
    return InboxItem(
        code=melding.code,
        municipality_code=melding.municipality_code,
        municipality=melding.municipality.name,
        created_at=melding.created_at,
        status=melding.status,
        about=melding.about,
        description=melding.description,
        person_knows=melding.person_knows,
        contact_preference=melding.contact_preference,
        contact_value=melding.contact_value,
        history=history,
    )


def inbox(
    session: Session,
    municipality_code: str | None,
    limit: int = 200,
    held: bool = False,
    *,
    all_municipalities: bool = False,
) -> list[InboxItem]:
    """The newest meldingen of one municipality, or of all with `all_municipalities` (admins).

    Undeliverable ones come first. No municipality and not all gives nothing: an account without a
    municipality sees nothing rather than everything. Held meldingen (over a quota) are a list of
    their own (`held=True`), so that a flood of them never pushes the others out of sight.
    """
    if municipality_code is None and not all_municipalities:
        return []
    query = select(Melding).order_by((Melding.status == "undeliverable").desc(), Melding.created_at.desc())
    query = query.where(Melding.status == "held" if held else Melding.status != "held")
    if not all_municipalities:
        query = query.where(Melding.municipality_code == municipality_code)
    return [_inbox_item(m, with_history=False) for m in session.scalars(query.limit(limit))]


def inbox_item(session: Session, code: str) -> InboxItem | None:
    """One melding with its history, or None."""
    melding = session.scalar(select(Melding).where(Melding.code == code))
    return _inbox_item(melding, with_history=True) if melding else None
