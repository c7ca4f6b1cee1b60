#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 runs on 3.8-3.10 only), or explains what to install.
set -u

is_py310() {
    [ -x "$1" ] || command -v "$1" >/dev/null 2>&1 || return 1
    [ "$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "3.10" ]
}

# 1. On PATH (a pyenv shim counts only if it really runs 3.10).
for candidate in python3.10 python3 python; do
    if is_py310 "$candidate"; then
        "$candidate" -c 'import sys; print(sys.executable)'
        exit 0
    fi
done

# 2. In pyenv's versions, even when 3.10 is not the selected version.
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
if command -v pyenv >/dev/null 2>&1; then
    pyenv_root="$(pyenv root)"
fi
for candidate in "$pyenv_root"/versions/3.10*/bin/python3.10; do
    if is_py310 "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done

# 3. Through uv (finds or installs a managed Python 3.10).
if command -v uv >/dev/null 2>&1; then
    found="$(uv python find 3.10 2>/dev/null || true)"
    if [ -z "$found" ] && uv python install 3.10 >/dev/null 2>&1; then
        found="$(uv python find 3.10 2>/dev/null || true)"
    fi
    if [ -n "$found" ] && is_py310 "$found"; then
        echo "$found"
        exit 0
    fi
fi

cat >&2 <<'MSG'
No Python 3.10 found. Rasa 3.6 needs Python 3.8-3.10; this project uses 3.10.
Install one of these, then run the make command again:
  - pyenv:  pyenv install 3.10
  - uv:     uv python install 3.10
  - Debian/Ubuntu: apt install python3.10 python3.10-venv
MSG
exit 1
