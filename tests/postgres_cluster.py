"""A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl` to
start and stop it, listening on 127.0.0.1 at a free port (and a unix socket in that folder).

The server binaries are Debian's (`/usr/lib/postgresql/<version>/bin`, package `postgresql`;
`.ci/run` installs it) or any `initdb` on PATH. initdb refuses to run as root: as root, the
cluster is made and run by the `postgres` system user (the Debian package creates it).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SERVER_USER = "postgres"  # the system user running the server when we are root
_SETTINGS = ("max_connections=200", "shared_buffers=32MB")
# Durability is not what the tests check: a faster server, and no leftovers on the disk. A
# durable cluster (the benchmark's) keeps PostgreSQL's defaults, as in production.
_NOT_DURABLE = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here (the message says what was looked for)."""


def server_binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres (the newest Debian version first)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(Path(path).parent.parent.name)
                   if Path(path).parent.parent.name.isdigit() else 0)
    on_path = shutil.which("initdb")
    candidates = [Path(path).parent for path in reversed(found)]
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    raise PostgresUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl: /usr/lib/postgresql/*/bin or PATH); "
        "install Debian's postgresql package (.ci/run does)")


def free_port() -> int:
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresCluster:
    """One server; `url(name)` addresses a database on it, `create_database()` makes one."""

    bin_dir: Path
    folder: Path
    port: int = field(default_factory=free_port)
    durable: bool = False
    _databases: int = 0

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def _as_server_user(self, *command: str) -> list[str]:
        if os.geteuid() != 0:
            return list(command)
        return ["runuser", "-u", SERVER_USER, "--", *command]

    def _run(self, *command: str) -> None:
        done = subprocess.run(self._as_server_user(*command), capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}): "
                               f"{(done.stderr or done.stdout).strip()[-2000:]}")

    @classmethod
    def create(cls, durable: bool = False) -> PostgresCluster:
        """initdb a new cluster in a fresh temporary folder and start it; `durable` keeps
        fsync and synchronous commits on."""
        bin_dir = server_binaries()
        folder = Path(tempfile.mkdtemp(prefix="ehr-coach-pg-"))
        cluster = cls(bin_dir, folder, durable=durable)
        if os.geteuid() == 0:
            shutil.chown(folder, SERVER_USER)
        cluster._run(str(bin_dir / "initdb"), "-D", str(cluster.data_dir), "-U", "postgres",
                     "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        cluster.start()
        return cluster

    def start(self) -> None:
        options = " ".join([f"-c listen_addresses=127.0.0.1 -c port={self.port}",
                            f"-c unix_socket_directories={self.folder}",
                            *(f"-c {setting}" for setting in self._settings())])
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-w", "-t", "60",
                  "-l", str(self.folder / "server.log"), "-o", options, "start")

    def _settings(self) -> tuple[str, ...]:
        return _SETTINGS if self.durable else _SETTINGS + _NOT_DURABLE

    def server_pid(self) -> int:
        """The postmaster's process id (the first line of postmaster.pid)."""
        return int((self.data_dir / "postmaster.pid").read_text().split()[0])

    def stop(self) -> None:
        """Stop the server at once (clients see their connections drop)."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-w", "-m", "fast",
                  "stop")

    def destroy(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{quote(database)}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        self._databases += 1
        name = f"test_{self._databases}"
        psql = self.bin_dir / "psql"
        command = str(psql) if psql.exists() else "psql"
        self._run(command, "-q", "-X", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-d", "postgres", "-c", f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)
