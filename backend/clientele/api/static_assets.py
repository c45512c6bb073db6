"""The SPA's hashed assets, sent as the build compressed them (frontend/precompress.ts writes a
.br and a .gz next to each file worth it): brotli to browsers that accept it, else gzip, else
the file itself, with `Vary: Accept-Encoding`. A hashed name never changes content, so every
answer may be cached for a year (`immutable`); `index.html`, which names them, is `no-cache`.
Starlette's StaticFiles finds the files (its path checks stay: no traversal)."""

from __future__ import annotations

import mimetypes
import stat

import anyio
from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (q=0 refuses one)."""
    codings = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q=") and q[2:].strip() in ("0", "0.0", "0.00", "0.000"):
            continue
        if name.strip():
            codings.add(name.strip().lower())
    return codings


class PrecompressedFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code != 200 or not isinstance(response, FileResponse):
            return response
        wanted = accepted(Headers(scope=scope).get("accept-encoding", ""))
        for coding, suffix in ENCODINGS:
            if coding not in wanted and "*" not in wanted:
                continue
            try:
                full, found = await anyio.to_thread.run_sync(self.lookup_path, path + suffix)
            except (OSError, ValueError):
                continue
            if found is not None and stat.S_ISREG(found.st_mode):
                media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
                compressed = FileResponse(full, stat_result=found, media_type=media_type,
                                          headers={"Content-Encoding": coding})
                return _cached(compressed)
        return _cached(response)


def _cached(response: Response) -> Response:
    response.headers["Cache-Control"] = IMMUTABLE
    response.headers["Vary"] = "Accept-Encoding"
    return response
