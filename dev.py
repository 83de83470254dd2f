#!/usr/bin/env python3
"""One entry point for everything: `python3 dev.py run|local|test|bench|lint`.

On first use (and whenever pyproject.toml changes) it creates `.venv` beside this file and
installs the dependencies listed in pyproject.toml into it; then it runs the task inside it.
Only the Python 3.11 standard library is needed to start.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

TASKS = {
    "run": ["-m", "bot"],
    "local": ["-m", "bot", "--local"],
    "test": ["-m", "pytest", "-q"],
    "bench": ["-m", "bench"],
    "lint": ["-m", "ruff", "check", "."],
}


def _requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project.get("optional-dependencies", {})
    return [*project["dependencies"], *(req for group in extras.values() for req in group)]


def ensure_environment() -> None:
    """Create the virtual environment and install the requirements when they changed."""
    requirements = _requirements()
    digest = hashlib.sha256("\n".join(requirements).encode()).hexdigest()[:16]
    stamp = VENV / f".installed-{digest}"
    if stamp.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing dependencies (first run only) ...", flush=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         *requirements],
        check=True,
    )
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        print(f"usage: python3 dev.py {{{'|'.join(TASKS)}}} [extra arguments]")
        return 2
    ensure_environment()
    command = [str(PYTHON), *TASKS[argv[0]], *argv[1:]]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
