"""The embedded PostgreSQL (no DATABASE_URL) is shared by the processes using one data folder
and stopped when the last of them exits: Ctrl-C, SIGTERM, a normal exit. A killed process
leaves it running, and the next start reuses it instead of starting a second one.

One data folder for the module (initdb once); each test ends with the server stopped."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest

from tests.conftest import ROOT, _stop_embedded, free_port
from tests.waiting import eventually_sync

QUIET = {"CLIENTELE_SEED": "0", "CALENDAR_POLLING": "0", "MESSAGES": "0", "ACCESS_LOG": "0"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("embedded")
    try:
        yield folder
    finally:
        _stop_embedded(folder)


def _postmaster(data_dir: Path) -> int | None:
    """The PID of the running server of `data_dir`, or None."""
    pid_file = data_dir / "pg" / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().split()[0])
        return pid if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE else None
    except (FileNotFoundError, IndexError, ValueError, psutil.Error):
        return None


def _servers(data_dir: Path) -> list[int]:
    """Every postgres process serving `data_dir` (there must never be two postmasters)."""
    pgdata = str((data_dir / "pg").resolve())
    found = []
    for process in psutil.process_iter(["name", "cmdline", "status"]):
        cmdline = process.info["cmdline"] or []
        if process.info["name"] == "postgres" and pgdata in cmdline \
                and process.info["status"] != psutil.STATUS_ZOMBIE:
            found.append(process.pid)
    return found


def _users(data_dir: Path) -> list[int]:
    """The PIDs pgserver records as users of the server (pg/.handle_pids.json)."""
    handles = data_dir / "pg" / ".handle_pids.json"
    return json.loads(handles.read_text()) if handles.exists() else []


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": "", "CLIENTELE_DATA_DIR": str(data_dir), **QUIET}
    done = subprocess.run([sys.executable, "-m", "clientele", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done


def _stopped(data_dir: Path, process: subprocess.Popen[Any]) -> None:
    process.wait(60)
    eventually_sync(lambda: _postmaster(data_dir) is None and not _servers(data_dir),
                    within=30, what="the embedded PostgreSQL to stop")
    assert not (data_dir / "pg" / "postmaster.pid").exists()  # a clean shutdown
    assert _users(data_dir) == []


@contextlib.contextmanager
def _serve(data_dir: Path, **env: str) -> Iterator[subprocess.Popen[bytes]]:
    """`clientele serve` on the embedded database, once /healthz answers (a deadline longer
    than conftest's server_process: a first start on a busy machine is slow)."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": "", "CLIENTELE_DATA_DIR": str(data_dir),
                   "HOST": "127.0.0.1", "PORT": str(port), **QUIET, **env}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "clientele", "serve"],
                                   env=environment, stdout=log, stderr=subprocess.STDOUT,
                                   cwd=ROOT)

        def ready() -> bool:
            if process.poll() is not None:
                log.seek(0)
                raise AssertionError(f"the server exited: {log.read().decode()[-3000:]}")
            try:
                return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).is_success
            except httpx.HTTPError:
                return False

        try:
            eventually_sync(ready, within=180, what="the server to start")
            yield process
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(30)


def test_two_processes_share_one_server_and_the_last_to_exit_stops_it(data_dir: Path) -> None:
    with _serve(data_dir) as server:
        postmaster = _postmaster(data_dir)
        assert postmaster is not None
        assert _cli(data_dir, "migrate").returncode == 0  # a second user, which exits first
        assert _postmaster(data_dir) == postmaster and _servers(data_dir) == [postmaster]
        assert _users(data_dir) == [server.pid]
        server.send_signal(signal.SIGTERM)
        _stopped(data_dir, server)


def test_ctrl_c_on_several_workers_stops_it(data_dir: Path) -> None:
    """uvicorn's workers use the server too and do not run exit handlers (they re-raise the
    signal): the supervising process, the last one out, forgets them and stops it."""
    with _serve(data_dir, WEB_CONCURRENCY="2") as server:
        eventually_sync(lambda: len(_users(data_dir)) == 3, within=120,
                        what="the supervisor and both workers to use the server")
        server.send_signal(signal.SIGINT)
        _stopped(data_dir, server)


# a user of the server that holds it until its standard input closes (lighter than `serve`)
HOLDER = ("import sys; from pathlib import Path; "
          "from clientele.core.embedded import embedded_database_url as url; "
          "print(url(Path(sys.argv[1])), flush=True); sys.stdin.read()")


def _holder(data_dir: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], env=env,
                               cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    assert process.stdout.readline().startswith("postgresql://")  # it holds the server now
    return process


def test_a_killed_process_leaves_it_running_and_the_next_start_reuses_it(
        data_dir: Path) -> None:
    first = _holder(data_dir)
    postmaster = _postmaster(data_dir)
    assert postmaster is not None
    first.kill()
    first.wait(30)
    assert _postmaster(data_dir) == postmaster  # still running: nobody stopped it
    second = _holder(data_dir)
    assert _postmaster(data_dir) == postmaster and _servers(data_dir) == [postmaster]
    assert _users(data_dir) == [second.pid]  # the killed one is forgotten
    assert second.stdin is not None
    second.stdin.close()  # a normal exit of the last live user stops the server
    _stopped(data_dir, second)
