"""The shipped linear model: loads the committed artefact with numpy only (no scikit-learn, no network).

Artefact = `artefact/weights.npy.gz` (float16 matrix, features × categories, plus a bias row) and
`artefact/model.json` (version, classes, feature layout, training summary).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from schemas import Category

from . import features

ARTEFACT_DIR = Path(__file__).parent / "artefact"
WEIGHTS_FILE = "weights.npy.gz"
META_FILE = "model.json"
MODEL_NAME = "vigie-classify"


@dataclass(frozen=True)
class LinearModel:
    weights: npt.NDArray[np.float32]  # (N_FEATURES, n_classes)
    bias: npt.NDArray[np.float32]  # (n_classes,)
    classes: tuple[Category, ...]
    version: str
    meta: dict[str, Any]
    bias_by_lang: dict[str, npt.NDArray[np.float32]] = field(default_factory=dict)

    def probabilities(
        self, idx: features.IntArray, values: features.FloatArray, lang: str = "und"
    ) -> npt.NDArray[np.float32]:
        # `take` gathers the rows like `weights[idx]` does, a few µs faster on a few hundred indices.
        z = values @ self.weights.take(idx, axis=0)
        z += self.bias_for(lang)
        # The ufuncs' reduce directly: what z.max() and z.sum() call, without their Python wrappers.
        z -= np.maximum.reduce(z)  # float32 is plenty for 9 probabilities
        np.exp(z, out=z)
        z /= np.add.reduce(z)
        return z

    def bias_for(self, lang: str) -> npt.NDArray[np.float32]:
        """The bias plus the toxic offset tuned for `lang` on validation data (see `train.py`)."""
        bias = self.bias_by_lang.get(lang)
        return bias if bias is not None else self.bias_by_lang.get("und", self.bias)

    def contributions(self, idx: features.IntArray, values: features.FloatArray, k: int) -> float:
        return float(values @ self.weights[idx, k])


def load(directory: Path = ARTEFACT_DIR) -> LinearModel:
    meta = json.loads((directory / META_FILE).read_text())
    raw = (directory / WEIGHTS_FILE).read_bytes()
    with gzip.open(directory / WEIGHTS_FILE) as fh:
        matrix = np.load(fh).astype(np.float32)
    if meta["n_features"] != features.N_FEATURES or matrix.shape[0] != features.N_FEATURES + 1:
        raise ValueError(f"artefact has {matrix.shape[0] - 1} features, code expects {features.N_FEATURES}")
    tuned = json.dumps(meta.get("toxic_offset", {}), sort_keys=True)
    if "class_offset" in meta:
        tuned += json.dumps(meta["class_offset"], sort_keys=True)
    digest = hashlib.sha256(raw + tuned.encode()).hexdigest()[:8]
    bias = matrix[-1].copy()
    # A class offset moves one category's decision threshold in every language (threat and hate offsets buy
    # recall with a few false alarms; see `train.tune_recall_offset`). Part of the version digest.
    for name, offset in meta.get("class_offset", {}).items():
        bias[meta["classes"].index(name)] += np.float32(offset)
    # The toxic offset moves the toxic-vs-not decision threshold (a prior shift on the toxic classes'
    # logits), per language; it is part of the artefact, hence of the version digest above.
    toxic = np.asarray([Category(c).is_toxic for c in meta["classes"]], dtype=np.float32)
    offsets = meta.get("toxic_offset", {})
    by_lang = {lang: (bias + np.float32(off) * toxic).astype(np.float32) for lang, off in offsets.items()}
    return LinearModel(
        weights=np.ascontiguousarray(matrix[:-1]),
        bias=bias,
        classes=tuple(Category(c) for c in meta["classes"]),
        version=f"{MODEL_NAME}/{meta['version']}+{digest}",
        meta=meta,
        bias_by_lang=by_lang,
    )


def load_untuned(
    directory: Path,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], list[str], dict[str, Any]]:
    """The fitted weights, bias, classes and metadata, without any tuned offset applied (to re-tune)."""
    meta = json.loads((directory / META_FILE).read_text())
    with gzip.open(directory / WEIGHTS_FILE) as fh:
        matrix = np.load(fh).astype(np.float32)
    return matrix[:-1], matrix[-1], list(meta["classes"]), meta


def save(
    directory: Path,
    weights: npt.NDArray[np.floating[Any]],
    bias: npt.NDArray[np.floating[Any]],
    classes: list[str],
    meta: dict[str, Any],
) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    matrix = np.vstack([weights, bias[None, :]]).astype(np.float16)
    # mtime=0: the same weights give the same bytes, so the version digest is reproducible
    with (directory / WEIGHTS_FILE).open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        np.save(fh, matrix)
    full = {**meta, "classes": classes, "n_features": features.N_FEATURES}
    (directory / META_FILE).write_text(json.dumps(full, indent=2, sort_keys=True) + "\n")
