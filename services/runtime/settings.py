"""Typed settings from `VIGIE_*` environment variables; any secret may also come from `VIGIE_<NAME>_FILE`."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Default port of each service's HTTP endpoint (/metrics, /healthz, /readyz; ingest also its webhooks).
DEFAULT_PORTS = {"ingest": 8080, "classify": 9101, "route": 9102, "respond": 9103, "audit": 9104}


class Settings(BaseSettings):
    """Every knob of a Vigie process. See README "Configuration" for the table."""

    model_config = SettingsConfigDict(env_prefix="VIGIE_", extra="ignore")

    # Kafka
    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: str | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_ca_location: str | None = None

    # PostgreSQL: none = the embedded server that `vigie up` runs on local_postgres_port
    database_url: SecretStr | None = None
    local_postgres_port: int = 55432
    database_pool_size: int = 4

    # Files
    state_dir: Path = Path(".vigie")
    config_dir: Path | None = None  # tenants.yaml, policies/, templates/, faq/ overriding the shipped ones

    # HTTP endpoint of the service (metrics, health; webhooks for ingest)
    http_host: str = "127.0.0.1"
    http_port: int | None = None
    http_port_offset: int = 0  # added to the default ports, to run a second stack beside a first one

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"

    # Delivery. A crashed consumer's partitions move to another member after the session timeout.
    kafka_session_timeout_ms: int = 45_000
    drain_timeout_seconds: float = 20.0
    ingest_max_body_bytes: int = 1_000_000
    audit_batch_size: int = 500
    audit_batch_wait_seconds: float = 0.2

    @model_validator(mode="before")
    @classmethod
    def _read_secret_files(cls, values: Any) -> Any:
        """`VIGIE_X_FILE=/path` sets `x` from the file's content (Kubernetes/Docker secrets)."""
        if not isinstance(values, dict):
            return values
        for name in cls.model_fields:
            path = os.environ.get(f"VIGIE_{name.upper()}_FILE")
            if path and name not in values:
                values[name] = Path(path).read_text().strip()
        return values

    def database_dsn(self) -> str:
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"postgresql://postgres@127.0.0.1:{self.local_postgres_port}/vigie"

    def port_for(self, service: str) -> int:
        return (
            self.http_port if self.http_port is not None else DEFAULT_PORTS[service] + self.http_port_offset
        )

    def kafka_config(self) -> dict[str, str]:
        """librdkafka settings shared by producers, consumers and the admin client."""
        config = {
            "bootstrap.servers": self.kafka_bootstrap,
            "security.protocol": self.kafka_security_protocol,
        }
        if self.kafka_sasl_mechanism:
            config["sasl.mechanism"] = self.kafka_sasl_mechanism
        if self.kafka_sasl_username:
            config["sasl.username"] = self.kafka_sasl_username
        if self.kafka_sasl_password:
            config["sasl.password"] = self.kafka_sasl_password.get_secret_value()
        if self.kafka_ssl_ca_location:
            config["ssl.ca.location"] = self.kafka_ssl_ca_location
        return config


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def secret(tenant: str, name: str, settings: Settings | None = None) -> str | None:
    """A tenant's secret: `VIGIE_SECRET_<TENANT>_<NAME>` or the file `<state>/secrets/<tenant>/<name>`.

    Tenant ids may contain `-`, which becomes `_` in the variable name. The file location can be
    moved with `VIGIE_SECRETS_DIR` (a mounted Kubernetes Secret, for instance).
    """
    env_name = f"VIGIE_SECRET_{tenant}_{name}".upper().replace("-", "_")
    if env_name in os.environ:
        return os.environ[env_name]
    base = Path(os.environ.get("VIGIE_SECRETS_DIR") or (settings or get_settings()).state_dir / "secrets")
    # A Kubernetes Secret mounted as a folder names its files after its keys: META_APP_SECRET or meta_app_secret.
    for path in (base / tenant / name, base / tenant / name.upper()):
        if path.is_file():
            return path.read_text().strip()
    return None
