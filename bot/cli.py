"""`python -m bot ...`: set up the database, import and export activities.

    python -m bot setup-db                      migrations, municipalities, meldpunten, example data
    python -m bot import-activities FILE        CSV or JSON; all rows or none; upsert by source_id
    python -m bot export-activities [FILE]      same format back (CSV, or JSON for *.json); '-' = stdout
    python -m bot deliver [--once]              send meldingen from the outbox (SMTP_HOST, SMTP_PORT, ...)
    python -m bot add-user NAME --role ROLE [--municipality X] --password-stdin
    python -m bot deactivate-user NAME          switch an account off and end its sessions
    python -m bot purge [--closed-days 90] [--melding-days 365] [--conversation-days 30] [--audit-days 365]
    python -m bot insight-consumer              counts for /inzicht from RabbitMQ (RABBITMQ_URL, EVENTS_QUEUE)

The database is `DATABASE_URL`, or the embedded SQLite file `var/bot.db`; `purge` also cleans Rasa's
tracker store at `TRACKER_DATABASE_URL` (default: the SQLite file `var/tracker.db`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.insight.command import add_command as add_insight_command
from bot.socialmap.activity_file import (
    ActivityFileError,
    file_format,
    read_activity_file,
    row_to_record,
    write_activity_file,
)
from bot.socialmap.catalogue import PROJECT_ROOT as ROOT
from bot.store.activities import export_rows, upsert_activities
from bot.store.db import database_url, default_engine, session_scope
from bot.store.retention import (
    DEFAULT_AUDIT_DAYS,
    DEFAULT_CLOSED_MELDING_DAYS,
    DEFAULT_CONVERSATION_DAYS,
    DEFAULT_MELDING_DAYS,
)
from bot.store.seed import prepare_database


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def setup_db(_args: argparse.Namespace) -> int:
    """Apply migrations and load reference and example data."""
    report = prepare_database(default_engine())
    added = f", {report.examples_added} voorbeeldactiviteiten toegevoegd" if report.examples_added else ""
    print(
        f"Database klaar ({_redacted(database_url())}): {report.municipalities} gemeenten, "
        f"{report.activities} activiteiten{added}."
    )
    return 0


def import_activities(args: argparse.Namespace) -> int:
    """Check the whole file, then store all rows in one transaction, or none at all."""
    from bot.store.places import resolve_exact

    engine = default_engine()
    prepare_database(engine, example_file=None)
    path = Path(args.file)
    try:
        with session_scope(engine) as session:
            result = read_activity_file(path, lambda text: resolve_exact(session, text))
            if result.errors:
                print(f"Niet geïmporteerd: {len(result.errors)} regel(s) kloppen niet.", file=sys.stderr)
                for error in result.errors:
                    print(f"  {error}", file=sys.stderr)
                print("Er is niets opgeslagen. Verbeter deze regels en importeer opnieuw.", file=sys.stderr)
                session.rollback()
                return 1
            if not result.rows:
                print("Het bestand bevat geen activiteiten. Er is niets opgeslagen.", file=sys.stderr)
                return 1
            if args.dry_run:
                session.rollback()
                print(f"Controle goed: {len(result.rows)} activiteiten zijn in orde (niets opgeslagen).")
                return 0
            added, updated = upsert_activities(session, result.rows)
    except ActivityFileError as error:
        print(f"Niet geïmporteerd: {error}", file=sys.stderr)
        print("Er is niets opgeslagen.", file=sys.stderr)
        return 1
    print(f"Geïmporteerd: {added} nieuw, {updated} bijgewerkt.")
    return 0


def export_activities(args: argparse.Namespace) -> int:
    """Write every activity in the import format."""
    engine = default_engine()
    prepare_database(engine, example_file=None)
    target = args.file
    try:
        kind = args.format or (file_format(Path(target)) if target != "-" else "csv")
    except ActivityFileError as error:
        print(error, file=sys.stderr)
        return 2
    with session_scope(engine) as session:
        records = [row_to_record(row, name) for row, name in export_rows(session)]
    if target == "-":
        write_activity_file(records, sys.stdout, kind)
    else:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            write_activity_file(records, handle, kind)
        print(f"{len(records)} activiteiten geschreven naar {target}.", file=sys.stderr)
    return 0


def deliver(args: argparse.Namespace) -> int:
    """Run the delivery worker (one pass with --once)."""
    import asyncio
    import logging

    from bot.escalation.settings import DeliverySettings
    from bot.escalation.worker import run_forever, run_once

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = DeliverySettings.from_env()
    problems = settings.problems()
    for problem in problems:
        print(f"Niet gestart: {problem}.", file=sys.stderr)
    if problems:
        return 2
    for warning in settings.warnings():
        logging.getLogger("bot.escalation").warning("WARNING: %s.", warning)
    engine = default_engine()
    if args.once:
        sent = asyncio.run(run_once(engine, settings))
        print(f"{sent} melding(en) afgeleverd.")
        return 0
    try:
        asyncio.run(run_forever(engine, settings))
    except KeyboardInterrupt:
        pass
    return 0


def add_user(args: argparse.Namespace) -> int:
    """Create or update an account; the password comes from stdin (one line), never from the command line."""
    from bot.store.accounts import AccountError
    from bot.store.accounts import add_user as store_add_user
    from bot.store.places import resolve_exact

    if not args.password_stdin:
        print("Geef het wachtwoord via stdin met --password-stdin (niet als argument).", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\n")
    engine = default_engine()
    prepare_database(engine, example_file=None)
    try:
        with session_scope(engine) as session:
            code = None
            if args.municipality:
                code = resolve_exact(session, args.municipality)
                if code is None:
                    print(f"Onbekende gemeente '{args.municipality}'.", file=sys.stderr)
                    return 1
            account = store_add_user(session, args.name, args.role, password, code)
    except AccountError as error:
        print(error, file=sys.stderr)
        return 1
    where = f" ({account.municipality_code})" if account.municipality_code else ""
    print(f"Account '{account.username}' met rol {account.role}{where} is klaar.")
    return 0


def deactivate_user(args: argparse.Namespace) -> int:
    """Switch an account off; its sessions end, an open console closes within half a minute."""
    from bot.store.accounts import audit
    from bot.store.accounts import deactivate_user as store_deactivate_user

    engine = default_engine()
    prepare_database(engine, example_file=None)
    with session_scope(engine) as session:
        if not store_deactivate_user(session, args.name):
            print(f"Er is geen account '{args.name}'.", file=sys.stderr)
            return 1
        audit(session, args.name, "account.deactivated")
    print(f"Account '{args.name}' staat uit. Alle sessies zijn beëindigd.")
    return 0


def whole_days(value: str) -> int:
    """A number of days of at least 1 (conversations active today are never purged)."""
    try:
        days = int(value)
    except ValueError:
        days = 0
    if days < 1:
        raise argparse.ArgumentTypeError(f"geef een heel aantal dagen van 1 of meer, niet '{value}'")
    return days


def purge(args: argparse.Namespace) -> int:
    """Delete what is past its retention period (bot/store/retention.py), here and in the tracker store."""
    import os

    from bot.store.db import make_engine
    from bot.store.retention import RetentionPolicy, purge_all

    policy = RetentionPolicy(
        closed_melding_days=args.closed_days,
        melding_days=args.melding_days,
        conversation_days=args.conversation_days,
        audit_days=args.audit_days,
    )
    engine = default_engine()
    prepare_database(engine, example_file=None)
    tracker_url = os.environ.get("TRACKER_DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'tracker.db'}"
    tracker_engine = make_engine(tracker_url)
    try:
        with session_scope(engine) as session:
            report = purge_all(session, tracker_engine, policy)
    finally:
        tracker_engine.dispose()
    print(
        f"Verwijderd: {report.meldingen} melding(en), {report.conversations} gesprek(ken), "
        f"{report.handovers} overdracht(en), {report.audit_entries} auditregel(s); "
        f"{report.handovers_closed} open gebleven overdracht(en) gesloten."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("setup-db", help="migraties, gemeenten, meldpunten en voorbeelddata").set_defaults(
        run=setup_db
    )
    importer = commands.add_parser("import-activities", help="activiteiten importeren (CSV of JSON)")
    importer.add_argument("file")
    importer.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")
    importer.set_defaults(run=import_activities)
    exporter = commands.add_parser("export-activities", help="activiteiten exporteren (CSV of JSON)")
    exporter.add_argument("file", nargs="?", default="-")
    exporter.add_argument("--format", choices=("csv", "json"))
    exporter.set_defaults(run=export_activities)
    deliverer = commands.add_parser("deliver", help="meldingen afleveren bij het meldpunt (e-mail, webhook)")
    deliverer.add_argument("--once", action="store_true", help="één ronde, dan stoppen")
    deliverer.set_defaults(run=deliver)
    user = commands.add_parser("add-user", help="account voor de console of de inbox")
    user.add_argument("name")
    user.add_argument("--role", required=True, choices=("volunteer", "wijkteam", "admin"))
    user.add_argument("--municipality", help="gemeente (naam of CBS-code); verplicht voor wijkteam")
    user.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin")
    user.set_defaults(run=add_user)
    deactivator = commands.add_parser("deactivate-user", help="account uitzetten en uitloggen")
    deactivator.add_argument("name")
    deactivator.set_defaults(run=deactivate_user)
    purger = commands.add_parser("purge", help="verwijderen wat langer dan de bewaartermijn bewaard is")
    purger.add_argument("--closed-days", type=whole_days, default=DEFAULT_CLOSED_MELDING_DAYS)
    purger.add_argument("--melding-days", type=whole_days, default=DEFAULT_MELDING_DAYS)
    purger.add_argument("--audit-days", type=whole_days, default=DEFAULT_AUDIT_DAYS)
    # At least 1: the Rasa server keeps conversations active in the last minutes in memory
    # (bot/rasa_ext/tracker_store.py), so today's conversations must not be purged under it.
    purger.add_argument("--conversation-days", type=whole_days, default=DEFAULT_CONVERSATION_DAYS)
    purger.set_defaults(run=purge)
    add_insight_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))
