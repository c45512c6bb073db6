"""Passwords (argon2id via argon2-cffi) and opaque tokens (random, stored as sha256).

An argon2 hash or check costs tens of milliseconds of CPU and 64 MiB of memory on purpose. On
the event loop, 40 sign-ins at once would stall every other request for seconds, so the async
variants run it in a small thread pool (argon2-cffi releases the GIL while it hashes). The pool
is bounded (`PASSWORD_HASH_THREADS`, default 2): more sign-ins at once wait their turn rather
than taking more cores and memory; the sign-in rate limits keep that queue short."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# verified against when the email is unknown, so both cases take the same time
_DUMMY_HASH = _hasher.hash("not a real password")

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def hash_password(password: str) -> str:
    """Blocking; from async code use `hash_password_async`."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Blocking; from async code use `verify_password_async`."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            from clientele.settings import Settings

            _pool = ThreadPoolExecutor(max_workers=Settings.from_env().password_hash_threads,
                                       thread_name_prefix="argon2")
        return _pool


async def hash_password_async(password: str) -> str:
    """`hash_password` off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(_executor(), hash_password, password)


async def verify_password_async(password_hash: str | None, password: str) -> bool:
    """`verify_password` off the event loop (the same work whether or not the user exists)."""
    return await asyncio.get_running_loop().run_in_executor(
        _executor(), verify_password, password_hash, password)


def new_token(prefix: str) -> str:
    """A random token such as `clt_…` (the prefix tells what it is when it leaks)."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
