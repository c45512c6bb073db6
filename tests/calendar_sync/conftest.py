"""Feeds in these tests come from HTTP servers on 127.0.0.1, which the outbound fetch guard
refuses by default (tests/security/test_fetch_guard.py proves it); here that network is
allowed explicitly, as a self-hoster with an internal feed would through
FETCH_ALLOW_NETWORKS."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest

from clientele.core import fetch


@pytest.fixture(autouse=True)
def loopback_feeds_allowed() -> Iterator[None]:
    fetch.allow_networks((ipaddress.ip_network("127.0.0.0/8"),))
    yield
    fetch.allow_networks(None)
