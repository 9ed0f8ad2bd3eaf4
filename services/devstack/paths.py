"""Where the local stack keeps its files: the project's deploy/local templates, caches and state."""

from __future__ import annotations

import os
from pathlib import Path

# deploy/local/ holds the pom and broker templates; found relative to this checkout.
DEPLOY_LOCAL = Path(__file__).resolve().parents[2] / "deploy" / "local"


def cache_dir() -> Path:
    """Machine-wide cache (Kafka jars): survives fresh clones on the same machine, so CI reuses it."""
    if os.environ.get("VIGIE_CACHE_DIR"):
        return Path(os.environ["VIGIE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vigie"
