"""Tenant registry: lookups, validation errors that name the field, file selection, secrets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from services.ingest.tenants import (
    DEFAULT_TENANTS_FILE,
    Tenant,
    TenantConfigError,
    TenantRegistry,
    load_registry,
    parse_registry,
    registry_path,
    secrets_by_tenant,
    site_key,
    tenant_secret,
)
from services.runtime.settings import Settings


def tid(tenant: Tenant | None) -> str | None:
    return tenant.id if tenant else None


def test_lookups(registry: TenantRegistry) -> None:
    assert tid(registry.by_meta_account("105360279071416")) == "acme"
    assert tid(registry.by_meta_account("17841405309211844")) == "acme"
    assert tid(registry.by_meta_account("200000000000002")) == "globex"
    assert registry.by_meta_account("999") is None
    assert tid(registry.by_x_user("4000000004")) == "globex"
    assert registry.by_x_user("105360279071416") is None  # a page id is not an X account
    assert registry.get("acme") is not None and registry.get("nobody") is None


@pytest.mark.parametrize(
    ("site", "tenant"),
    [
        ("https://blog.acme.example", "acme"),
        ("http://BLOG.acme.example/", "acme"),
        ("blog.acme.example", "acme"),
        ("42", "acme"),
        ("https://globex.example/news", "globex"),
        ("https://globex.example", None),  # another path on the host is another site
        ("https://blog.acme.example.evil.example", None),
    ],
)
def test_wordpress_site_lookup(registry: TenantRegistry, site: str, tenant: str | None) -> None:
    found = registry.by_wordpress_site(site)
    assert (found.id if found else None) == tenant


def test_site_key_keeps_path_case() -> None:
    assert site_key("HTTPS://Example.org/Blog/") == "example.org/Blog"


def test_own_accounts(registry: TenantRegistry) -> None:
    acme = registry.get("acme")
    assert acme is not None
    assert acme.is_own("105360279071416") and acme.is_own("6500000000000001") and acme.is_own("3001969357")
    assert not acme.is_own("7012345678901234") and not acme.is_own("") and not acme.is_own(None)


def test_numeric_ids_from_yaml_become_strings(registry: TenantRegistry) -> None:
    acme = registry.get("acme")
    assert acme is not None and acme.instagram_account_ids == ("17841405309211844",)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("tenants: {}", "tenants: Dictionary should have at least 1 item"),
        ("tenant: {acme: {}}", "tenants: Field required"),
        ("tenants: {acme: {facebook_page_ids: 12}}", "tenants.acme.facebook_page_ids: "),
        (
            "tenants: {acme: {facebook_pages: ['1']}}",
            "tenants.acme.facebook_pages: Extra inputs are not permitted",
        ),
        ("tenants: {acme: {x_user_ids: ['']}}", "tenants.acme.x_user_ids.0: "),
        ("tenants: {'Acme Corp': {}}", "tenants.Acme Corp.id: String should match pattern"),
        ("tenants: {'../etc': {}}", "tenants.../etc.id: String should match pattern"),
        ("tenants: {acme: {id: other}}", "tenants.acme.id: the tenant id is the mapping key"),
        (
            "tenants: {acme: {x_user_ids: ['7']}, globex: {x_user_ids: [7]}}",
            "tenants.globex.x_user_ids: '7' is already claimed by tenant 'acme'",
        ),
        (
            "tenants: {a: {wordpress_sites: ['https://b.example/']}, b: {wordpress_sites: ['http://B.example']}}",
            "tenants.b.wordpress_sites: 'http://B.example' is already claimed by tenant 'a'",
        ),
    ],
)
def test_validation_errors_name_the_field(text: str, fragment: str) -> None:
    with pytest.raises(TenantConfigError) as caught:
        parse_registry(yaml.safe_load(text), source="tenants.yaml")
    assert str(caught.value).startswith("tenants.yaml: ")
    assert fragment in str(caught.value)


def test_empty_tenant_body_is_allowed() -> None:
    registry = parse_registry({"tenants": {"solo": None}})
    assert registry.get("solo") is not None


def test_shipped_default_is_valid_and_used_without_config_dir(tmp_path: Path) -> None:
    assert registry_path(Settings(config_dir=None)) == DEFAULT_TENANTS_FILE
    assert registry_path(Settings(config_dir=tmp_path)) == DEFAULT_TENANTS_FILE  # no tenants.yaml there
    demo = load_registry(DEFAULT_TENANTS_FILE)
    assert demo.get("demo") is not None


def test_config_dir_overrides_the_default(tmp_path: Path) -> None:
    (tmp_path / "tenants.yaml").write_text("tenants:\n  initech:\n    x_user_ids: ['55']\n")
    settings = Settings(config_dir=tmp_path)
    assert registry_path(settings) == tmp_path / "tenants.yaml"
    registry = load_registry(settings=settings)
    assert tid(registry.by_x_user("55")) == "initech"


def test_invalid_yaml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "tenants.yaml"
    path.write_text("tenants: [unclosed\n")
    with pytest.raises(TenantConfigError, match=r"^tenants\.yaml: not valid YAML"):
        load_registry(path)


def test_secrets_come_from_the_runtime_settings(
    registry: TenantRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIGIE_SECRET_ACME_API_TOKEN", "tok-acme")
    monkeypatch.setenv("VIGIE_SECRETS_DIR", str(tmp_path))
    (tmp_path / "globex").mkdir()
    (tmp_path / "globex" / "api_token").write_text("tok-globex\n")
    assert tenant_secret("acme", "api_token") == "tok-acme"
    assert tenant_secret("acme", "meta_app_secret") is None
    assert secrets_by_tenant(registry, "api_token") == {"acme": "tok-acme", "globex": "tok-globex"}
