"""A real HTTP server on a local address for outbound-fetch tests: each path answers what the
test says (status, headers, body; 304 when If-None-Match names its ETag), and every request it
receives is recorded, so a test can show that a refused address was never contacted."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class LocalServer:
    host: str
    port: int
    routes: dict[str, Answer] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


@contextlib.contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler],
            host: str = "127.0.0.1") -> Iterator[int]:
    """`handler` answering on a free port of `host` in a thread; yields the port."""
    server = http.server.ThreadingHTTPServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def local_server(host: str = "127.0.0.1") -> Iterator[LocalServer]:
    state = LocalServer(host, 0)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            status, headers, body = state.routes.get(self.path, (404, {}, b"not here"))
            if "etag" in headers and self.headers.get("if-none-match") == headers["etag"]:
                status, body = 304, b""  # conditional GET, as feed servers answer it
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler, host) as port:
        state.port = port
        yield state
