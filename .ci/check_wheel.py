"""`python .ci/check_wheel.py WHEEL`: the wheel holds the four packages, every data file and
migration of the repository, the console command, and nothing from tests/, bench/ or eval/."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "knowledge", "db")
DATA = ("knowledge/data/*.yaml", "db/migrations/*.sql")
LEFT_OUT = ("tests/", "bench/", "eval/", ".ci/", "deploy/")


def main(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {path.relative_to(ROOT).as_posix()
                for pattern in DATA for path in ROOT.glob(pattern)}
    missing = sorted(expected - names)
    assert not missing, f"missing from the wheel: {missing}"
    for package in PACKAGES:
        assert f"{package}/__init__.py" in names, f"package {package} missing"
    stray = sorted(name for name in names if name.startswith(LEFT_OUT))
    assert not stray, f"should not be in the wheel: {stray}"
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "ehr-coach = bot.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    print(f"wheel contents: ok ({wheel.name}: {len(names)} files, {len(expected)} data files "
          f"and migrations, console command ehr-coach)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
