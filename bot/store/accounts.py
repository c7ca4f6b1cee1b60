"""Accounts for the console and the inbox: argon2 passwords, login limits, sessions, audit log.

Sessions and the per-account login limit live in the database, so a second gateway replica sees the
same. Checking a password is slow on purpose (argon2); the gateway runs `verify_password` in a thread
pool, never on its event loop (`bot.web.password_checks`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.store.clock import now
from bot.store.models import AuditEntry, LoginFailure, User, WebSession

ROLES = ("volunteer", "wijkteam", "admin")
MIN_PASSWORD_CHARS = 12
# Login limits: failures within the window count; after `free` of them each next try waits
# 1, 2, 4, ... seconds after the last failure, up to the cap (`login_delay`).
FAILURE_WINDOW = dt.timedelta(hours=1)
MAX_LOGIN_DELAY = dt.timedelta(minutes=15)
ACCOUNT_FREE_FAILURES = 10
SESSION_LIFETIME = dt.timedelta(hours=8)
IDLE_TIMEOUT = dt.timedelta(minutes=30)
# `last_seen` is written at most this often, not on every request.
SEEN_PRECISION = dt.timedelta(minutes=1)
_hasher = PasswordHasher()
# Verifying against this hash when the user does not exist keeps the timing the same.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

# Why a session is no longer valid: logged out or ended (password change, deactivation), past its
# lifetime, or unused for longer than the idle timeout.
SessionEnd = Literal["ended", "expired", "idle"]


@dataclass(frozen=True)
class Account:
    """Who is logged in."""

    id: int
    username: str
    role: str
    municipality_code: str | None


@dataclass(frozen=True)
class LoginCandidate:
    """The account a login names (None when unknown or inactive) and the hash to check against."""

    account: Account | None
    password_hash: str


@dataclass(frozen=True)
class ActiveSession:
    """A valid session: the account and its CSRF token."""

    account: Account
    csrf: str


class AccountError(ValueError):
    """A user cannot be made as asked (role, municipality, password)."""


def _account(user: User) -> Account:
    return Account(user.id, user.username, user.role, user.municipality_code)


def add_user(
    session: Session, username: str, role: str, password: str, municipality_code: str | None = None
) -> Account:
    """Create an account or, when the name exists, set its role, municipality and password.

    Changing an existing account ends all its sessions, so an old password or role opens nothing.
    """
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
    end_sessions(session, user.id)
    return _account(user)


def deactivate_user(session: Session, username: str) -> bool:
    """Switch an account off and end all its sessions; False when there is no such account."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        return False
    user.active = False
    end_sessions(session, user.id)
    return True


def end_sessions(session: Session, user_id: int) -> None:
    """End every session of one account (an open console notices within its check interval)."""
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))


def login_delay(failures: int, free: int) -> float:
    """Seconds the next try waits after the last failure: 0 for the first `free`, then 1, 2, 4, ... capped."""
    if failures < free:
        return 0.0
    return min(2.0 ** min(failures - free, 32), MAX_LOGIN_DELAY.total_seconds())


def account_wait(session: Session, username: str) -> float:
    """Seconds before this account name may be tried again (over every client and every replica)."""
    moment = now()
    count, last = session.execute(
        select(func.count(), func.max(LoginFailure.at)).where(
            LoginFailure.username == username[:80], LoginFailure.at > moment - FAILURE_WINDOW
        )
    ).one()
    if not count or last is None:
        return 0.0
    ready = last + dt.timedelta(seconds=login_delay(int(count), ACCOUNT_FREE_FAILURES))
    return max(0.0, (ready - moment).total_seconds())


def login_candidate(session: Session, username: str) -> LoginCandidate:
    """What a login for `username` is checked against; an unknown name gets a dummy hash."""
    user = session.scalar(select(User).where(User.username == username, User.active.is_(True)))
    if user is None:
        return LoginCandidate(None, _DUMMY_HASH)
    return LoginCandidate(_account(user), user.password_hash)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches the argon2 hash (slow on purpose: call it off the event loop)."""
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def confirm_login(session: Session, candidate: LoginCandidate) -> Account | None:
    """The account, if it is still active with the hash that was checked (not changed meanwhile)."""
    if candidate.account is None:
        return None
    user = session.get(User, candidate.account.id)
    if user is None or not user.active or user.password_hash != candidate.password_hash:
        return None
    session.execute(delete(LoginFailure).where(LoginFailure.username == user.username))
    return _account(user)


def record_failure(session: Session, username: str) -> float:
    """Count a wrong password for this account name; the seconds its next try now waits."""
    session.add(LoginFailure(username=username[:80], at=now()))
    session.flush()
    return account_wait(session, username)


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
            last_seen=moment,
        )
    )
    return token, csrf


def check_session(session: Session, token: str, touch: bool = True) -> ActiveSession | SessionEnd:
    """The session behind a cookie, or why it is over; `touch` counts this as use (the idle timeout).

    An expired or idle session is deleted when it is found.
    """
    row = session.get(WebSession, _hash(token)) if token else None
    if row is None:
        return "ended"
    moment = now()
    if row.expires_at <= moment or row.last_seen + IDLE_TIMEOUT <= moment:
        ended: SessionEnd = "expired" if row.expires_at <= moment else "idle"
        session.delete(row)
        return ended
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return "ended"
    if touch and moment - row.last_seen >= SEEN_PRECISION:
        session.execute(
            update(WebSession).where(WebSession.token_hash == row.token_hash).values(last_seen=moment)
        )
    return ActiveSession(_account(user), row.csrf_token)


def session_account(session: Session, token: str) -> tuple[Account, str] | None:
    """The account and CSRF token behind a cookie (counted as use), or None when it is over."""
    found = check_session(session, token)
    return (found.account, found.csrf) if isinstance(found, ActiveSession) else None


def close_session(session: Session, token: str) -> None:
    """Log out."""
    session.execute(delete(WebSession).where(WebSession.token_hash == _hash(token)))


def audit(session: Session, username: str, action: str, target: str = "", detail: str = "") -> None:
    """Record who did what to which record (no personal data in `detail`)."""
    session.add(
        AuditEntry(at=now(), username=username[:80], action=action, target=target, detail=detail[:200])
    )
