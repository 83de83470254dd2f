"""The aiogram peer's own virtual environment, made on first use.

aiogram 3 pins pydantic below the version the project runs on, so it cannot share the
project's venv; `bench/peers/.venv-aiogram` (git-ignored) gets the locked
`aiogram-requirements.txt` instead, and is rebuilt when that file changes.
"""

from __future__ import annotations

import hashlib
import subprocess
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "aiogram-requirements.txt"
VENV = HERE / ".venv-aiogram"
PYTHON = VENV / "bin" / "python"


def aiogram_python(progress: bool = True) -> Path:
    """The interpreter of the aiogram environment, creating or updating it when needed."""
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{digest}"
    if stamp.exists():
        return PYTHON
    if progress:
        print("Creating the aiogram peer's environment (first run only) ...", flush=True)
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    installed = subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet",
                                "--disable-pip-version-check", "-r", str(REQUIREMENTS)],
                               check=False)
    if installed.returncode != 0:
        raise RuntimeError(f"pip could not install {REQUIREMENTS} into {VENV} (it needs PyPI); "
                           "leave the aiogram peer out with --bots bot,ptb-httpx,ptb-aiohttp")
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()
    return PYTHON
