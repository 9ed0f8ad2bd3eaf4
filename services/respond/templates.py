"""Reply templates: Jinja2 in a sandbox, strict about missing variables.

Lookup, first found wins: `<config_dir>/respond/templates/<tenant>/<lang>/<name>.<tone>.j2`, the same
without the tone, then the shipped `templates/<lang>/<name>.<tone>.j2` and `templates/<lang>/<name>.j2`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .policy import PACKAGE_DIR

SHIPPED_DIR = PACKAGE_DIR / "templates"
TONES = ("friendly", "formal")


class TemplateName(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"  # after hours: when the team is back and answers
    COMPLAINT_DRAFT = "complaint_draft"  # empathetic, invites to a private channel
    QUESTION_DRAFT = "question_draft"  # no confident FAQ answer: a holding reply for a human to finish
    FAQ_ANSWER = "faq_answer"  # wraps the FAQ entry's answer and link
    PRAISE_THANKS = "praise_thanks"


class TemplateRenderError(ValueError):
    """A template is missing or needs a variable that was not given: never publish half a text."""


def _search_path(tenant: str, config_dir: Path | None) -> list[str]:
    paths = [str(SHIPPED_DIR)]
    if config_dir is not None:
        paths.insert(0, str(config_dir / "respond" / "templates" / tenant))
    return paths


@lru_cache(maxsize=64)
def environment(tenant: str, config_dir: Path | None = None) -> SandboxedEnvironment:
    # Plain text for social platforms: no HTML escaping; trim so templates can be laid out readably.
    return SandboxedEnvironment(
        loader=FileSystemLoader(_search_path(tenant, config_dir)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def template_id(lang: str, name: TemplateName | str, tone: str) -> str:
    return f"{lang}/{name}.{tone}"


def render(
    name: TemplateName | str,
    lang: str,
    tone: str,
    variables: Mapping[str, Any],
    *,
    tenant: str,
    config_dir: Path | None = None,
) -> tuple[str, str]:
    """(text, template file used). Whitespace runs collapse: line breaks in templates are layout only."""
    env = environment(tenant, config_dir)
    try:
        template = env.select_template([f"{lang}/{name}.{tone}.j2", f"{lang}/{name}.j2"])
        text = template.render(**variables)
    except TemplateError as exc:
        raise TemplateRenderError(f"template {lang}/{name} ({tone}): {exc}") from exc
    return _one_final_period(" ".join(text.split())), str(template.name)


def _one_final_period(text: str) -> str:
    # A sentence ending on an abbreviation takes one period: "by 10:00 a.m." not "a.m..".
    return re.sub(r"(\b\w\.)\.(?=\s|$)", r"\1", text)
