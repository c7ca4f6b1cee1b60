"""`python -m bot import-activities` / `export-activities`: all-or-nothing, upsert, same format back."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.socialmap.activity_file import COLUMNS
from bot.store.db import make_engine, session_scope
from bot.store.models import Activity, ActivityInterest
from bot.store.seed import prepare_database
from tests.support.paths import ROOT

GOOD = {
    "source_id": "buurthuis-42",
    "title": "Koffie in De Linde",
    "description": "Elke week koffie met de buurt. Je bent welkom.",
    "organiser": "Buurthuis De Linde",
    "municipality": "Nijmegen",
    "neighbourhood": "Hatert",
    "address": "Buurthuis De Linde",
    "interests": "koffie en ontmoeting",
    "audience": "iedereen",
    "days": "di;do",
    "start_time": "10:00",
    "end_time": "11:30",
    "cost_eur": "1.50",
    "wheelchair_access": "ja",
    "contact_phone": "",
    "contact_email": "linde@example.org",
    "contact_website": "",
    "updated": "2026-11-01",
    "example": "nee",
}


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] | list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def row(**changes: str) -> dict[str, str]:
    return {**GOOD, **changes}


@pytest.fixture()
def database(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    engine = make_engine(empty_url)
    prepare_database(engine, example_file=None)
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", empty_url)
    return empty_url


def count(url: str) -> int:
    engine = make_engine(url)
    with session_scope(engine) as session:
        total = int(session.scalar(select(func.count()).select_from(Activity)) or 0)
    engine.dispose()
    return total


def test_good_file_is_imported(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(
        tmp_path / "a.csv", [row(), row(source_id="buurthuis-43", days="", start_time="", end_time="")]
    )
    assert main(["import-activities", str(path)]) == 0
    assert "2 nieuw" in capsys.readouterr().out
    assert count(database) == 2


def test_reimport_updates_and_never_duplicates(database: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [row()])
    assert main(["import-activities", str(path)]) == 0
    write_csv(path, [row(title="Koffie in De Linde (nieuw)", interests="koffie en ontmoeting;spel")])
    assert main(["import-activities", str(path)]) == 0
    assert count(database) == 1
    engine = make_engine(database)
    with session_scope(engine) as session:
        activity = session.scalar(select(Activity))
        assert activity.title == "Koffie in De Linde (nieuw)"
        interests = session.scalars(select(ActivityInterest.interest)).all()
        assert sorted(interests) == ["koffie en ontmoeting", "spel"]
    engine.dispose()


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"municipality": "Atlantis"}, "onbekende gemeente 'Atlantis'"),
        ({"interests": "paardrijden"}, "onbekende interesse 'paardrijden'"),
        ({"days": "maandag;xx"}, "onbekende dag 'xx'"),
        ({"start_time": "25:00"}, "start_time '25:00' is geen tijd"),
        ({"end_time": "09:00"}, "end_time ligt niet na start_time"),
        ({"cost_eur": "gratis"}, "cost_eur 'gratis' is geen bedrag"),
        ({"wheelchair_access": "misschien"}, "wheelchair_access moet ja of nee zijn"),
        ({"title": ""}, "title is leeg"),
        ({"contact_email": "geen-adres"}, "is geen e-mailadres"),
        ({"updated": "1-11-2026"}, "is geen datum"),
    ],
)
def test_one_bad_row_is_named_and_nothing_is_imported(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: dict[str, str], reason: str
) -> None:
    rows = [row(), row(source_id="b-2", **bad), row(source_id="b-3")]
    path = write_csv(tmp_path / "a.csv", rows)
    assert main(["import-activities", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Regel 3:" in err and reason in err
    assert "Regel 2" not in err and "Regel 4" not in err
    assert "niets opgeslagen" in err
    assert count(database) == 0


def test_duplicate_ids_in_one_file(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "a.csv", [row(), row(title="Nog eens")])
    assert main(["import-activities", str(path)]) == 1
    assert "staat er dubbel in (ook op regel 2)" in capsys.readouterr().err
    assert count(database) == 0


def test_wrong_columns(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(
        tmp_path / "a.csv", [row()], columns=[c for c in COLUMNS if c != "municipality"] + ["plaats"]
    )
    assert main(["import-activities", str(path)]) == 1
    err = capsys.readouterr().err
    assert "ontbrekende kolommen: municipality" in err and "onbekende kolommen: plaats" in err
    assert count(database) == 0


def test_bad_encoding(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "a.csv", [row(title="Café Ons Genoegen")])
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    assert main(["import-activities", str(path)]) == 1
    assert "geen UTF-8" in capsys.readouterr().err
    assert count(database) == 0


def test_bad_json(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"source_id": "x",', encoding="utf-8")
    assert main(["import-activities", str(path)]) == 1
    assert "JSON-bestand klopt niet" in capsys.readouterr().err


def test_json_item_with_wrong_columns(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([GOOD, {**GOOD, "source_id": "x-2", "kleur": "blauw"}]), encoding="utf-8")
    assert main(["import-activities", str(path)]) == 1
    assert "Item 2: onbekende kolommen: kleur" in capsys.readouterr().err
    assert count(database) == 0


def test_dry_run_stores_nothing(database: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [row()])
    assert main(["import-activities", str(path), "--dry-run"]) == 0
    assert count(database) == 0


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_export_then_import_gives_the_same(database: str, tmp_path: Path, suffix: str) -> None:
    source = write_csv(
        tmp_path / "in.csv", [row(), row(source_id="b-2", municipality="GM0153", cost_eur="0")]
    )
    assert main(["import-activities", str(source)]) == 0
    first = tmp_path / f"out.{suffix}"
    assert main(["export-activities", str(first)]) == 0
    assert main(["import-activities", str(first)]) == 0
    second = tmp_path / f"again.{suffix}"
    assert main(["export-activities", str(second)]) == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert count(database) == 2
    if suffix == "csv":
        exported = {r["source_id"]: r for r in csv.DictReader(first.open(encoding="utf-8"))}
        assert exported["buurthuis-42"]["municipality"] == "Nijmegen"
        assert exported["b-2"]["municipality"] == "Enschede"
        assert exported["buurthuis-42"]["days"] == "di;do" and exported["buurthuis-42"]["cost_eur"] == "1.5"


def test_command_line_names_the_bad_row(database: str, tmp_path: Path) -> None:
    """The acceptance check of the issue, through the real command."""
    path = write_csv(
        tmp_path / "a.csv", [row(), row(source_id="b-2"), row(source_id="b-3", municipality="Nergenshuizen")]
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "import-activities", str(path)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Regel 4: onbekende gemeente 'Nergenshuizen'" in result.stderr
    assert count(database) == 0
