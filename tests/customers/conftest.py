"""Fixtures of the customer tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from clientele.customers.search.service import service


@pytest.fixture
async def index() -> AsyncIterator[object]:
    """Search answers from the in-process index; torn down so other tests see a cold one."""

    async def rebuild() -> None:
        service.clear()
        await service.build()

    yield rebuild
    await service.stop()
    service.clear()
