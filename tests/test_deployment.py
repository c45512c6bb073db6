"""docker-compose.yml and the Dockerfile (Docker cannot run here, so they are read)."""

from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_have_health_checks() -> None:
    services = _compose()["services"]
    assert set(services) >= {"postgres", "redis", "app"}
    for name in ("postgres", "redis", "app"):
        assert services[name]["healthcheck"]["test"], name


def test_app_is_wired_to_postgres_and_redis() -> None:
    compose = _compose()
    app, postgres = compose["services"]["app"], compose["services"]["postgres"]
    env = app["environment"]
    db = urlparse(env["DATABASE_URL"])
    assert db.scheme == "postgresql" and db.hostname == "postgres"
    assert db.username == postgres["environment"]["POSTGRES_USER"]
    assert db.password == postgres["environment"]["POSTGRES_PASSWORD"]
    assert db.path.lstrip("/") == postgres["environment"]["POSTGRES_DB"]
    broadcast = urlparse(env["BROADCAST_URL"])
    assert (broadcast.scheme, broadcast.hostname) == ("redis", "redis")
    for dependency in ("postgres", "redis"):
        assert app["depends_on"][dependency]["condition"] == "service_healthy"
    assert app["build"] == "." and (ROOT / "Dockerfile").exists()
    assert f"{env['PORT']}:" in app["ports"][0] or app["ports"][0].endswith(f":{env['PORT']}")


def test_settings_read_every_variable_compose_sets() -> None:
    import inspect

    from clientele import settings

    source = inspect.getsource(settings)
    for variable in _compose()["services"]["app"]["environment"]:
        assert f'"{variable}"' in source, variable


def test_dockerfile_builds_the_frontend_and_serves_the_app() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "npm run build --workspace frontend" in dockerfile
    assert 'CMD ["clientele", "serve"]' in dockerfile
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
