"""Paths the tests and benchmarks share."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"
VENV_BIN = ROOT / ".venv" / "bin"
