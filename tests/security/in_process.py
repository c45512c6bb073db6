"""The app in this process (httpx's ASGI transport) on the test session's database, for tests of
what every response carries: no subprocess, no lifespan (the session owns the pool), and
settings of the test's choosing."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import httpx

from clientele.accounts.services import ensure_default_account
from clientele.app import create_app
from clientele.settings import Settings


@contextlib.asynccontextmanager
async def in_process(**settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of a fresh app built with `Settings(**settings)` (the defaults otherwise);
    anonymous requests belong to the default account, as in a server."""
    app = create_app(dataclasses.replace(Settings(calendar_polling=False), **settings))
    app.state.account = await ensure_default_account("CH")
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False,
                                    client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def app_client(account: Any, *, production: bool, token: str | None = None
               ) -> httpx.AsyncClient:
    """A client of a fresh app whose anonymous requests belong to `account`, in production or
    development mode, signed in with a bearer `token` or anonymous."""
    settings = dataclasses.replace(Settings.from_env(),
                                   app_env="production" if production else "development")
    app = create_app(settings)
    app.state.account = account
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             headers=headers)
