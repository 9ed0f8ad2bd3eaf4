"""Shared fixtures of the route tests: shipped policies only (no VIGIE_CONFIG_DIR)."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.route.policy import TenantPolicy, clear_cache, load_policy


@pytest.fixture(scope="session")
def no_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("empty-config")


@pytest.fixture(autouse=True)
def _fresh_policy_cache() -> None:
    clear_cache()


@pytest.fixture
def quebec(no_config: Path) -> TenantPolicy:
    return load_policy("default", no_config)


@pytest.fixture
def paris(no_config: Path) -> TenantPolicy:
    return load_policy("paris-bank", no_config)
