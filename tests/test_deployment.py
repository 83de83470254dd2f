"""Deployment as documented: where the database lands under Docker and systemd with
.env.example, start-up failures (one line, non-zero), the installed wheel, the console command,
backups, the heartbeat and `ehr-coach health`."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from bot.lifecycle import started
from bot.settings import Settings
from tests.harness import TEST_TOKEN, BotHarness
from tests.http_bot import ROOT, BotProcess, run_bot_cli, saved_profile, wait_for

ENV_EXAMPLE = ROOT / ".env.example"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
UNIT = ROOT / "deploy" / "ehr-career-coach.service"


def env_file(path: Path) -> dict[str, str]:
    """KEY=value lines as `docker run --env-file` and systemd's EnvironmentFile read them."""
    pairs = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value
    return pairs


def image_environment() -> dict[str, str]:
    """The ENV instructions of the Dockerfile's last (runtime) stage."""
    runtime = re.split(r"^FROM .*$", DOCKERFILE.read_text(), flags=re.MULTILINE)[-1]
    joined = runtime.replace("\\\n", " ")
    pairs = {}
    for line in joined.splitlines():
        if line.startswith("ENV "):
            for word in shlex.split(line[4:]):
                key, _, value = word.partition("=")
                pairs[key] = value
    return pairs


def unit_settings(key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in UNIT.read_text().splitlines()
            if line.startswith(f"{key}=")]


def settings_from(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]) -> Settings:
    for key in Settings.model_fields:
        monkeypatch.delenv(key.upper(), raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_env_example_values_survive_docker_and_systemd_as_written() -> None:
    """Neither --env-file nor EnvironmentFile strips quotes or trailing comments."""
    for key, value in env_file(ENV_EXAMPLE).items():
        assert "#" not in value and not value.startswith(("'", '"')), (key, value)


def test_docker_with_env_example_keeps_the_database_on_the_volume(
        monkeypatch: pytest.MonkeyPatch) -> None:
    image = image_environment()
    # `docker run --env-file .env` overrides the image's ENV.
    settings = settings_from(monkeypatch, {**image, **env_file(ENV_EXAMPLE)})
    assert settings.database_path == Path("/data/ehr_coach.sqlite3")
    assert settings.heartbeat_file == Path("/data/heartbeat")
    assert 'VOLUME ["/data"]' in DOCKERFILE.read_text()


def test_systemd_with_env_example_keeps_the_database_in_the_state_directory(
        monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = dict(line.split("=", 1) for line in unit_settings("Environment"))
    assert unit_settings("EnvironmentFile") == ["/etc/ehr-career-coach/env"]
    # The unit's install steps copy .env.example there; the file overrides Environment=.
    settings = settings_from(monkeypatch, {**defaults, **env_file(ENV_EXAMPLE)})
    state = Path("/var/lib") / unit_settings("StateDirectory")[0]
    assert settings.database_path.parent == state
    assert settings.heartbeat_file.parent == state
    assert unit_settings("WorkingDirectory") == [str(state)]


def test_a_bad_setting_names_the_variable_and_the_accepted_form(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path, TELEGRAM_BOT_TOKEN=TEST_TOKEN, OPERATOR_IDS="12,alice",
                         WEBHOOK_PORT="99999")
    assert result.returncode == 2
    assert "OPERATOR_IDS (got '12,alice'): expected Telegram user ids separated by commas" \
        in result.stderr
    assert "WEBHOOK_PORT (got '99999'): expected a port number, 1-65535" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_secret_is_never_echoed(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path, TELEGRAM_BOT_TOKEN=TEST_TOKEN, WEBHOOK_SECRET="s3cr3t",
                         CONCURRENT_UPDATES="0")
    assert result.returncode == 2 and "CONCURRENT_UPDATES" in result.stderr
    assert "s3cr3t" not in result.stderr


async def test_an_unwritable_database_folder_stops_at_once_with_one_line(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("")
    database = not_a_folder / "ehr_coach.sqlite3"
    async with FakeBotServer(FakeTelegram()) as server:
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, stderr=asyncio.subprocess.PIPE,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT),
                 "HOME": str(tmp_path), "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
                 "TELEGRAM_API_BASE_URL": server.base_url, "DATABASE_PATH": str(database)})
        _, stderr = await asyncio.wait_for(bot.communicate(), 30)
    lines = stderr.decode().strip().splitlines()
    assert bot.returncode == 1
    assert lines[-1].startswith(f"ehr-coach: stopped: the database at DATABASE_PATH={database} "
                                "cannot be used:"), lines
    assert "writable" in lines[-1] and "Traceback" not in stderr.decode()


def test_the_console_command_from_an_empty_folder_without_a_token(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("ehr-coach")
    assert command.exists(), "the project is not installed (python3 dev.py installs it)"
    result = subprocess.run([str(command), "run"], cwd=tmp_path, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, timeout=60)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr and "@BotFather" in result.stderr


def test_the_built_wheel_has_its_data_and_answers_salary_from_elsewhere(tmp_path: Path) -> None:
    """The wheel alone (installed into a folder of its own, run from an empty folder) finds its
    knowledge data and migrations and answers /salary through the stand-in."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path),
                    str(ROOT)], check=True, timeout=300)
    wheel = next(tmp_path.glob("ehr_career_coach-*.whl"))
    checked = subprocess.run([sys.executable, str(ROOT / ".ci" / "check_wheel.py"), str(wheel)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, timeout=300)
    empty = tmp_path / "empty"
    empty.mkdir()
    smoke = subprocess.run([sys.executable, str(ROOT / ".ci" / "wheel_smoke.py"), str(ROOT)],
                           cwd=empty, env={**os.environ, "PYTHONPATH": str(site)},
                           capture_output=True, text=True, timeout=120, check=False)
    assert smoke.returncode == 0, smoke.stderr
    assert f"bot from {site / 'bot'}" in smoke.stdout


async def test_backup_copies_the_live_database(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    async with BotHarness(tmp_path) as bot:
        await bot.send("/profile years=4 state=TX")
        monkeypatch.setenv("DATABASE_PATH", str(bot.settings.database_path))
        monkeypatch.chdir(tmp_path)
        target = tmp_path / "backups" / "copy.sqlite3"
        target.parent.mkdir()
        assert main(["backup", str(target)]) == 0  # while the bot has the database open
        await bot.send("/profile years=9")  # after the copy: not in it
    assert "Backed up" in capsys.readouterr().out
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT years, state FROM profiles").fetchall() == [(4, "TX")]
        assert copy.execute("PRAGMA user_version").fetchone()[0] > 0
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [path.name for path in target.parent.iterdir()] == ["copy.sqlite3"]


def test_backup_without_a_database_says_so(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path, "backup", str(tmp_path / "copy.sqlite3"),
                         DATABASE_PATH=str(tmp_path / "missing.sqlite3"))
    assert result.returncode == 1
    assert f"backup failed: no database at {tmp_path / 'missing.sqlite3'}" in result.stderr
    assert not (tmp_path / "missing.sqlite3").exists()


def _datagrams(sock: socket.socket) -> list[str]:
    received = []
    while True:
        try:
            received.append(sock.recv(1024).decode())
        except BlockingIOError:
            return received


async def test_heartbeat_file_and_systemd_watchdog(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    notify.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "notify"))
    async with BotHarness(tmp_path, heartbeat_interval=0.1) as bot:
        heartbeat = bot.settings.heartbeat_file
        monkeypatch.setenv("DATABASE_PATH", str(bot.settings.database_path))
        monkeypatch.setenv("HEARTBEAT_INTERVAL", "0.1")
        monkeypatch.chdir(tmp_path)
        assert main(["health"]) == 1  # not started yet: no heartbeat
        await bot.app.start()
        try:
            started(bot.app, bot.settings)
            await wait_for(heartbeat.exists, what="the heartbeat file")
            await wait_for(lambda: "WATCHDOG=1" in _datagrams(notify), what="WATCHDOG=1")
            assert main(["health"]) == 0
            # The database stops answering: the heartbeat stops, and the health check fails.
            await bot.db.close()
            os.utime(heartbeat, (0, 0))
            await asyncio.sleep(0.5)
            assert heartbeat.stat().st_mtime == 0
            assert main(["health"]) == 1
        finally:
            await bot.app.stop()
    notify.close()


def test_ready_is_sent_once_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.heartbeat import sd_notify

    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    notify.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "notify"))
    assert sd_notify("READY=1")
    assert _datagrams(notify) == ["READY=1"]
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not sd_notify("READY=1")  # not under systemd: nothing to do
    notify.close()


def test_the_lock_files_match_pyproject() -> None:
    """Refresh with `python3 dev.py lock` after changing a dependency."""
    done = subprocess.run([sys.executable, "-c", "import dev; print(dev.lock_problem())"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "None"


def test_dev_py_refuses_a_lock_that_pyproject_has_outgrown(tmp_path: Path) -> None:
    for name in ("dev.py", "pyproject.toml", "requirements.txt", "requirements-build.txt",
                 "requirements-dev.txt"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace(
        'dependencies = [\n', 'dependencies = [\n    "sentence-transformers>=3",\n', 1))
    done = subprocess.run([sys.executable, "dev.py", "test"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode != 0 and not (tmp_path / ".venv").exists()
    assert "the dependencies in pyproject.toml changed since requirements.txt was written" \
        in done.stderr
    assert "python3 dev.py lock" in done.stderr


def test_start_up_failures_in_one_line_naming_the_setting() -> None:
    from telegram.error import InvalidToken, NetworkError

    from bot.__main__ import failure_reason

    settings = Settings(_env_file=None, database_path=Path("/srv/coach.sqlite3"))  # type: ignore[call-arg]
    assert "TELEGRAM_BOT_TOKEN" in failure_reason(InvalidToken(), settings)
    assert failure_reason(NetworkError("connection refused"), settings).startswith(
        "cannot reach the Bot API at TELEGRAM_API_BASE_URL=https://api.telegram.org/bot")
    locked = failure_reason(sqlite3.OperationalError("attempt to write a readonly database"),
                            settings)
    assert locked.startswith("the database at DATABASE_PATH=/srv/coach.sqlite3 cannot be used")
    assert "writable by this user" in locked
    broken = failure_reason(sqlite3.OperationalError("near \"CREAT\": syntax error\nmore"),
                            settings)
    assert broken.endswith('cannot be used: near "CREAT": syntax error')
    assert failure_reason(ValueError("bad\nsecond line"), settings) == "ValueError: bad"


@pytest.mark.parametrize("event_loop", ["uvloop", "asyncio"])
async def test_the_bot_serves_and_stops_cleanly_on_either_event_loop(
        tmp_path: Path, event_loop: str) -> None:
    api = FakeTelegram()
    async with FakeBotServer(api) as server:
        bot = BotProcess(api, server, tmp_path / "bot.sqlite3", EVENT_LOOP=event_loop)
        await bot.start()
        api.push(api.text_update(api.user(41, "Lee"), "/profile years=2 state=ohio"))
        await wait_for(lambda: api.calls_to("sendMessage", 41), what="the reply")
        code, logged = await bot.stop(signal.SIGTERM)
    assert code == 0 and f"Event loop: {event_loop}" in logged and "Database closed" in logged
    assert saved_profile(bot.database, 41) == (2, "OH")
