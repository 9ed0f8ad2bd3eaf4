"""Fixtures of the respond tests: a real local HTTPS site for link checks, shipped route policies."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from respond_helpers import LocalSite, client_ssl_context, https_site, respond_config, respond_policy

from services.respond.decide import RespondConfig
from services.respond.links import HttpLinkChecker
from services.respond.policy import RespondPolicy
from services.route.policy import TenantPolicy, clear_cache, load_policy


@pytest.fixture(autouse=True)
def _only_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """No respond test may reach beyond 127.0.0.1: a stray request fails loudly instead."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] != "127.0.0.1":
            raise AssertionError(f"test tried to connect to {address[0]}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(scope="session")
def site() -> Iterator[LocalSite]:
    with https_site() as local:
        yield local


@pytest.fixture
def checker() -> HttpLinkChecker:
    return HttpLinkChecker(timeout=0.5, ssl_context=client_ssl_context())


@pytest.fixture(scope="session")
def no_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("empty-config")


@pytest.fixture
def quebec(no_config: Path) -> TenantPolicy:
    clear_cache()
    return load_policy("default", no_config)


@pytest.fixture
def paris(no_config: Path) -> TenantPolicy:
    clear_cache()
    return load_policy("paris-bank", no_config)


@pytest.fixture
def policy(site: LocalSite) -> RespondPolicy:
    return respond_policy(site)


@pytest.fixture
def config(policy: RespondPolicy) -> RespondConfig:
    return respond_config(policy)
