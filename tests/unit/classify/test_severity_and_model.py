from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from schemas import Category, Severity
from services.classify import model as model_mod
from services.classify import train as train_mod
from services.classify.classifier import Classifier
from services.classify.config import DEFAULT_SEVERITY, ClassifyConfig
from services.classify.severity import severity_for
from services.classify.train import smallest_near_best, smoothed


@pytest.mark.parametrize(
    ("category", "severity"),
    [
        (Category.THREAT, Severity.CRITICAL),
        (Category.HATE, Severity.CRITICAL),
        (Category.HARASSMENT, Severity.HIGH),
        (Category.INSULT, Severity.HIGH),
        (Category.COMPLAINT, Severity.MEDIUM),
        (Category.QUESTION, Severity.MEDIUM),
        (Category.SPAM, Severity.LOW),
        (Category.PRAISE, Severity.NONE),
        (Category.NEUTRAL, Severity.NONE),
    ],
)
def test_default_severity_table(category: Category, severity: Severity) -> None:
    assert severity_for(category) == severity


def test_severity_table_is_configurable_and_completed() -> None:
    config = ClassifyConfig(severity={Category.SPAM: Severity.HIGH})
    assert config.severity[Category.SPAM] == Severity.HIGH
    assert config.severity[Category.THREAT] == DEFAULT_SEVERITY[Category.THREAT]
    clf = Classifier(model_mod.load(), config)
    assert clf.decide("DM me for crypto profits 🚀 www.coin.xyz").severity == Severity.HIGH


def test_languages_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIE_CLASSIFY_LANGUAGES", "fr,en,es")
    assert ClassifyConfig().languages == ("fr", "en", "es")


def test_artefact_loads_offline_and_reports_version(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model must load without network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    linear = model_mod.load()
    meta = json.loads((model_mod.ARTEFACT_DIR / model_mod.META_FILE).read_text())
    assert linear.version.startswith(f"vigie-classify/{meta['version']}+")
    assert len(linear.classes) == 9 and set(linear.classes) == set(Category)
    clf = Classifier(linear)
    assert clf.decide("merci beaucoup, super service").model_version == linear.version


def test_artefact_is_small() -> None:
    size = sum(p.stat().st_size for p in Path(model_mod.ARTEFACT_DIR).iterdir())
    assert size < 5_000_000


def test_save_load_round_trip(tmp_path: Path) -> None:
    import numpy as np

    from services.classify import features

    weights = np.zeros((features.N_FEATURES, 9), dtype=np.float32)
    weights[123, 2] = 1.5
    bias = np.arange(9, dtype=np.float32)
    model_mod.save(tmp_path, weights, bias, [c.value for c in Category], {"version": "9.9.9"})
    loaded = model_mod.load(tmp_path)
    assert loaded.weights[123, 2] == 1.5 and loaded.bias[3] == 3.0
    first = (tmp_path / model_mod.WEIGHTS_FILE).read_bytes()
    model_mod.save(tmp_path, weights, bias, [c.value for c in Category], {"version": "9.9.9"})
    assert (tmp_path / model_mod.WEIGHTS_FILE).read_bytes() == first  # reproducible bytes → stable version


def test_offset_rule_takes_the_smallest_offset_near_the_best_f1() -> None:
    flat_top = {-0.5: 0.80, 0.0: 0.868, 0.25: 0.875, 0.5: 0.876, 1.0: 0.879, 1.5: 0.875}
    assert smallest_near_best(flat_top, 0.005) == 0.25  # 0.875 is within 0.005 of 0.879
    assert smallest_near_best(flat_top, 0.0) == 1.0  # no tolerance: the best itself
    assert smallest_near_best({}, 0.005) == 0.0  # every offset flagged too many customers


def test_smoothing_keeps_the_trend_of_the_offset_curve_not_a_lone_spike() -> None:
    # The English curve of a 1.11.0 fit: a lone 0.830 at +1.0 between 0.824 and 0.826.
    curve = {
        0.0: 0.815,
        0.25: 0.821,
        0.5: 0.824,
        0.75: 0.824,
        1.0: 0.830,
        1.25: 0.826,
        1.5: 0.826,
        1.75: 0.821,
    }
    assert smallest_near_best(curve, 0.005) == 1.0  # the spike alone decides
    smooth = smoothed(curve, 0.25)
    assert smooth[1.75] == (0.826 + 0.821) / 2  # an end has one neighbour
    assert abs(smooth[1.0] - (0.824 + 0.830 + 0.826) / 3) < 1e-12
    assert smallest_near_best(smooth, 0.005) == 0.5
    assert smoothed({0.0: 0.8, 0.5: 0.9}, 0.25) == {0.0: 0.8, 0.5: 0.9}  # no scored neighbour: unchanged


def test_cross_fitting_folds_split_the_training_rows_evenly_and_never_touch_the_held_out_rows() -> None:
    texts = [f"comment {i} about the branch on rue {i % 97}" for i in range(5000)]
    trainable = [t for t in texts if not train_mod.held_out(t)]
    sizes = [sum(train_mod.fold(t) == k for t in trainable) for k in range(train_mod.FOLDS)]
    assert sum(sizes) == len(trainable) and len(trainable) < len(texts)
    assert min(sizes) > 0.8 * len(trainable) / train_mod.FOLDS  # no fold starved by the CRC's residue
    assert [train_mod.fold(t) for t in texts[:50]] == [train_mod.fold(t) for t in texts[:50]]
