"""Session infrastructure: a real Kafka broker and a real PostgreSQL, started fresh for the test run.

They run on their own ports and state folder (`.vigie/test`), so a developer's `vigie up` is untouched.
Set VIGIE_TEST_KAFKA_BOOTSTRAP / VIGIE_TEST_DATABASE_URL to use existing servers instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.infra import IntegrationStack


@pytest.fixture(scope="session")
def stack() -> Iterator[IntegrationStack]:
    root = Path(__file__).resolve().parents[1] / ".vigie" / "test"
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
