"""Writes the Dutch spaCy pipeline that `config.yml` names to one directory.

`nl_core_news_sm` is used when it is installed. Where it cannot be installed (no internet, only the
package registries), spaCy's blank Dutch with the lookup lemmatizer from spacy-lookups-data is used
instead. Both land in the same directory, so `config.yml` has one `SpacyNLP` entry for both.

Usage: python -m bot.rasa_ext.nlp.dutch_pipeline prepare [--try-download] DIR
       python -m bot.rasa_ext.nlp.dutch_pipeline status DIR
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

FULL_MODEL = "nl_core_news_sm"
FULL_MODEL_VERSION = "3.4.0"
# The official release of the model (spaCy models are not on PyPI).
FULL_MODEL_URL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    f"{FULL_MODEL}-{FULL_MODEL_VERSION}/{FULL_MODEL}-{FULL_MODEL_VERSION}-py3-none-any.whl"
)
FALLBACK_NAME = "nl_blank_lookup_fallback"
DOWNLOAD_TIMEOUT_SECONDS = 120

FALLBACK_WARNING = (
    "WAARSCHUWING / WARNING: nl_core_news_sm is not installed, so the assistant runs on the "
    "fallback Dutch pipeline (spaCy blank 'nl' + lookup lemmatizer from spacy-lookups-data). "
    "Everything works, but without Dutch POS tags and NER. Install the model with "
    "`make setup` on a machine with internet access to use it."
)


def full_model_installed() -> bool:
    """Tell whether the `nl_core_news_sm` package is installed (without importing spaCy)."""
    return importlib.util.find_spec(FULL_MODEL) is not None


def try_download() -> bool:
    """Try to install `nl_core_news_sm` from its official release; return True on success."""
    print(f"Trying to install {FULL_MODEL} {FULL_MODEL_VERSION} from its official release...")
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "download",
                f"{FULL_MODEL}-{FULL_MODEL_VERSION}",
                "--direct",
                "--timeout",
                "20",
                "--retries",
                "0",
                "--quiet",
            ],
            capture_output=True,
            text=True,
            timeout=DOWNLOAD_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        print(f"Installing {FULL_MODEL} timed out.")
        return False
    if result.returncode != 0:
        print(f"Could not install {FULL_MODEL} (no access to its release).")
        return False
    return True


def pipeline_kind(directory: Path) -> str | None:
    """Return the name recorded in the pipeline directory's meta.json, or None."""
    meta = directory / "meta.json"
    if not meta.exists():
        return None
    return str(json.loads(meta.read_text(encoding="utf-8")).get("name"))


def build_fallback():  # type: ignore[no-untyped-def]
    """Build spaCy's blank Dutch with the lookup lemmatizer from spacy-lookups-data."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = FALLBACK_NAME
    nlp.meta["description"] = "Blank Dutch with lookup lemmatizer (fallback for nl_core_news_sm)"
    return nlp


def prepare(directory: Path, download: bool) -> str:
    """Write the best available Dutch pipeline to `directory` and return its kind."""
    if not full_model_installed() and download:
        try_download()
    wanted = "core_news_sm" if full_model_installed() else FALLBACK_NAME
    current = pipeline_kind(directory)
    if current == wanted:
        return wanted  # unchanged: leave the files alone so the model is not retrained
    import spacy

    nlp = spacy.load(FULL_MODEL) if wanted != FALLBACK_NAME else build_fallback()
    tmp = directory.with_name(directory.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(tmp)
    shutil.rmtree(directory, ignore_errors=True)
    tmp.rename(directory)
    return str(pipeline_kind(directory))


def warn_if_fallback(directory: Path) -> None:
    """Print the one clear warning when the fallback pipeline is in use."""
    kind = pipeline_kind(directory)
    if kind is None:
        print(f"No Dutch spaCy pipeline in {directory}; run `make setup`.", file=sys.stderr)
    elif kind == FALLBACK_NAME:
        print(FALLBACK_WARNING, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["prepare", "status"])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--try-download", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        kind = prepare(args.directory, args.try_download)
        print(f"Dutch spaCy pipeline in {args.directory}: {kind}", flush=True)
    warn_if_fallback(args.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
