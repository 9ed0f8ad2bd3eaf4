"""Tools for the deployment checks: helm (built once per machine by deploy/tools/install-helm.sh) and
promtool (Debian's prometheus package, installed by .ci/run). A missing tool fails, never skips."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHART = REPO / "deploy" / "helm" / "vigie"
# The Kubernetes version the chart is rendered for and validated against (kubernetes-validate schemas).
KUBE_VERSION = "1.31.0"


@pytest.fixture(scope="session")
def helm() -> str:
    script = REPO / "deploy" / "tools" / "install-helm.sh"
    result = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=1500)
    if result.returncode != 0:
        pytest.fail(f"{script.relative_to(REPO)} could not provide helm:\n{result.stderr[-3000:]}")
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.fail("promtool not found: install Debian's `prometheus` package (.ci/run does)")
    return path


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, cwd=REPO)
