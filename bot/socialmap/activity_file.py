"""The activity file format (CSV or JSON) that organisations import and export: read, check, write.

Pure logic: no database. `read_activity_file` checks every row and reports each bad one by line
(CSV) or item number (JSON) with a Dutch reason, so that an import is all-or-nothing. The columns are
documented in the README ("Importing activities").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bot.socialmap.activity_terms import AUDIENCES, DAY_CODES, INTERESTS

COLUMNS: tuple[str, ...] = (
    "source_id",
    "title",
    "description",
    "organiser",
    "municipality",
    "neighbourhood",
    "address",
    "interests",
    "audience",
    "days",
    "start_time",
    "end_time",
    "cost_eur",
    "wheelchair_access",
    "contact_phone",
    "contact_email",
    "contact_website",
    "updated",
    "example",
)
REQUIRED: frozenset[str] = frozenset(
    {"source_id", "title", "description", "organiser", "municipality", "interests", "audience", "updated"}
)
LIMITS: dict[str, int] = {
    "source_id": 80,
    "title": 120,
    "description": 300,
    "organiser": 120,
    "neighbourhood": 80,
    "address": 160,
    "contact_phone": 40,
    "contact_email": 120,
    "contact_website": 200,
}
MAX_FILE_BYTES = 20 * 1024 * 1024
_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9 +()-]{3,40}$")
YES = frozenset({"ja", "j", "yes", "true", "1", "waar"})
NO = frozenset({"nee", "n", "no", "false", "0", "onwaar", ""})


@dataclass(frozen=True)
class ActivityRow:
    """One checked activity, ready to be stored."""

    source_id: str
    title: str
    description: str
    organiser: str
    municipality_code: str
    neighbourhood: str
    address: str
    interests: tuple[str, ...]
    audiences: tuple[str, ...]
    days: tuple[int, ...]
    start_time: dt.time | None
    end_time: dt.time | None
    cost_cents: int
    wheelchair_access: bool
    contact_phone: str
    contact_email: str
    contact_website: str
    updated: dt.date
    is_example: bool


@dataclass(frozen=True)
class RowError:
    """Why one row cannot be imported; `where` is "regel 5" (CSV) or "item 3" (JSON)."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where[0].upper()}{self.where[1:]}: {self.reason}"


class ActivityFileError(ValueError):
    """The file as a whole cannot be read (encoding, columns, JSON syntax, size)."""


@dataclass(frozen=True)
class ReadResult:
    """The rows that passed and the errors of those that did not."""

    rows: tuple[ActivityRow, ...]
    errors: tuple[RowError, ...]


# Resolves what a file says in `municipality` (a name, alias or CBS code) to a CBS code, or None.
MunicipalityResolver = Callable[[str], str | None]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return str(value).strip()


def _time(value: str, column: str, problems: list[str]) -> dt.time | None:
    if not value:
        return None
    match = _TIME.match(value)
    if not match:
        problems.append(f"{column} '{value}' is geen tijd als 09:30")
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def check_row(raw: dict[str, Any], resolve: MunicipalityResolver) -> tuple[ActivityRow | None, list[str]]:
    """Check one row; return the activity or the list of Dutch reasons why not."""
    values = {column: _text(raw.get(column)) for column in COLUMNS}
    problems = [f"{column} is leeg" for column in COLUMNS if column in REQUIRED and not values[column]]
    for column, limit in LIMITS.items():
        if len(values[column]) > limit:
            problems.append(f"{column} is te lang (meer dan {limit} tekens)")
    if values["source_id"] and not _SOURCE_ID.match(values["source_id"]):
        problems.append(f"source_id '{values['source_id']}' mag alleen letters, cijfers en . _ : - bevatten")
    code = resolve(values["municipality"]) if values["municipality"] else None
    if values["municipality"] and code is None:
        problems.append(f"onbekende gemeente '{values['municipality']}'")
    interests = [item.lower() for item in _split(values["interests"])]
    problems += [f"onbekende interesse '{item}'" for item in interests if item not in INTERESTS]
    audiences = [item.lower() for item in _split(values["audience"])]
    problems += [f"onbekende doelgroep '{item}'" for item in audiences if item not in AUDIENCES]
    day_codes = [item.lower()[:2] for item in _split(values["days"])]
    problems += [f"onbekende dag '{item}'" for item in day_codes if item not in DAY_CODES]
    start = _time(values["start_time"], "start_time", problems)
    end = _time(values["end_time"], "end_time", problems)
    if bool(values["start_time"]) != bool(values["end_time"]):
        problems.append("vul start_time en end_time allebei in, of allebei niet")
    elif start and end and start >= end:
        problems.append("end_time ligt niet na start_time")
    if (start or end) and not day_codes:
        problems.append("er staan tijden maar geen dagen")
    cost_cents = 0
    try:
        cost = Decimal(values["cost_eur"].replace(",", ".") or "0")
        if cost < 0 or cost != cost.quantize(Decimal("0.01")) or cost > 10000:
            raise InvalidOperation
        cost_cents = int(cost * 100)
    except InvalidOperation:
        problems.append(f"cost_eur '{values['cost_eur']}' is geen bedrag als 2.50")
    flags: dict[str, bool] = {}
    for column in ("wheelchair_access", "example"):
        word = values[column].lower()
        if word not in YES | NO:
            problems.append(f"{column} moet ja of nee zijn, niet '{values[column]}'")
        flags[column] = word in YES
    if values["contact_email"] and not _EMAIL.match(values["contact_email"]):
        problems.append(f"contact_email '{values['contact_email']}' is geen e-mailadres")
    if values["contact_phone"] and not _PHONE.match(values["contact_phone"]):
        problems.append(f"contact_phone '{values['contact_phone']}' is geen telefoonnummer")
    if values["contact_website"] and not values["contact_website"].startswith(("https://", "http://")):
        problems.append("contact_website moet met https:// beginnen")
    updated = dt.date.today()
    if values["updated"]:
        try:
            updated = dt.date.fromisoformat(values["updated"])
        except ValueError:
            problems.append(f"updated '{values['updated']}' is geen datum als 2026-11-01")
    if problems or code is None:
        return None, problems
    return (
        ActivityRow(
            source_id=values["source_id"],
            title=values["title"],
            description=values["description"],
            organiser=values["organiser"],
            municipality_code=code,
            neighbourhood=values["neighbourhood"],
            address=values["address"],
            interests=tuple(dict.fromkeys(interests)),
            audiences=tuple(dict.fromkeys(audiences)),
            days=tuple(sorted({DAY_CODES.index(item) for item in day_codes})),
            start_time=start,
            end_time=end,
            cost_cents=cost_cents,
            wheelchair_access=flags["wheelchair_access"],
            contact_phone=values["contact_phone"],
            contact_email=values["contact_email"],
            contact_website=values["contact_website"],
            updated=updated,
            is_example=flags["example"],
        ),
        [],
    )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ActivityFileError(
            f"Het bestand is geen UTF-8 (onleesbaar teken op byte {error.start}). "
            "Sla het op als 'CSV UTF-8' of UTF-8-tekst en probeer het opnieuw."
        ) from error


def _csv_records(text: str) -> Iterable[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    if not header:
        raise ActivityFileError("Het bestand is leeg: er staat geen kopregel met kolomnamen in.")
    problem = _column_problem(header)
    if problem:
        raise ActivityFileError(f"De kolommen in de kopregel kloppen niet ({problem}).")
    reader.fieldnames = header
    for record in reader:
        if None in record:
            yield f"regel {reader.line_num}", {"__extra__": True}
            continue
        yield f"regel {reader.line_num}", record


def _json_records(text: str) -> Iterable[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ActivityFileError(
            f"Het JSON-bestand klopt niet op regel {error.lineno}: {error.msg}."
        ) from error
    if isinstance(data, dict) and isinstance(data.get("activities"), list):
        data = data["activities"]
    if not isinstance(data, list):
        raise ActivityFileError(
            'Het JSON-bestand moet een lijst van activiteiten zijn (of {"activities": [...]}).'
        )
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            yield f"item {number}", {"__not_object__": True}
            continue
        problem = _column_problem(list(item))
        yield f"item {number}", ({"__columns__": problem} if problem else item)


def _column_problem(names: list[str]) -> str | None:
    """What is wrong with a set of column names, or None."""
    unknown = [name for name in names if name not in COLUMNS]
    missing = sorted(REQUIRED - set(names))
    parts = []
    if missing:
        parts.append("ontbrekende kolommen: " + ", ".join(missing))
    if unknown:
        parts.append("onbekende kolommen: " + ", ".join(unknown))
    if not parts:
        return None
    return "; ".join(parts) + f". Gebruik deze kolommen: {', '.join(COLUMNS)}"


def file_format(path: Path) -> str:
    """The format of a file, "csv" or "json", from its name."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix == ".json":
        return "json"
    raise ActivityFileError(f"Onbekend bestandstype '{suffix or path.name}': gebruik .csv of .json.")


def read_activity_file(path: Path, resolve: MunicipalityResolver) -> ReadResult:
    """Read and check a whole file; duplicates of a source_id within the file are errors too."""
    if not path.is_file():
        raise ActivityFileError(f"Het bestand '{path}' bestaat niet.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ActivityFileError("Het bestand is groter dan 20 MB; splits het in delen.")
    kind = file_format(path)
    text = _decode(path.read_bytes())
    records = _csv_records(text) if kind == "csv" else _json_records(text)
    rows: list[ActivityRow] = []
    errors: list[RowError] = []
    seen: dict[str, str] = {}
    for where, record in records:
        if record.get("__extra__"):
            errors.append(RowError(where, "deze regel heeft meer velden dan de kopregel"))
            continue
        if record.get("__not_object__"):
            errors.append(RowError(where, "dit is geen object met kolommen"))
            continue
        if record.get("__columns__"):
            errors.append(RowError(where, str(record["__columns__"])))
            continue
        row, problems = check_row(record, resolve)
        source_id = _text(record.get("source_id"))
        if source_id and source_id in seen:
            problems.append(f"source_id '{source_id}' staat er dubbel in (ook op {seen[source_id]})")
        elif source_id:
            seen[source_id] = where
        if problems:
            errors.append(RowError(where, "; ".join(problems)))
        elif row is not None:
            rows.append(row)
    return ReadResult(tuple(rows), tuple(errors))


def row_to_record(row: ActivityRow, municipality_name: str) -> dict[str, str]:
    """The file form of one activity (the inverse of `check_row`)."""
    cost = Decimal(row.cost_cents) / 100
    return {
        "source_id": row.source_id,
        "title": row.title,
        "description": row.description,
        "organiser": row.organiser,
        "municipality": municipality_name,
        "neighbourhood": row.neighbourhood,
        "address": row.address,
        "interests": ";".join(row.interests),
        "audience": ";".join(row.audiences),
        "days": ";".join(DAY_CODES[day] for day in row.days),
        "start_time": row.start_time.strftime("%H:%M") if row.start_time else "",
        "end_time": row.end_time.strftime("%H:%M") if row.end_time else "",
        "cost_eur": f"{cost:.2f}".rstrip("0").rstrip(".") if row.cost_cents else "0",
        "wheelchair_access": "ja" if row.wheelchair_access else "nee",
        "contact_phone": row.contact_phone,
        "contact_email": row.contact_email,
        "contact_website": row.contact_website,
        "updated": row.updated.isoformat(),
        "example": "ja" if row.is_example else "nee",
    }


def write_activity_file(records: list[dict[str, str]], out: io.TextIOBase | Any, kind: str) -> None:
    """Write records as CSV (with header) or JSON (a list), in the import format."""
    if kind == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
