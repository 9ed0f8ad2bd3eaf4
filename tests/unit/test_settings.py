"""Settings and secrets: environment variables, `*_FILE` mounted files, per-tenant secret files."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.runtime.settings import Settings, secret


def test_secrets_come_from_files_named_by_the_file_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "dsn").write_text("postgresql://vigie:s3cret@db/vigie\n")
    monkeypatch.setenv("VIGIE_DATABASE_URL_FILE", str(tmp_path / "dsn"))
    settings = Settings()
    assert settings.database_dsn() == "postgresql://vigie:s3cret@db/vigie"
    assert "s3cret" not in repr(settings)  # a SecretStr never shows in logs or reprs


def test_tenant_secret_from_environment_then_mounted_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIGIE_SECRETS_DIR", str(tmp_path))
    settings = Settings(state_dir=tmp_path)
    assert secret("paris-bank", "api_token", settings) is None
    (tmp_path / "paris-bank").mkdir()
    (tmp_path / "paris-bank" / "API_TOKEN").write_text("from-a-kubernetes-secret-key\n")
    assert secret("paris-bank", "api_token", settings) == "from-a-kubernetes-secret-key"
    (tmp_path / "paris-bank" / "api_token").write_text("lower-case-file")
    assert secret("paris-bank", "api_token", settings) == "lower-case-file"
    monkeypatch.setenv("VIGIE_SECRET_PARIS_BANK_API_TOKEN", "from-env")
    assert secret("paris-bank", "api_token", settings) == "from-env"
