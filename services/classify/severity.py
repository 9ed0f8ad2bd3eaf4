"""Severity from the category, by a configurable table."""

from __future__ import annotations

from collections.abc import Mapping

from schemas import Category, Severity

from .config import DEFAULT_SEVERITY


def severity_for(category: Category, table: Mapping[Category, Severity] = DEFAULT_SEVERITY) -> Severity:
    return table.get(category, DEFAULT_SEVERITY[category])
