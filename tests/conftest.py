"""Session infrastructure: a real Kafka broker and a real PostgreSQL, started fresh for the test run.

They run on free ports with their own state folder (`.vigie/test-<pid>`), so a developer's `vigie up`
and other test sessions are untouched.
Set VIGIE_TEST_KAFKA_BOOTSTRAP / VIGIE_TEST_DATABASE_URL to use existing servers instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.infra import IntegrationStack


def _remove_leftovers(state: Path) -> None:
    """Stop servers and delete folders of earlier test sessions whose process is gone (interrupted runs)."""
    for folder in state.glob("test-*"):
        pid = folder.name.removeprefix("test-")
        if pid.isdigit() and not _alive(int(pid)):
            IntegrationStack.stop_leftovers(folder)
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def stack() -> Iterator[IntegrationStack]:
    state = Path(__file__).resolve().parents[1] / ".vigie"
    _remove_leftovers(state)
    root = state / f"test-{os.getpid()}"
    test_stack = IntegrationStack(
        root,
        kafka_bootstrap=os.environ.get("VIGIE_TEST_KAFKA_BOOTSTRAP"),
        database_url=os.environ.get("VIGIE_TEST_DATABASE_URL"),
    )
    test_stack.start()
    try:
        yield test_stack
    finally:
        test_stack.stop()
        if not os.environ.get("VIGIE_KEEP_TEST_STATE"):
            shutil.rmtree(root, ignore_errors=True)
