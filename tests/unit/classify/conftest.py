from __future__ import annotations

import pytest

from services.classify.classifier import Classifier


@pytest.fixture(scope="session")
def clf() -> Classifier:
    return Classifier.load()
