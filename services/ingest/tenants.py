"""Tenant registry: which organisation owns a page, account or site, and the ids of its own accounts.

Loaded from YAML: `<VIGIE_CONFIG_DIR>/tenants.yaml` when it exists, else the shipped
`services/ingest/tenants.yaml` (a demo tenant). Validated at start-up; errors name the field, e.g.
`tenants.yaml: tenants.acme.facebook_page_ids: Input should be a valid list`.

Secrets never live here: `tenant_secret(tenant, name)` reads `VIGIE_SECRET_<TENANT>_<NAME>` or the
mounted file (see `services.runtime.settings.secret`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from services.runtime.settings import Settings, get_settings, secret

DEFAULT_TENANTS_FILE = Path(__file__).with_name("tenants.yaml")

SecretName = Literal[
    "meta_app_secret", "meta_verify_token", "x_consumer_secret", "wordpress_secret", "api_token"
]


def _as_id(value: Any) -> Any:
    # YAML reads unquoted numeric ids as int; platform ids are strings everywhere else.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else value


PlatformId = Annotated[str, BeforeValidator(_as_id), Field(min_length=1)]


def site_key(site: str) -> str:
    """Compare WordPress sites by host and path: scheme, case of the host and trailing `/` ignored."""
    key = site.strip()
    for scheme in ("https://", "http://"):
        if key.lower().startswith(scheme):
            key = key[len(scheme) :]
            break
    host, sep, path = key.partition("/")
    return (host.lower() + sep + path).rstrip("/")


class Tenant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")  # safe in env var names and file paths
    name: str | None = None
    facebook_page_ids: tuple[PlatformId, ...] = ()
    instagram_account_ids: tuple[PlatformId, ...] = ()
    x_user_ids: tuple[PlatformId, ...] = ()
    wordpress_sites: tuple[PlatformId, ...] = Field(default=(), description="Site URLs or blog ids.")
    own_account_ids: tuple[PlatformId, ...] = Field(
        default=(), description="Other accounts of the organisation (staff profiles, WordPress user ids)."
    )

    def is_own(self, author_id: str | None) -> bool:
        """Written by the organisation: one of its pages/accounts or a declared own account."""
        if not author_id:
            return False
        return (
            author_id in self.own_account_ids
            or author_id in self.facebook_page_ids
            or (author_id in self.instagram_account_ids or author_id in self.x_user_ids)
        )


class TenantConfigError(ValueError):
    """The tenants file is invalid; the message names the file and the field."""


class _TenantsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tenants: dict[str, dict[str, Any] | None] = Field(min_length=1)


class TenantRegistry(BaseModel):
    """Immutable lookups from platform ids to tenants. Build with `parse_registry` or `load_registry`."""

    model_config = ConfigDict(frozen=True)

    tenants: dict[str, Tenant]

    @model_validator(mode="after")
    def _ids_are_unique(self) -> TenantRegistry:
        for field, keyfn in (
            ("facebook_page_ids", str),
            ("instagram_account_ids", str),
            ("x_user_ids", str),
            ("wordpress_sites", site_key),
        ):
            owner: dict[str, str] = {}
            for tenant in self.tenants.values():
                for value in getattr(tenant, field):
                    key = keyfn(value)
                    if key in owner and owner[key] != tenant.id:
                        raise ValueError(
                            f"tenants.{tenant.id}.{field}: {value!r} is already claimed by tenant {owner[key]!r}"
                        )
                    owner[key] = tenant.id
        return self

    def all(self) -> Iterator[Tenant]:
        return iter(self.tenants.values())

    def get(self, tenant_id: str) -> Tenant | None:
        return self.tenants.get(tenant_id)

    def by_meta_account(self, account_id: str) -> Tenant | None:
        """The tenant of a Facebook page id or an Instagram professional account id (`entry[].id`)."""
        return next(
            (
                t
                for t in self.all()
                if account_id in t.facebook_page_ids or account_id in t.instagram_account_ids
            ),
            None,
        )

    def by_x_user(self, for_user_id: str) -> Tenant | None:
        return next((t for t in self.all() if for_user_id in t.x_user_ids), None)

    def by_wordpress_site(self, site: str) -> Tenant | None:
        """By site URL (`https://blog.example.org/`) or blog id, as listed in `wordpress_sites`."""
        key = site_key(site)
        return next((t for t in self.all() if key in {site_key(s) for s in t.wordpress_sites}), None)


def _format_errors(error: ValidationError, prefix: tuple[Any, ...] = ()) -> str:
    parts = []
    for item in error.errors():
        loc = ".".join(str(p) for p in (*prefix, *item["loc"]))
        parts.append(f"{loc}: {item['msg']}")
    return "; ".join(parts)


def parse_registry(data: Any, source: str = "tenants.yaml") -> TenantRegistry:
    """Validate parsed YAML (`{"tenants": {id: {...}}}`); `TenantConfigError` names the bad field."""
    try:
        parsed = _TenantsFile.model_validate(data)
    except ValidationError as error:
        raise TenantConfigError(f"{source}: {_format_errors(error)}") from None
    tenants: dict[str, Tenant] = {}
    for tenant_id, body in parsed.tenants.items():
        if body and "id" in body:
            raise TenantConfigError(f"{source}: tenants.{tenant_id}.id: the tenant id is the mapping key")
        try:
            tenants[tenant_id] = Tenant.model_validate({"id": tenant_id, **(body or {})})
        except ValidationError as error:
            raise TenantConfigError(f"{source}: {_format_errors(error, ('tenants', tenant_id))}") from None
    try:
        return TenantRegistry(tenants=tenants)
    except ValidationError as error:
        reasons = (str(e.get("ctx", {}).get("error", e["msg"])) for e in error.errors())
        raise TenantConfigError(f"{source}: " + "; ".join(reasons)) from None


def registry_path(settings: Settings | None = None) -> Path:
    """`<config_dir>/tenants.yaml` when the operator provides one, else the shipped default."""
    config_dir = (settings or get_settings()).config_dir
    if config_dir is not None and (config_dir / "tenants.yaml").is_file():
        return config_dir / "tenants.yaml"
    return DEFAULT_TENANTS_FILE


def load_registry(path: Path | None = None, settings: Settings | None = None) -> TenantRegistry:
    path = path or registry_path(settings)
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as error:
        raise TenantConfigError(f"{path.name}: not valid YAML: {error}") from None
    return parse_registry(data, source=path.name)


def tenant_secret(tenant: str, name: SecretName, settings: Settings | None = None) -> str | None:
    """A tenant's secret from the environment or a mounted file; None when not configured."""
    return secret(tenant, name, settings)


def secrets_by_tenant(
    registry: TenantRegistry, name: SecretName, settings: Settings | None = None
) -> dict[str, str | None]:
    """`name` for every tenant, e.g. the API tokens for `signatures.authenticate_bearer`."""
    return {t.id: tenant_secret(t.id, name, settings) for t in registry.all()}
