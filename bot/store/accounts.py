"""Accounts for the console and the inbox: argon2 passwords, rate-limited logins, sessions, audit log.

Everything lives in the database, so a second gateway replica sees the same sessions and limits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.store.clock import now
from bot.store.models import AuditEntry, LoginFailure, User, WebSession

ROLES = ("volunteer", "wijkteam", "admin")
MIN_PASSWORD_CHARS = 12
MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
SESSION_LIFETIME = dt.timedelta(hours=8)
_hasher = PasswordHasher()
# Verifying against this hash when the user does not exist keeps the timing the same.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Account:
    """Who is logged in."""

    id: int
    username: str
    role: str
    municipality_code: str | None


class AccountError(ValueError):
    """A user cannot be made as asked (role, municipality, password)."""


def add_user(
    session: Session, username: str, role: str, password: str, municipality_code: str | None = None
) -> Account:
    """Create an account or, when the name exists, set its role, municipality and password."""
    if role not in ROLES:
        raise AccountError(f"Onbekende rol '{role}': kies volunteer, wijkteam of admin.")
    if role == "wijkteam" and not municipality_code:
        raise AccountError("Een wijkteam-account hoort bij één gemeente: geef --municipality op.")
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"Het wachtwoord is te kort: gebruik minstens {MIN_PASSWORD_CHARS} tekens.")
    if not username.strip() or len(username) > 80:
        raise AccountError("De gebruikersnaam is leeg of te lang.")
    user = session.scalar(select(User).where(User.username == username)) or User(
        username=username, created_at=now()
    )
    user.role, user.municipality_code, user.active = role, municipality_code, True
    user.password_hash = _hasher.hash(password)
    session.add(user)
    session.flush()
    return Account(user.id, user.username, user.role, user.municipality_code)


def _failures(session: Session, username: str, moment: dt.datetime) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(LoginFailure)
            .where(LoginFailure.username == username, LoginFailure.at > moment - FAILURE_WINDOW)
        )
        or 0
    )


def login(session: Session, username: str, password: str) -> Account | str:
    """The account, or why not: "locked" after too many failures, "wrong" otherwise (never which part)."""
    moment = now()
    if _failures(session, username, moment) >= MAX_FAILURES:
        return "locked"
    user = session.scalar(select(User).where(User.username == username, User.active.is_(True)))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        ok = user is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        session.add(LoginFailure(username=username[:80], at=moment))
        return "wrong"
    session.execute(delete(LoginFailure).where(LoginFailure.username == username))
    return Account(user.id, user.username, user.role, user.municipality_code)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(session: Session, account: Account) -> tuple[str, str]:
    """A new browser session: (cookie token, CSRF token). Only the token's hash is stored."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    moment = now()
    session.add(
        WebSession(
            token_hash=_hash(token),
            user_id=account.id,
            csrf_token=csrf,
            created_at=moment,
            expires_at=moment + SESSION_LIFETIME,
        )
    )
    return token, csrf


def session_account(session: Session, token: str) -> tuple[Account, str] | None:
    """The account and CSRF token behind a cookie, or None when unknown or expired."""
    row = session.get(WebSession, _hash(token)) if token else None
    if row is None or row.expires_at <= now():
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    return Account(user.id, user.username, user.role, user.municipality_code), row.csrf_token


def close_session(session: Session, token: str) -> None:
    """Log out."""
    session.execute(delete(WebSession).where(WebSession.token_hash == _hash(token)))


def audit(session: Session, username: str, action: str, target: str = "", detail: str = "") -> None:
    """Record who did what to which record (no personal data in `detail`)."""
    session.add(AuditEntry(at=now(), username=username, action=action, target=target, detail=detail[:200]))
