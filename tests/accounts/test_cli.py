"""`clientele user create --admin` makes the first admin."""

import os
import subprocess
import sys
import uuid

from clientele.accounts import users
from tests.conftest import ROOT


async def test_user_create_admin(database: str) -> None:
    email = f"first-admin-{uuid.uuid4().hex[:6]}@example.com"
    env = {**os.environ, "DATABASE_URL": database, "CLIENTELE_PASSWORD": "a-long-password-1"}
    done = subprocess.run([sys.executable, "-m", "clientele", "user", "create", "--admin",
                           "--email", email, "--name", "First Admin"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"created admin user {email}" in done.stdout
    user = await users.authenticate(email, "a-long-password-1")
    assert user is not None and user["name"] == "First Admin"
    short = subprocess.run([sys.executable, "-m", "clientele", "user", "create", "--email",
                            f"x{email}"], env={**env, "CLIENTELE_PASSWORD": "short"},
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert short.returncode != 0 and "At least 10 characters" in short.stderr
