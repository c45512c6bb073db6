"""docker-compose.yml and the Dockerfile, by what they do (Docker cannot run here).

The compose file is interpolated as compose does it and its app environment is read by the
real `Settings`; the image's environment, command and health check are run against a real
server on the test database, in the production mode the image declares.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from dockerfile_parse import DockerfileParser

from clientele.settings import Settings
from tests.conftest import running_server

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
_VARIABLE = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


class MissingVariable(Exception):
    pass


def _interpolate(value: object, env: dict[str, str]) -> object:
    """Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error} (required)."""
    if isinstance(value, dict):
        return {k: _interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def replace(match: re.Match) -> str:
        name, operator, argument = match.groups()
        current = env.get(name)
        if operator and operator.endswith("?") and not current:
            raise MissingVariable(f"{name}: {argument}")
        if operator and operator.endswith("-") and not current:
            return argument
        return current or ""

    return _VARIABLE.sub(replace, value)


def _compose(env: dict[str, str]) -> dict:
    return _interpolate(yaml.safe_load((ROOT / "docker-compose.yml").read_text()), env)


def _image() -> DockerfileParser:
    return DockerfileParser(path=str(ROOT / "Dockerfile"))


def test_compose_has_no_default_database_password() -> None:
    with pytest.raises(MissingVariable, match="POSTGRES_PASSWORD"):
        _compose({})


def test_services_have_health_checks_and_only_the_app_is_published() -> None:
    services = _compose({"POSTGRES_PASSWORD": "s3cret"})["services"]
    assert set(services) >= {"postgres", "redis", "app"}
    for name in ("postgres", "redis", "app"):
        assert services[name]["healthcheck"]["test"], name
    assert "ports" not in services["postgres"] and "ports" not in services["redis"]


def test_the_app_reaches_postgres_and_redis_with_the_operators_password() -> None:
    compose = _compose({"POSTGRES_PASSWORD": "s3cret"})
    app, postgres = compose["services"]["app"], compose["services"]["postgres"]
    settings = _settings(app["environment"])
    db = urlparse(settings.database_url)
    assert (db.scheme, db.hostname, db.password) == ("postgresql", "postgres", "s3cret")
    assert db.username == postgres["environment"]["POSTGRES_USER"]
    assert db.path.lstrip("/") == postgres["environment"]["POSTGRES_DB"]
    assert db.password == postgres["environment"]["POSTGRES_PASSWORD"]
    broadcast = urlparse(settings.broadcast_url)
    assert (broadcast.scheme, broadcast.hostname) == ("redis", "redis")
    for dependency in ("postgres", "redis"):
        assert app["depends_on"][dependency]["condition"] == "service_healthy"
    assert app["build"] == "." and (ROOT / "Dockerfile").exists()
    assert app["ports"][0].endswith(f":{settings.port}")


def test_compose_runs_production_without_demo_data_and_hsts_off_unless_asked() -> None:
    app = _compose({"POSTGRES_PASSWORD": "s3cret"})["services"]["app"]
    settings = _settings(app["environment"])
    assert settings.production and settings.host == "0.0.0.0"
    assert settings.hsts_seconds == 0
    tls = _compose({"POSTGRES_PASSWORD": "s3cret", "HSTS_SECONDS": "31536000"})
    assert _settings(tls["services"]["app"]["environment"]).hsts_seconds == 31536000


def test_the_image_runs_production_and_serves_the_built_frontend() -> None:
    image = _image()
    settings = _settings(image.envs)
    assert settings.production and settings.host == "0.0.0.0"
    copies = [i["value"].split() for i in image.structure if i["instruction"] == "COPY"]
    assert ["--from=frontend", "/src/frontend/dist", "frontend/dist"] in copies
    workdir = [i["value"] for i in image.structure if i["instruction"] == "WORKDIR"][-1]
    assert str(settings.frontend_dist) == f"{workdir}/frontend/dist"
    build = json.loads((ROOT / "package.json").read_text())["scripts"]["build"]
    runs = [i["value"] for i in image.structure if i["instruction"] == "RUN"]
    assert build in runs  # the frontend stage builds the way `npm run build` does here


def _settings(environment: dict[str, str]) -> Settings:
    """The settings a process started with exactly `environment` would read."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            patch.delenv(name)
        for name, value in environment.items():
            patch.setenv(name, str(value))
        return Settings.from_env()


def _command(value: str) -> list[str]:
    """An exec-form CMD (JSON array), with `clientele` resolved to this checkout's script."""
    command = json.loads(value[value.index("["):])
    return [str(VENV_BIN / command[0]) if command[0] == "clientele" else command[0],
            *command[1:]]


def test_the_image_command_serves_and_its_health_check_says_so(database_url: str) -> None:
    """The image's CMD with the image's environment (database and port of this test) serves in
    production; the HEALTHCHECK command exits 0 while it does, and 1 once it is gone."""
    image = _image()
    serve = _command(image.cmd)
    assert serve[1:] == ["serve"]
    healthcheck = next(i["value"] for i in image.structure if i["instruction"] == "HEALTHCHECK")
    check = _command(healthcheck)
    env = {**image.envs, "CLIENTELE_FRONTEND_DIST": str(ROOT / "frontend" / "dist"),
           "CALENDAR_POLLING": "0"}
    env.pop("PORT"), env.pop("HOST")  # the test server's own (a free port, loopback)
    with running_server(database_url, **env) as base:
        environment = {**os.environ, **env, "DATABASE_URL": database_url,
                       "HOST": "127.0.0.1", "PORT": str(urlparse(base).port)}
        healthy = subprocess.run(check, env=environment, capture_output=True, text=True,
                                 timeout=30)
        assert healthy.returncode == 0, healthy.stdout + healthy.stderr
        assert json.loads(healthy.stdout) == {"status": "ok"}
    gone = subprocess.run(check, env=environment, capture_output=True, text=True, timeout=30)
    assert gone.returncode == 1


def test_duplicates_refresher_runs_every_five_minutes_and_zero_turns_it_off() -> None:
    assert _settings({}).duplicates_refresh_seconds == 300.0
    assert _settings({"DUPLICATES_REFRESH_SECONDS": "0"}).duplicates_refresh_seconds is None
    assert _settings({"DUPLICATES_REFRESH_SECONDS": "0.2"}).duplicates_refresh_seconds == 1.0
