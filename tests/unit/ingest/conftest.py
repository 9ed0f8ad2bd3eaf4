"""Shared fixtures for the ingest unit tests: a two-tenant registry, payload files, a receipt time."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from services.ingest.tenants import TenantRegistry, parse_registry

PAYLOADS = Path(__file__).with_name("payloads")

REGISTRY_YAML = """
tenants:
  acme:
    name: Acme
    facebook_page_ids: ["105360279071416"]
    instagram_account_ids: [17841405309211844]   # unquoted on purpose: YAML reads it as an int
    x_user_ids: ["3001969357"]
    wordpress_sites: ["https://blog.acme.example", "42"]
    own_account_ids: ["1", "6500000000000001"]   # WordPress admin; a community manager's profile
  globex:
    facebook_page_ids: ["200000000000002"]
    x_user_ids: ["4000000004"]
    wordpress_sites: ["https://globex.example/news/"]
"""


@pytest.fixture
def registry() -> TenantRegistry:
    return parse_registry(yaml.safe_load(REGISTRY_YAML))


@pytest.fixture
def received_at() -> datetime:
    return datetime(2026, 11, 28, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def payload() -> Callable[[str], Any]:
    def load(name: str) -> Any:
        return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))

    return load
