"""Features, language fast path and the toxic offset: what must not drift between training and serving."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from schemas import Category
from services.classify import features, lang
from services.classify import model as model_mod
from services.classify.classifier import Classifier
from services.classify.normalize import normalize

TEXT = "T'es un ostie de cave, ça fait 3h que j'attends!"


def test_feature_indices_are_the_same_in_another_process() -> None:
    # Python's str hash is salted per process; the features must not depend on it.
    idx, _ = features.featurize(normalize(TEXT), ["xrinsult3"])
    code = (
        "import sys; from services.classify import features; from services.classify.normalize import normalize;"
        f"print(features.featurize(normalize({TEXT!r}), ['xrinsult3'])[0].tolist())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[3],
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert json.loads(out.stdout) == idx.tolist()


def test_features_in_range_and_l2_normalised_without_rules() -> None:
    idx, values = features.featurize(normalize(TEXT), [])
    assert idx.min() >= 0 and idx.max() < features.N_FEATURES
    assert abs(float(np.dot(values, values)) - 1.0) < 1e-5
    empty_idx, _ = features.featurize(normalize(""), [])
    assert features._BIAS_ID in empty_idx.tolist() and len(empty_idx) <= 2  # the bias and the "  " bigram


def test_char_ngrams_cover_2_to_5() -> None:
    # " ab " has 3 bigrams, 2 trigrams, 1 four-gram, no five-gram
    assert len(features._char_indices("ab")) == 3 + 2 + 1


def test_language_fast_path_agrees_with_expectations() -> None:
    assert lang._quick(["le", "bus", "est", "encore", "en", "retard"], ("fr", "en")) == "fr"
    assert lang._quick(["c'est", "tellement", "long", "j'attends"], ("fr", "en")) == "fr"
    assert lang._quick(["the", "bus", "is", "late", "again"], ("fr", "en")) == "en"
    # code-switching stays undecided and goes to lingua
    assert (
        lang._quick(["c'est", "ouvert", "demain", "or", "closed", "for", "the", "holiday"], ("fr", "en"))
        is None
    )
    assert (
        lang._quick(["le", "bus", "est", "en", "retard"], ("fr",)) is None
    )  # only with fr and en configured


def test_toxic_offset_changes_scores_and_version(tmp_path: Path) -> None:
    base = model_mod.load()
    meta = json.loads((model_mod.ARTEFACT_DIR / model_mod.META_FILE).read_text())
    classes = [c.value for c in base.classes]
    strip = {k: v for k, v in meta.items() if k not in ("classes", "n_features")}
    model_mod.save(
        tmp_path, base.weights, base.bias, classes, {**strip, "toxic_offset": {"en": 3.0, "und": 3.1}}
    )
    shifted = model_mod.load(tmp_path)
    assert shifted.version != base.version  # the offset is part of the artefact, hence of the version
    text = "you are wrong about this"
    a = Classifier(base).decide(text, lang_hint="en").scores[Category.INSULT]
    b = Classifier(shifted).decide(text, lang_hint="en").scores[Category.INSULT]
    assert b > a
    assert shifted.bias_for("de") is shifted.bias_by_lang["und"]


def test_threat_offset_raises_only_the_threat_score_and_changes_version(tmp_path: Path) -> None:
    base = model_mod.load()
    meta = json.loads((model_mod.ARTEFACT_DIR / model_mod.META_FILE).read_text())
    classes = [c.value for c in base.classes]
    strip = {k: v for k, v in meta.items() if k not in ("classes", "n_features", "class_offset")}
    model_mod.save(tmp_path / "plain", base.weights, base.bias, classes, strip)
    model_mod.save(
        tmp_path / "shifted", base.weights, base.bias, classes, {**strip, "class_offset": {"threat": 1.0}}
    )
    plain, shifted = model_mod.load(tmp_path / "plain"), model_mod.load(tmp_path / "shifted")
    assert shifted.version != plain.version
    text = "you will regret this"
    a = Classifier(plain).decide(text, lang_hint="en").scores
    b = Classifier(shifted).decide(text, lang_hint="en").scores
    assert b[Category.THREAT] > a[Category.THREAT]
    assert b[Category.COMPLAINT] <= a[Category.COMPLAINT]


def test_blind_set_is_well_formed() -> None:
    path = Path(model_mod.ARTEFACT_DIR).parent / "data" / "blind_v2.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150
    assert {r["category"] for r in rows} == {c.value for c in Category}
    assert {r["lang"] for r in rows} == {"fr", "en"}


def test_reasons_are_plain_records(clf: Classifier) -> None:
    d = clf.decide("t'es un ostie de cave")
    dumped = [r.model_dump(mode="json", exclude_none=True) for r in d.reasons]
    assert dumped[0] == {"kind": "language", "detail": "fr"}
    assert any(r["kind"] == "model" and r["category"] == "insult" for r in dumped)


@pytest.mark.parametrize("placeholder", ["xurl", "xphone", "xtollfree", "xemail"])
def test_placeholders_do_not_count_as_words_for_the_language(placeholder: str) -> None:
    # One real word plus a placeholder is still too short to tell.
    assert lang.detect(f"merci {placeholder}", ("fr", "en")) == lang.UND
