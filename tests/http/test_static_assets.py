"""The SPA's assets go out as the build compressed them (issue 17): brotli or gzip by what the
browser accepts, cached for a year; index.html is asked for again each time."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from clientele.app import spa_routes

SCRIPT = b"console.log('hello');\n" * 200


@pytest.fixture
def client(tmp_path: Path) -> httpx.AsyncClient:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "app-abc123.js").write_bytes(SCRIPT)
    (assets / "app-abc123.js.gz").write_bytes(gzip.compress(SCRIPT))
    (assets / "app-abc123.js.br").write_bytes(b"brotli-bytes")  # what the build wrote
    (assets / "tiny-1.css").write_bytes(b"a{}")  # too small to be compressed
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>")
    app = Starlette(routes=spa_routes(tmp_path))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_brotli_to_who_accepts_it_gzip_else_the_file_itself(client) -> None:
    br = await client.get("/assets/app-abc123.js",
                          headers={"accept-encoding": "gzip, deflate, br"})
    assert br.status_code == 200 and br.headers["content-encoding"] == "br"
    assert br.content == b"brotli-bytes"  # sent as stored, not decoded by the client here
    assert br.headers["content-type"].startswith("text/javascript") or \
        br.headers["content-type"].startswith("application/javascript")
    gz = await client.get("/assets/app-abc123.js", headers={"accept-encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip" and gz.content == SCRIPT  # httpx decodes
    plain = await client.get("/assets/app-abc123.js", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == SCRIPT
    refused = await client.get("/assets/app-abc123.js",
                               headers={"accept-encoding": "br;q=0, gzip"})
    assert refused.headers["content-encoding"] == "gzip"
    for response in (br, gz, plain):
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert response.headers["vary"] == "Accept-Encoding"


async def test_small_files_and_missing_ones(client) -> None:
    tiny = await client.get("/assets/tiny-1.css", headers={"accept-encoding": "br, gzip"})
    assert tiny.status_code == 200 and "content-encoding" not in tiny.headers
    assert tiny.content == b"a{}"
    assert (await client.get("/assets/nope.js")).status_code == 404
    assert (await client.get("/assets/..%2findex.html")).status_code == 404


async def test_index_html_is_asked_for_again(client) -> None:
    index = await client.get("/customers/123")
    assert index.status_code == 200 and index.headers["cache-control"] == "no-cache"


def test_the_build_writes_both_copies_of_every_script() -> None:
    """The real build (make test builds it first): each script has a .gz that decodes to it and
    a smaller .br (Chromium reads those in every e2e test)."""
    dist = Path(__file__).resolve().parents[2] / "frontend" / "dist" / "assets"
    scripts = [p for p in sorted(dist.glob("*.js")) if p.stat().st_size >= 1024]
    assert scripts, "frontend/dist is not built"
    for script in scripts:
        data = script.read_bytes()
        assert gzip.decompress(Path(f"{script}.gz").read_bytes()) == data
        assert Path(f"{script}.br").stat().st_size < len(data)
