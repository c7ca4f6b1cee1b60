"""Runs `deduce` on texts from stdin, in a Python where deduce is installed (not the project's venv).

Reads JSON {"texts": [...], "disabled": [...], "repeat": n} and writes JSON with the de-identified
texts, the seconds for `repeat` passes, the load time and the peak memory of this process.
Standalone: imports nothing from the project, so it runs under any Python that has deduce.
"""

import json
import resource
import sys
import time


def main() -> None:
    request = json.load(sys.stdin)
    started = time.perf_counter()
    from deduce import Deduce

    deduce = Deduce()
    load_seconds = time.perf_counter() - started
    disabled = set(request.get("disabled") or []) or None
    texts = request["texts"]
    outputs = [deduce.deidentify(text, disabled=disabled).deidentified_text for text in texts]
    started = time.perf_counter()
    for _ in range(int(request.get("repeat", 1))):
        for text in texts:
            deduce.deidentify(text, disabled=disabled)
    seconds = time.perf_counter() - started
    import deduce as package

    json.dump(
        {
            "outputs": outputs,
            "seconds": seconds,
            "load_seconds": load_seconds,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "version": getattr(package, "__version__", "?"),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
