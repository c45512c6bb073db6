"""Without DATABASE_URL the app starts an embedded PostgreSQL whose data persists."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, _stop_embedded


def _cli(data_dir: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["CLIENTELE_DATA_DIR"] = str(data_dir)
    done = subprocess.run([sys.executable, "-m", "clientele", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_first_start_seeds_and_second_start_reuses_the_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    try:
        assert "seeded 3 customers" in _cli(data_dir, "seed", "--count", "3")
        assert (data_dir / "pg" / "PG_VERSION").exists()
        _stop_embedded(data_dir)  # a real restart of the database server
        assert "not empty" in _cli(data_dir, "seed", "--count", "3")
    finally:
        _stop_embedded(data_dir)
