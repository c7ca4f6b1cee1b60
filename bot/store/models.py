"""SQLAlchemy models: municipalities with their names, meldpunten and local activities.

The same models run on SQLite (embedded default) and PostgreSQL. Schema changes go through Alembic
(`bot/store/migrations/`); `Base.metadata` is what the migrations describe.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

neighbours = Table(
    "municipality_neighbours",
    Base.metadata,
    Column(
        "municipality_code",
        String(6),
        ForeignKey("municipalities.cbs_code", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "neighbour_code",
        String(6),
        ForeignKey("municipalities.cbs_code", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class Municipality(Base):
    """A Dutch municipality (gemeente), keyed by its CBS code (GM0268)."""

    __tablename__ = "municipalities"

    cbs_code = Column(String(6), primary_key=True)
    name = Column(String(80), nullable=False, unique=True)
    province = Column(String(40), nullable=False)

    names = relationship("PlaceName", back_populates="municipality", cascade="all, delete-orphan")
    neighbours = relationship(
        "Municipality",
        secondary=neighbours,
        primaryjoin=cbs_code == neighbours.c.municipality_code,
        secondaryjoin=cbs_code == neighbours.c.neighbour_code,
    )
    meldpunt = relationship("Meldpunt", back_populates="municipality", uselist=False)


class PlaceName(Base):
    """A name that points to a municipality: its own name, an alias or a woonplaats (the gazetteer)."""

    __tablename__ = "place_names"
    __table_args__ = (
        UniqueConstraint("key", "municipality_code", "kind", name="uq_place_names_key_municipality_kind"),
        CheckConstraint("kind IN ('municipality', 'alias', 'place')", name="ck_place_names_kind"),
    )

    id = Column(Integer, primary_key=True)
    # Normalised form (bot.text.normalise) used for matching; `name` is how people write it.
    key = Column(String(80), nullable=False, index=True)
    name = Column(String(80), nullable=False)
    kind = Column(String(12), nullable=False)
    municipality_code = Column(
        String(6), ForeignKey("municipalities.cbs_code", ondelete="CASCADE"), nullable=False
    )

    municipality = relationship("Municipality", back_populates="names")


class Meldpunt(Base):
    """Where to voice worries in one municipality: meldpunt / sociaal wijkteam (single source)."""

    __tablename__ = "meldpunten"

    municipality_code = Column(
        String(6), ForeignKey("municipalities.cbs_code", ondelete="CASCADE"), primary_key=True
    )
    name = Column(String(120), nullable=False)
    phone = Column(String(40), nullable=False)
    email = Column(String(120), nullable=False)
    website = Column(String(200), nullable=False, default="")
    opening_hours = Column(String(120), nullable=False)

    municipality = relationship("Municipality", back_populates="meldpunt")


class Activity(Base):
    """A local activity or offer (a walking group, a coffee morning, a maatje project)."""

    __tablename__ = "activities"
    __table_args__ = (
        # The look-up filters on municipality (and cost for free-only); see README "Indexes".
        Index("ix_activities_municipality_cost", "municipality_code", "cost_cents"),
        CheckConstraint("cost_cents >= 0", name="ck_activities_cost"),
    )

    id = Column(Integer, primary_key=True)
    source_id = Column(String(80), nullable=False, unique=True)
    title = Column(String(120), nullable=False)
    description = Column(String(300), nullable=False)
    organiser = Column(String(120), nullable=False)
    municipality_code = Column(
        String(6), ForeignKey("municipalities.cbs_code", ondelete="RESTRICT"), nullable=False
    )
    neighbourhood = Column(String(80), nullable=False, default="")
    address = Column(String(160), nullable=False, default="")
    cost_cents = Column(Integer, nullable=False, default=0)
    wheelchair_access = Column(Boolean, nullable=False, default=False)
    contact_phone = Column(String(40), nullable=False, default="")
    contact_email = Column(String(120), nullable=False, default="")
    contact_website = Column(String(200), nullable=False, default="")
    updated = Column(Date, nullable=False, default=dt.date.today)
    # Example data is shown with a clear notice; nobody should call a number that does not exist.
    is_example = Column(Boolean, nullable=False, default=False)

    municipality = relationship("Municipality")
    interests = relationship(
        "ActivityInterest", cascade="all, delete-orphan", order_by="ActivityInterest.position"
    )
    audiences = relationship("ActivityAudience", cascade="all, delete-orphan")
    sessions = relationship("ActivitySession", cascade="all, delete-orphan", order_by="ActivitySession.day")


class ActivityInterest(Base):
    """One interest an activity serves (wandelen, koffie en ontmoeting, maatje, ...)."""

    __tablename__ = "activity_interests"
    __table_args__ = (Index("ix_activity_interests_interest", "interest", "activity_id"),)

    activity_id = Column(Integer, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True)
    interest = Column(String(40), primary_key=True)
    position = Column(SmallInteger, nullable=False, default=0)


class ActivityAudience(Base):
    """Who an activity is meant for (ouderen, jongeren, mantelzorgers, ..., iedereen)."""

    __tablename__ = "activity_audiences"

    activity_id = Column(Integer, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True)
    audience = Column(String(40), primary_key=True)


class ActivitySession(Base):
    """A weekly time slot: day 0 = Monday ... 6 = Sunday; times are optional ("in overleg")."""

    __tablename__ = "activity_sessions"
    __table_args__ = (
        Index("ix_activity_sessions_day", "day", "activity_id"),
        CheckConstraint("day BETWEEN 0 AND 6", name="ck_activity_sessions_day"),
    )

    activity_id = Column(Integer, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True)
    day = Column(SmallInteger, primary_key=True)
    start_time = Column(Time, nullable=True)
    end_time = Column(Time, nullable=True)


class Melding(Base):
    """A report (melding) to a municipality's meldpunt, made in the chat with consent.

    Holds only what the reporter typed for the meldpunt; no chat transcript, no IP address.
    `code` is the short meldcode the reporter can ask the status with.
    """

    __tablename__ = "meldingen"
    __table_args__ = (
        CheckConstraint("about IN ('self', 'other')", name="ck_meldingen_about"),
        CheckConstraint("contact_preference IN ('phone', 'email', 'none')", name="ck_meldingen_contact"),
        CheckConstraint(
            "status IN ('held', 'new', 'delivered', 'picked_up', 'closed', 'undeliverable')",
            name="ck_meldingen_status",
        ),
        Index("ix_meldingen_municipality_status", "municipality_code", "status"),
    )

    id = Column(Integer, primary_key=True)
    code = Column(String(12), nullable=False, unique=True)
    municipality_code = Column(
        String(6), ForeignKey("municipalities.cbs_code", ondelete="RESTRICT"), nullable=False
    )
    about = Column(String(8), nullable=False)
    description = Column(String(1000), nullable=False)
    # For a report about someone else: does that person know? (None: not asked or "weet ik niet")
    person_knows = Column(Boolean, nullable=True)
    contact_preference = Column(String(8), nullable=False)
    contact_value = Column(String(120), nullable=True)
    status = Column(String(16), nullable=False, default="new")
    created_at = Column(DateTime, nullable=False)
    updated_at = Column(DateTime, nullable=False)

    municipality = relationship("Municipality")
    events = relationship("MeldingEvent", cascade="all, delete-orphan", order_by="MeldingEvent.id")
    deliveries = relationship(
        "Delivery", back_populates="melding", cascade="all, delete-orphan", order_by="Delivery.id"
    )


class MeldingEvent(Base):
    """One step in a melding's history: a status change or a delivery note, with who did it."""

    __tablename__ = "melding_events"

    id = Column(Integer, primary_key=True)
    melding_id = Column(Integer, ForeignKey("meldingen.id", ondelete="CASCADE"), nullable=False, index=True)
    at = Column(DateTime, nullable=False)
    status = Column(String(16), nullable=False)
    note = Column(String(300), nullable=False, default="")
    actor = Column(String(80), nullable=False, default="assistent")


class Delivery(Base):
    """The outbox: one row per melding and channel (e-mail, webhook), delivered at most once.

    A worker claims a due row atomically (status pending -> sending with a lease), sends, and marks it
    sent; a failure schedules a retry with back-off; a lease that ran out (a crash mid-delivery) makes
    the row due again. The unique (melding, channel) pair keeps a melding from becoming two. A melding
    over the quota waits as `held` (never claimed) until the wijkteam releases it (then `pending`).
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("melding_id", "channel", name="uq_deliveries_melding_channel"),
        CheckConstraint("channel IN ('email', 'webhook')", name="ck_deliveries_channel"),
        CheckConstraint(
            "status IN ('held', 'pending', 'sending', 'sent', 'failed')", name="ck_deliveries_status"
        ),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
    )

    id = Column(Integer, primary_key=True)
    melding_id = Column(Integer, ForeignKey("meldingen.id", ondelete="CASCADE"), nullable=False)
    channel = Column(String(8), nullable=False)
    target = Column(String(300), nullable=False)
    status = Column(String(8), nullable=False, default="pending")
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False)
    lease_until = Column(DateTime, nullable=True)
    last_error = Column(String(300), nullable=False, default="")
    sent_at = Column(DateTime, nullable=True)

    melding = relationship("Melding", back_populates="deliveries")


class QuotaEvent(Base):
    """One counted act of a chat visitor, for the quotas: a melding made, or a meldcode not found.

    The visitor is only a hash of the chat's sender id, not linked to any melding; rows older than a
    day are deleted when new ones are written (`bot.store.quotas`).
    """

    __tablename__ = "quota_events"
    __table_args__ = (
        CheckConstraint("kind IN ('melding', 'code_miss')", name="ck_quota_events_kind"),
        Index("ix_quota_events_kind_sender_at", "kind", "sender_key", "at"),
        Index("ix_quota_events_kind_at", "kind", "at"),
    )

    id = Column(Integer, primary_key=True)
    kind = Column(String(12), nullable=False)
    sender_key = Column(String(64), nullable=False)
    at = Column(DateTime, nullable=False)


class User(Base):
    """A volunteer, wijkteam member or admin who logs in to the console or the inbox."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('volunteer', 'wijkteam', 'admin')", name="ck_users_role"),)

    id = Column(Integer, primary_key=True)
    username = Column(String(80), nullable=False, unique=True)
    password_hash = Column(String(200), nullable=False)
    role = Column(String(12), nullable=False)
    # A wijkteam member sees only the meldingen of this municipality.
    municipality_code = Column(
        String(6), ForeignKey("municipalities.cbs_code", ondelete="RESTRICT"), nullable=True
    )
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime, nullable=False)


class LoginFailure(Base):
    """A failed login, kept briefly to rate-limit guessing (shared by every gateway replica)."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_username_at", "username", "at"),)

    id = Column(Integer, primary_key=True)
    username = Column(String(80), nullable=False)
    at = Column(DateTime, nullable=False)


class WebSession(Base):
    """A logged-in browser session; only a hash of the cookie value is stored."""

    __tablename__ = "web_sessions"

    token_hash = Column(String(64), primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False)
    # The last request of this session (to the minute), for the idle timeout.
    last_seen = Column(DateTime, nullable=False)


class AuditEntry(Base):
    """Who opened or changed which melding (or other record), and when."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False)
    username = Column(String(80), nullable=False)
    action = Column(String(40), nullable=False)
    target = Column(String(80), nullable=False, default="")
    detail = Column(String(200), nullable=False, default="")


class Handover(Base):
    """A conversation handed to a live volunteer: waiting -> active -> ended, or waiting -> expired.

    `visitor` is Rasa's sender id. Accepting is a conditional UPDATE (`status = 'waiting'`), so of two
    volunteers who click at once exactly one gets the conversation, on any number of gateway replicas.
    """

    __tablename__ = "handovers"
    __table_args__ = (
        CheckConstraint("status IN ('waiting', 'active', 'ended', 'expired')", name="ck_handovers_status"),
        Index("ix_handovers_status_created", "status", "created_at"),
    )

    id = Column(Integer, primary_key=True)
    visitor = Column(String(64), nullable=False, index=True)
    status = Column(String(8), nullable=False, default="waiting")
    # The HandoverSummary as JSON, only when the person agreed to share it; None otherwise.
    summary = Column(Text, nullable=True)
    share_transcript = Column(Boolean, nullable=False, default=False)
    acute_risk = Column(Boolean, nullable=False, default=False)
    volunteer_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    note = Column(String(500), nullable=False, default="")
    created_at = Column(DateTime, nullable=False)
    accepted_at = Column(DateTime, nullable=True)
    ended_at = Column(DateTime, nullable=True)


class VolunteerPresence(Base):
    """When a volunteer's console was last seen; consoles report every 20 seconds while open."""

    __tablename__ = "volunteer_presence"

    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    seen_at = Column(DateTime, nullable=False)


class InsightCount(Base):
    """How often something came up in one municipality and ISO week (the anonymous picture, /inzicht).

    Only counts: no text, no sender id, no time finer than the week. `municipality` is a CBS code or
    "onbekend"; `value` is one of a fixed list per kind ("" for kinds without values). Counts under 10
    never leave the store as a number (`bot.store.insight`).
    """

    __tablename__ = "insight_counts"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('conversation', 'loneliness_type', 'cause', 'step', 'handover', 'melding', 'crisis')",
            name="ck_insight_counts_kind",
        ),
        Index("ix_insight_counts_week", "week"),
    )

    municipality = Column(String(8), primary_key=True)
    week = Column(String(8), primary_key=True)  # ISO week, e.g. "2026-W49"
    kind = Column(String(16), primary_key=True)
    value = Column(String(60), primary_key=True)
    count = Column(Integer, nullable=False, default=0)


ALL_TABLES: tuple[str, ...] = tuple(Base.metadata.tables)
__all__ = [
    "ALL_TABLES",
    "Activity",
    "ActivityAudience",
    "ActivityInterest",
    "ActivitySession",
    "AuditEntry",
    "Base",
    "Delivery",
    "Handover",
    "InsightCount",
    "LoginFailure",
    "Meldpunt",
    "Melding",
    "MeldingEvent",
    "Municipality",
    "PlaceName",
    "User",
    "VolunteerPresence",
    "WebSession",
]
