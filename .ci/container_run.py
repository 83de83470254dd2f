"""Start the built image against the Bot API stand-in and check what the README promises.

`python .ci/container_run.py IMAGE` (the dev venv's Python, from the repository root): serves
the stand-in over HTTP on 127.0.0.1, runs IMAGE with `--env-file .env.example` on the host
network and a named volume on /data, then checks that the bot starts as the non-root user,
answers /salary, reports healthy through the image's HEALTHCHECK (`ehr-coach health`, the
heartbeat in polling mode), keeps its database on the volume, and exits 0 on `docker stop`.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid

from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from tests.harness import TEST_TOKEN
from tests.http_bot import wait_for

READY_TIMEOUT = 90.0


def docker(*arguments: str, check: bool = True) -> str:
    done = subprocess.run(["docker", *arguments], capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise SystemExit(f"docker {' '.join(arguments)} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def _health(container: str) -> str:
    return docker("inspect", "--format", "{{.State.Health.Status}}", container, check=False)


async def check(image: str) -> None:
    api = FakeTelegram()
    name = f"ehr-coach-ci-{uuid.uuid4().hex[:8]}"
    volume = f"{name}-data"
    async with FakeBotServer(api) as server:
        docker("run", "-d", "--name", name, "--network", "host", "--env-file", ".env.example",
               "-e", f"TELEGRAM_BOT_TOKEN={TEST_TOKEN}",
               "-e", f"TELEGRAM_API_BASE_URL={server.base_url}",
               "-e", f"TELEGRAM_API_FILE_URL={server.file_url}",
               "-e", "HEARTBEAT_INTERVAL=2",
               # The image's own HEALTHCHECK command, checked more often than in production.
               "--health-interval", "2s", "--health-start-period", "0s",
               "-v", f"{volume}:/data", image)
        try:
            await wait_for(lambda: api.calls_to("setMyCommands"), READY_TIMEOUT,
                           "the bot in the container to start")
            api.push(api.text_update(api.user(501), "/salary"))
            await wait_for(lambda: api.calls_to("sendMessage", 501), 30, "the /salary reply")
            assert "$" in api.calls_to("sendMessage", 501)[0].text
            await wait_for(lambda: _health(name) == "healthy", 60, "a healthy HEALTHCHECK")
            user = docker("exec", name, "id", "-un")
            assert user == "coach", f"the bot runs as {user}"
            files = docker("exec", name, "ls", "/data").split()
            assert "ehr_coach.sqlite3" in files and "heartbeat" in files, files
            docker("stop", "--time", "30", name)
            code = docker("inspect", "--format", "{{.State.ExitCode}}", name)
            assert code == "0", f"exit code {code} after docker stop"
            print(f"container check: ok ({image}: answered /salary, healthy, runs as {user}, "
                  f"database on the /data volume, exit 0 on docker stop)")
        except BaseException:
            print(docker("logs", name, check=False), file=sys.stderr)
            raise
        finally:
            docker("rm", "-f", name, check=False)
            docker("volume", "rm", volume, check=False)


if __name__ == "__main__":
    asyncio.run(check(sys.argv[1]))
