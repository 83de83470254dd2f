#!/usr/bin/env python3
"""One entry point for everything: `python3 dev.py run|local|test|bench|lint|lock`.

On first use (and whenever the lock files or pyproject.toml change) it creates `.venv` beside
this file, installs the locked versions (`requirements-dev.txt`, hashes checked) and then the
project itself, editable, so the tests run against the installed package; then it runs the task
inside it. Only the Python 3.11 standard library is needed to start.

`python3 dev.py lock` writes the lock files from pyproject.toml (with uv; PyPI needed) after a
dependency is added or changed; `python3 dev.py lock --upgrade` moves every pin to the newest
version allowed. The other tasks refuse to run while pyproject.toml and the lock disagree.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# The tool that writes the lock files, pinned so every refresh resolves the same way.
LOCK_TOOL = "uv==0.13.9"
LOCK_COMMAND = "python3 dev.py lock"
# The lock files: what the bot needs (Dockerfile, systemd), the build backend (the Dockerfile's
# wheel stage), and all of it plus the test tools (dev.py).
RUNTIME_LOCK = ROOT / "requirements.txt"
BUILD_LOCK = ROOT / "requirements-build.txt"
DEV_LOCK = ROOT / "requirements-dev.txt"
LOCKS = (RUNTIME_LOCK, BUILD_LOCK, DEV_LOCK)
DIGEST_PREFIX = "# pyproject-dependencies-sha256: "

TASKS = {
    "run": ["-m", "bot"],
    "local": ["-m", "bot", "--local"],
    "test": ["-m", "pytest", "-q"],
    "bench": ["-m", "bench"],
    "lint": ["-m", "ruff", "check", "."],
}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def dependencies_digest() -> str:
    """A digest of everything the lock is made from: dependencies, extras, build backend."""
    pyproject = _pyproject()
    project = pyproject["project"]
    inputs = {
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": pyproject.get("build-system", {}).get("requires", []),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def lock_problem() -> str | None:
    """Why the lock files cannot be used as they are, or None when they match pyproject.toml."""
    digest = dependencies_digest()
    for lock in LOCKS:
        if not lock.exists():
            return f"{lock.name} is missing."
        first_line = lock.read_text().partition("\n")[0]
        if first_line != DIGEST_PREFIX + digest:
            return (f"the dependencies in pyproject.toml changed since {lock.name} was written "
                    "(or it was edited by hand).")
    return None


def _uv(*arguments: str) -> None:
    subprocess.run([str(BIN / "uv"), "pip", "compile", "--quiet", "--generate-hashes",
                    "--universal", "--python-version", "3.11",
                    "--custom-compile-command", LOCK_COMMAND, *arguments],
                   cwd=ROOT, check=True)


def write_locks(upgrade: bool) -> None:
    """Resolve pyproject.toml into the three lock files; existing pins are kept unless
    `upgrade`. The test lock is constrained by the other two, so the versions agree."""
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", LOCK_TOOL], check=True)
    refresh = ["--upgrade"] if upgrade else []
    with tempfile.TemporaryDirectory() as scratch:
        build_input = Path(scratch) / "build-system.in"
        build_input.write_text("\n".join(_pyproject()["build-system"]["requires"]) + "\n")
        _uv(str(build_input), "-o", BUILD_LOCK.name, *refresh)
        _uv("pyproject.toml", "-o", RUNTIME_LOCK.name, *refresh)
        _uv("pyproject.toml", str(build_input), "--all-extras", "-c", RUNTIME_LOCK.name,
            "-c", BUILD_LOCK.name, "-o", DEV_LOCK.name, *refresh)
    digest_line = DIGEST_PREFIX + dependencies_digest()
    for lock in LOCKS:
        text = lock.read_text().replace(f"-r {build_input}", "pyproject.toml (build-system)")
        lines = [line for line in text.splitlines() if not line.startswith(DIGEST_PREFIX)]
        lock.write_text("\n".join([digest_line, *lines]) + "\n")
    print(f"Wrote {', '.join(lock.name for lock in LOCKS)}; commit them with pyproject.toml.")


def ensure_environment() -> None:
    """Create the virtual environment and install the locked versions when they changed."""
    problem = lock_problem()
    if problem:
        sys.exit(f"dev.py: {problem}\nRefresh the lock files with `{LOCK_COMMAND}` "
                 "(needs PyPI), then commit requirements*.txt.")
    installed = hashlib.sha256(DEV_LOCK.read_bytes()
                               + (ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{installed}"
    if stamp.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"Installing the locked dependencies from {DEV_LOCK.name} ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "install", "--require-hashes", "-r", str(DEV_LOCK)], check=True)
    # The project itself, editable: its dependencies are all in the lock already, and the build
    # backend too (so nothing unlocked is fetched for an isolated build).
    subprocess.run([*pip, "install", "--no-deps", "--no-build-isolation", "-e", f"{ROOT}[test]"],
                   check=True)
    subprocess.run([*pip, "check"], check=True)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def main(argv: list[str]) -> int:
    if argv[:1] == ["lock"]:
        write_locks(upgrade="--upgrade" in argv[1:])
        return 0
    if not argv or argv[0] not in TASKS:
        print(f"usage: python3 dev.py {{{'|'.join([*TASKS, 'lock'])}}} [extra arguments]")
        return 2
    ensure_environment()
    command = [str(PYTHON), *TASKS[argv[0]], *argv[1:]]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
