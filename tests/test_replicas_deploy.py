"""deploy/compose.yaml and deploy/Caddyfile are well-formed and agree with each other and with
the bot's settings: PostgreSQL, two replicas in webhook mode that a reverse proxy spreads the
webhook path over, health checks everywhere. (Docker cannot run here: Docker Hub is out of
reach, so the images are never pulled; this checks the files as written.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from bot.settings import Settings
from bot.webhook import HEALTH_PATH, webhook_path

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
COMPOSE = DEPLOY / "compose.yaml"
CADDYFILE = DEPLOY / "Caddyfile"
# What an operator puts in .env (compose substitutes ${…} from it).
DOTENV = {"POSTGRES_PASSWORD": "pg-secret", "WEBHOOK_HOST": "bot.example.com",
          "WEBHOOK_SECRET": "hook_secret-1", "TELEGRAM_BOT_TOKEN": "1"}
VARIABLE = re.compile(r"\$\{(\w+)(?::\?[^}]*)?\}")


def substituted(value: Any) -> Any:
    """`${NAME}` and `${NAME:?message}` replaced as compose does; a variable missing from
    .env fails the test, as it stops compose."""
    if isinstance(value, str):
        return VARIABLE.sub(lambda match: DOTENV[match.group(1)], value)
    if isinstance(value, dict):
        return {key: substituted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [substituted(item) for item in value]
    return value


@pytest.fixture(scope="module")
def services() -> dict[str, dict[str, Any]]:
    return substituted(yaml.safe_load(COMPOSE.read_text()))["services"]


def bots(services: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {name: service for name, service in services.items() if name.startswith("bot-")}


def bot_settings(monkeypatch: pytest.MonkeyPatch, service: dict[str, Any]) -> Settings:
    for key in Settings.model_fields:
        monkeypatch.delenv(key.upper(), raising=False)
    for key, value in {"TELEGRAM_BOT_TOKEN": "1", **service["environment"]}.items():
        monkeypatch.setenv(key, str(value))
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_postgres_two_webhook_replicas_and_a_proxy_each_health_checked(
        services: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    assert set(services) == {"postgres", "bot-1", "bot-2", "proxy"}
    assert all(service.get("healthcheck", {}).get("test") for service in services.values())
    replicas = bots(services)
    names = set()
    for service in replicas.values():
        assert service["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
        assert (COMPOSE.parent / service["build"]["context"] / "deploy/Dockerfile").is_file()
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["healthcheck"]["test"] == ["CMD", "ehr-coach", "health"]
        settings = bot_settings(monkeypatch, service)
        assert settings.webhook_problem() is None  # webhook mode, with a valid secret
        assert settings.webhook_url == "https://bot.example.com/telegram"
        names.add(settings.replica_name)
        # Both on the one PostgreSQL of the compose file, as its user, into its database.
        url = urlsplit(service["environment"]["DATABASE_URL"])
        postgres = services["postgres"]["environment"]
        assert url.scheme == "postgresql" and url.hostname == "postgres"
        assert (url.username, url.password, url.path.lstrip("/")) == (
            postgres["POSTGRES_USER"], postgres["POSTGRES_PASSWORD"], postgres["POSTGRES_DB"])
    assert names == set(replicas)  # each replica has its own name in the lease
    environments = [{k: v for k, v in s["environment"].items() if k != "REPLICA_NAME"}
                    for s in replicas.values()]
    assert environments[0] == environments[1]  # otherwise identical
    assert not any("ports" in service for service in replicas.values())  # only via the proxy


def test_the_proxy_spreads_the_webhook_path_over_both_replicas_and_checks_their_health(
        services: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    proxy = services["proxy"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert set(proxy["depends_on"]) == set(bots(services))
    assert {"80:80", "443:443"} <= set(proxy["ports"])
    caddyfile = CADDYFILE.read_text()
    site = re.search(r"^\{\$(\w+)\} \{$", caddyfile, re.MULTILINE)
    assert site is not None and proxy["environment"][site.group(1)] == DOTENV["WEBHOOK_HOST"]
    routed = re.search(r"handle (\S+) \{\s*reverse_proxy ([^{]+)\{([^}]*)\}", caddyfile)
    assert routed is not None
    path, upstreams, options = routed.group(1), set(routed.group(2).split()), routed.group(3)
    expected = set()
    for name, service in bots(services).items():
        settings = bot_settings(monkeypatch, service)
        assert webhook_path(settings.webhook_url) == path  # Telegram's path reaches the bot
        expected.add(f"{name}:{settings.webhook_port}")
    assert upstreams == expected
    assert re.search(rf"^\s*health_uri {re.escape(HEALTH_PATH)}$", options, re.MULTILINE)
    assert re.search(r"^\s*lb_try_duration \d+s$", options, re.MULTILINE)  # retry elsewhere
