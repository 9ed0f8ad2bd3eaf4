"""Export the records' JSON Schemas and check that a new schema can still read what the old one allowed.

Breaking for a published major version: a removed or renamed property, a newly required property, a
narrowed type (a type, enum value or reference no longer accepted, a tighter bound).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .base import VigieRecord
from .records import PUBLISHED_MODELS

JSONSCHEMA_DIR = Path(__file__).parent / "jsonschema"

Schema = dict[str, Any]


def schema_file(model: type[VigieRecord], folder: Path = JSONSCHEMA_DIR) -> Path:
    return folder / f"{model.SCHEMA_NAME}.v{model.SCHEMA_VERSION}.json"


def generate(model: type[VigieRecord]) -> Schema:
    schema = model.model_json_schema()
    schema["$id"] = f"https://vigie.example/schemas/{model.SCHEMA_NAME}.v{model.SCHEMA_VERSION}.json"
    return schema


def render(schema: Schema) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export(folder: Path = JSONSCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for model in PUBLISHED_MODELS:
        path = schema_file(model, folder)
        path.write_text(render(generate(model)))
        written.append(path)
    return written


def _defs(schema: Schema) -> dict[str, Schema]:
    return {"#": schema, **{f"#/$defs/{k}": v for k, v in schema.get("$defs", {}).items()}}


def _atoms(schema: Schema) -> set[str]:
    """What values a (sub)schema accepts, coarsely: types, enum values, referenced definitions."""
    if "anyOf" in schema or "oneOf" in schema:
        options: list[Schema] = schema.get("anyOf") or schema.get("oneOf") or []
        return set().union(*(_atoms(s) for s in options))
    if "$ref" in schema:
        return {"ref:" + schema["$ref"]}
    if "enum" in schema:
        return {f"enum:{json.dumps(v)}" for v in schema["enum"]}
    if "const" in schema:
        return {f"enum:{json.dumps(schema['const'])}"}
    kind = schema.get("type")
    if kind is None:
        return {"any"}
    return set(kind) if isinstance(kind, list) else {kind}


def _covered(atom: str, new_atoms: set[str]) -> bool:
    if atom in new_atoms or "any" in new_atoms:
        return True
    if atom.startswith("enum:"):  # an old enum value is still fine if the new schema takes its type
        value = json.loads(atom[5:])
        kind = {str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null"}[
            type(value)
        ]
        return kind in new_atoms or (kind == "integer" and "number" in new_atoms)
    return atom == "integer" and "number" in new_atoms


TIGHTER = {
    "minLength": 1,
    "minimum": 1,
    "exclusiveMinimum": 1,
    "minItems": 1,
    "maxLength": -1,
    "maximum": -1,
    "exclusiveMaximum": -1,
    "maxItems": -1,
}


def _compare_value(path: str, old: Schema, new: Schema, problems: list[str]) -> None:
    lost = {a for a in _atoms(old) if not _covered(a, _atoms(new))}
    if lost:
        problems.append(f"{path}: type narrowed, no longer accepts {sorted(lost)}")
    for bound, direction in TIGHTER.items():
        if bound in new and (bound not in old or (new[bound] - old[bound]) * direction > 0):
            problems.append(f"{path}: {bound} tightened to {new[bound]}")
    if "items" in old and "items" in new:
        _compare_value(path + "[]", old["items"], new["items"], problems)


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """Every way `new` rejects data that `old` accepted (empty list = backwards compatible)."""
    problems: list[str] = []
    new_defs = _defs(new)
    for ref, old_obj in _defs(old).items():
        new_obj = new_defs.get(ref)
        if new_obj is None:
            problems.append(f"{ref}: definition removed")
            continue
        if "enum" in old_obj or "enum" in new_obj:
            _compare_value(ref, old_obj, new_obj, problems)
            continue
        old_props, new_props = old_obj.get("properties", {}), new_obj.get("properties", {})
        for name, old_prop in old_props.items():
            if name not in new_props:
                problems.append(f"{ref}.{name}: property removed or renamed")
            else:
                _compare_value(f"{ref}.{name}", old_prop, new_props[name], problems)
        for name in set(new_obj.get("required", [])) - set(old_obj.get("required", [])):
            problems.append(f"{ref}.{name}: newly required")
        if old_obj.get("additionalProperties") is not False and new_obj.get("additionalProperties") is False:
            problems.append(f"{ref}: closed to additional properties")
    return problems
