"""Retrain the shipped model and re-evaluate it: `python -m services.classify.train` (dev time only).

Needs the `train` extra (scikit-learn). Reads the public sets in `../shared/datasets/` (relative to the
project root; `--datasets` to change) and the brand-page comments in `data/devset_*.tsv` (ours and the
outside authors') plus our already-read blind sets v2-v5. Every source is split deterministically
(CRC-32 of the text): 1 in 5 rows is held out for the final evaluation and never trained or tuned on;
the shipped model is fitted on all the others. The offsets (the per-language toxic-vs-not threshold, then
the threat and hate ones) are chosen on cross-fitted scores: five more models, each fitted without one fifth
of those rows, score the fifth they never saw. Writes `artefact/` (or `--artefact DIR`) and
`data/devset_holdout.jsonl`, then prints the held-out evaluation.
`--blind` also scores the outside authors' evaluation sets, never trained on: v6 (brand page; its errors
were read), v7 (general web), v8 and v9 (brand page; scored after each chosen model, items unread) and
v10-v14 (brand page, 360 comments each; kept for the final check of a chosen model), v15 (French customers'
complaints and praise; its errors were read) and v16-v17 (English and French customers' complaints and praise:
final checks of how many real customers are flagged).
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from schemas import Category

from . import features, rules
from . import model as model_mod
from .classifier import Classifier
from .metrics import evaluate, format_report
from .normalize import normalize

HERE = Path(__file__).parent
PROJECT_ROOT = HERE.parents[1]
DEFAULT_DATASETS = PROJECT_ROOT.parent / "shared" / "datasets"
DATA_DIR = HERE / "data"
VERSION = "1.11.0"
DEV_WEIGHT = 3.0  # brand-page comments (ours and outside authors'): what Vigie's categories mean
OLID_TIN_WEIGHT = 1.0
OLID_UNT_WEIGHT = 0.15
OLID_NOT_WEIGHT = 0.4
BALANCE_EXPONENT = 0.5
MLMA_FR_WEIGHT = 1.5  # the only French toxic source, and a small one
# Offsets are chosen on cross-fitted scores (see `FoldModel`): five times the rows a single validation
# split of 1 in 10 gave, whose noise (a threat recall's standard error was ~0.014, as large as one offset
# step's effect) made the offsets flip from one fit to the next.
FOLDS = 5
TUNE_ROWS_PER_SOURCE = 6000  # public rows scored per source while choosing (the time it takes)
OFFSET_STEP = 0.25
OFFSET_GRID = tuple(round(x * OFFSET_STEP, 2) for x in range(-8, 13))  # the toxic logit offsets tried
# The dev complaints+praise flagged toxic (cross-fitted): the offset may not exceed this. Those
# rows are mostly deliberate look-alikes (violent idioms, slang praise, sweary complaints written to fool a
# model); 15 % there went with ~2 % on the outside author's ordinary brand-page set (blind v6, bar: 5 %).
MAX_BENIGN_FLAGGED = 0.15
# The mean toxic F1 is flat over a wide range of offsets (public sets gain what brand pages lose): offsets
# within F1_TOLERANCE of the best are indistinguishable (a 1-in-10 split's standard error was ~0.015), and
# the smallest of them is chosen, as it flags the fewest customers (the costlier error for Vigie's users).
F1_TOLERANCE = 0.005
# A missed threat or hate comment is the costliest error (critical severity): each one's logit is raised (in
# steps of RECALL_OFFSET_STEP) until its cross-fitted dev recall reaches RECALL_TARGET — above the 0.90 goal,
# as comments nobody trained on score lower — while the dev macro-F1 loses at most MAX_MACRO_F1_LOSS
# and MAX_BENIGN_FLAGGED still holds.
RECALL_CATEGORIES = (Category.THREAT, Category.HATE)
RECALL_TARGET = 0.91
RECALL_OFFSET_STEP = 0.25
MAX_RECALL_OFFSET = 1.5
# 0.015 since 1.10.0: with round 17's ordinary comments in the split, the last threat step to 0.91 cost
# 0.013 of macro-F1 (0.845 → 0.832, still far above the 0.80 goal) and 0.01 stopped threats at 0.895.
MAX_MACRO_F1_LOSS = 0.015


@dataclass(frozen=True)
class Row:
    text: str
    category: Category
    lang: str
    source: str
    weight: float
    toxic: bool | None = None  # the source's own toxic label, for its held-out evaluation


def held_out(text: str) -> bool:
    return zlib.crc32(text.encode()) % 5 == 0


def fold(text: str) -> int:
    """The cross-fitting fold of a row that is not held out (the CRC's residue mod 5 is `held_out`'s)."""
    return zlib.crc32(text.encode()) // 5 % FOLDS


@dataclass(frozen=True)
class FoldModel:
    """A model fitted without one fold, and that fold's rows: its scores there are on comments it never saw."""

    directory: Path
    weights: np.ndarray
    bias: np.ndarray
    classes: list[str]
    rows: list[Row]

    def classifier(self, meta: dict) -> Classifier:
        """The fold model with `meta`'s offsets (saved and loaded the way the shipped model is)."""
        model_mod.save(self.directory, self.weights, self.bias, self.classes, meta)
        return Classifier.load(artefact_dir=self.directory)


def cross_fit(rows: list[Row], c: float, workdir: Path) -> list[FoldModel]:
    folds = []
    for k in range(FOLDS):
        fit = [r for r in rows if fold(r.text) != k]
        print(f"fold {k}: fitting on {len(fit)} rows")
        weights, bias, classes = train(fit, c)
        scored = [r for r in rows if fold(r.text) == k]
        folds.append(FoldModel(workdir / f"fold{k}", weights, bias, classes, scored))
    return folds


def _mlma(path: Path, lang: str, weight: float) -> Iterator[Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            labels = set(r["sentiment"].split("_"))
            if labels == {"normal"}:
                cat, toxic = Category.NEUTRAL, False
            elif "hateful" in labels:
                cat, toxic = Category.HATE, True
            else:
                cat, toxic = Category.INSULT, True
            yield Row(r["tweet"], cat, lang, f"mlma_{lang}", weight, toxic)


def _davidson(path: Path) -> Iterator[Row]:
    mapping = {"0": (Category.HATE, 0.8), "1": (Category.INSULT, 0.25), "2": (Category.NEUTRAL, 0.5)}
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cat, w = mapping[r["class"]]
            yield Row(r["tweet"], cat, "en", "davidson", w, r["class"] != "2")


def _olid(path: Path) -> Iterator[Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            # Untargeted profanity (UNT) is an intensifier for Vigie, not an insult.
            # Targeted (TIN) offence is an insult; untargeted profanity (UNT) is only a weak insult signal,
            # so that swearing alone does not tip a brand-page comment (the dev set pulls the other way).
            if r["subtask_a"] == "OFF" and r["subtask_b"] == "TIN":
                yield Row(r["tweet"], Category.INSULT, "en", "olid", OLID_TIN_WEIGHT, True)
            elif r["subtask_a"] == "OFF":
                yield Row(r["tweet"], Category.INSULT, "en", "olid", OLID_UNT_WEIGHT, True)
            else:
                yield Row(r["tweet"], Category.NEUTRAL, "en", "olid", OLID_NOT_WEIGHT, False)


def _youtube(folder: Path) -> Iterator[Row]:
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                spam = r["CLASS"] == "1"
                yield Row(
                    r["CONTENT"],
                    Category.SPAM if spam else Category.NEUTRAL,
                    "en",
                    "youtube_spam",
                    1.0 if spam else 0.4,
                    False,
                )


def _xlmt(folder: Path, lang: str) -> Iterator[Row]:
    mapping = {"0": Category.COMPLAINT, "1": Category.NEUTRAL, "2": Category.PRAISE}
    for split in ("train", "val"):
        texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        labels = (folder / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()
        for text, label in zip(texts, labels, strict=True):
            yield Row(text, mapping[label.strip()], lang, f"xlmt_{lang}", 0.3, False)


def load_devset(folder: Path = DATA_DIR) -> list[Row]:
    """The brand-page comments trained on: `devset_*.tsv` (ours and the outside authors') and the blind
    sets already looked at (`SEEN_BLIND_SETS`), all split like every other source."""
    out = [
        replace(r, source="dev", weight=DEV_WEIGHT)
        for name in SEEN_BLIND_SETS
        for r in load_blind(folder / f"blind_{name}.jsonl")
    ]
    for path in sorted(folder.glob("devset_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cat, lang, text = line.split("\t", 2)
            category = Category(cat)
            out.append(Row(text, category, lang, "dev", DEV_WEIGHT, category.is_toxic))
    return out


def load_public(datasets: Path) -> list[Row]:
    rows: list[Row] = []
    rows += _mlma(datasets / "mlma" / "fr_dataset.csv", "fr", MLMA_FR_WEIGHT)
    rows += _mlma(datasets / "mlma" / "en_dataset_with_stop_words.csv", "en", 0.5)
    rows += _davidson(datasets / "davidson" / "labeled_data.csv")
    rows += _olid(datasets / "olid" / "olid-training-v1.0.tsv")
    rows += _youtube(datasets / "youtube_spam")
    rows += _xlmt(datasets / "xlmt_sentiment" / "french", "fr")
    rows += _xlmt(datasets / "xlmt_sentiment" / "english", "en")
    return rows


def _matrix(rows: list[Row]):
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for row in rows:
        norm = normalize(row.text)
        idx, vals = features.featurize(norm, rules.evidence(norm).tokens())
        indices.append(idx)
        data.append(vals)
        indptr.append(indptr[-1] + len(idx))
    return csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
        shape=(len(rows), features.N_FEATURES),
    )


def train(rows: list[Row], c: float) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from sklearn.linear_model import LogisticRegression

    x = _matrix(rows)
    x.sum_duplicates()  # an index may repeat within a row (see `features.featurize`)
    y = np.asarray([r.category.value for r in rows])
    w = np.asarray([r.weight for r in rows])
    # Soften the class imbalance of the public sets (mostly neutral tweets and offensive ones):
    # each class's total weight is pulled towards the mean (by a square root at BALANCE_EXPONENT = 0.5).
    totals = {c: float(w[y == c].sum()) for c in set(y)}
    mean = sum(totals.values()) / len(totals)
    w = w * np.asarray([(mean / totals[c]) ** BALANCE_EXPONENT for c in y])
    clf = LogisticRegression(C=c, max_iter=400, tol=1e-4)
    clf.fit(x, y, sample_weight=w)
    classes = [str(k) for k in clf.classes_]
    return clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32), classes


def report(clf: Classifier, dev_test: list[Row], public_test: list[Row]) -> dict[str, float]:
    summary: dict[str, float] = {}
    preds = [clf.decide(r.text) for r in dev_test]
    for lang in ("all", "fr", "en"):
        sel = [(r, p) for r, p in zip(dev_test, preds, strict=True) if lang == "all" or r.lang == lang]
        rep = evaluate([r.category for r, _ in sel], [p.category for _, p in sel])
        print(format_report(rep, f"dev set held-out, lang={lang}"))
        summary[f"dev_{lang}_macro_f1"] = round(rep.macro_f1, 4)
        summary[f"dev_{lang}_toxic_f1"] = round(rep.toxic_f1, 4)
        print()
    by_source: dict[str, list[Row]] = {}
    for r in public_test:
        by_source.setdefault(r.source, []).append(r)
    print("== public held-out splits: toxic-vs-not (source labels)")
    for source, rows in sorted(by_source.items()):
        if not any(r.toxic for r in rows):
            continue
        f1, p, rc = _toxic_f1(clf, rows)
        summary[f"{source}_toxic_f1"] = round(f1, 4)
        # Keyword-collected sets are mostly toxic: flagging every row already scores 2s / (1 + s).
        share = sum(bool(r.toxic) for r in rows) / len(rows)
        print(
            f"{source:<14} n={len(rows):>5} F1={f1:.3f} precision={p:.3f} recall={rc:.3f} "
            f"(toxic share {share:.2f}: flagging every row scores F1={2 * share / (1 + share):.3f})"
        )
    return summary


def _toxic_f1(clf: Classifier, rows: list[Row], lang_hint: str | None = None) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for r in rows:
        pred = clf.decide(r.text, lang_hint=lang_hint).category.is_toxic
        tp += pred and bool(r.toxic)
        fp += pred and not r.toxic
        fn += (not pred) and bool(r.toxic)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * rc / (p + rc) if p + rc else 0.0), p, rc


def smoothed(score_by_offset: dict[float, float], step: float) -> dict[float, float]:
    """Each offset's score averaged with its neighbours' (one `step` either side, where they were scored).

    One offset's F1 on a tuning split moves by ~0.01 with a handful of comments, more than the curve's rise near
    its top: a single lucky offset (EN +1.0 in a 1.11.0 fit: 0.830 between 0.824 and 0.826) decided the
    choice and, with it, hundreds of customers flagged. Averaging neighbours keeps the trend, not the spike."""
    out = {}
    for off in score_by_offset:
        near = [
            score_by_offset[k]
            for k in (round(off - step, 2), off, round(off + step, 2))
            if k in score_by_offset
        ]
        out[off] = sum(near) / len(near)
    return out


def smallest_near_best(score_by_offset: dict[float, float], tolerance: float) -> float:
    """The smallest offset scoring within `tolerance` of the best score (0.0 when none was allowed)."""
    best = max(score_by_offset.values(), default=0.0)
    return min((off for off, score in score_by_offset.items() if score >= best - tolerance), default=0.0)


Part = tuple[Classifier, list[Row]]  # a fold model and the rows it never saw


def _set_bias(parts: list[Part], lang: str, shift: np.ndarray) -> None:
    for clf, _ in parts:
        clf.model.bias_by_lang[lang] = (clf.model.bias + shift).astype(np.float32)


def tune_offsets(parts: list[Part]) -> dict[str, float]:
    """Per language, the smallest toxic logit offset whose mean toxic F1 over that language's sources (each
    source counts the same, whatever its size; `smoothed` over neighbouring offsets) is within `F1_TOLERANCE`
    of the best, among the offsets that flag at most `MAX_BENIGN_FLAGGED` of the dev complaints and praise."""
    toxic = np.asarray([c.is_toxic for c in parts[0][0].model.classes], dtype=np.float32)
    cap = TUNE_ROWS_PER_SOURCE // len(parts)
    chosen: dict[str, float] = {}
    for lang in ("fr", "en"):
        scored: list[tuple[Classifier, Row]] = []
        for clf, rows in parts:
            by_source: dict[str, list[Row]] = {}
            for r in rows:
                if r.lang == lang and r.toxic is not None:
                    by_source.setdefault(r.source, []).append(r)
            for source, mine in by_source.items():
                scored += [(clf, r) for r in (mine if source == "dev" else mine[:cap])]
        sources = sorted({r.source for _, r in scored if r.toxic})
        scored_rows = [r for _, r in scored]
        mean_f1: dict[float, float] = {}
        for off in OFFSET_GRID:
            _set_bias(parts, lang, np.float32(off) * toxic)
            flags = [clf.decide(r.text, lang_hint=lang).category.is_toxic for clf, r in scored]
            benign = [f for f, r in zip(flags, scored_rows, strict=True) if r.source == "dev" and _benign(r)]
            flagged = sum(benign) / max(1, len(benign))
            if flagged > MAX_BENIGN_FLAGGED:
                continue
            f1s = {k: _f1(flags, scored_rows, k) for k in sources}
            mean = sum(f1s.values()) / len(f1s)
            shown = {k: round(v, 4) for k, v in f1s.items()}
            print(f"  offset {lang} {off:+.2f}: mean F1 {mean:.3f} {shown} benign flagged {flagged:.1%}")
            mean_f1[off] = mean
        chosen[lang] = smallest_near_best(smoothed(mean_f1, OFFSET_STEP), F1_TOLERANCE)
    chosen["und"] = min(chosen.values())  # too short to tell: the more careful of the two
    for clf, _ in parts:
        clf.model.bias_by_lang.clear()
    return chosen


def _benign(r: Row) -> bool:
    return r.category in (Category.COMPLAINT, Category.PRAISE)


def _f1(flags: list[bool], rows: list[Row], source: str) -> float:
    tp = fp = fn = 0
    for flag, r in zip(flags, rows, strict=True):
        if r.source == source:
            tp += flag and bool(r.toxic)
            fp += flag and not r.toxic
            fn += (not flag) and bool(r.toxic)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tune_recall_offset(parts: list[Part], category: Category) -> float:
    """The smallest logit offset of `category` giving `RECALL_TARGET` on the cross-fitted dev rows, within the
    macro-F1 and benign limits (the last offset within them if the target is out of reach)."""
    k = parts[0][0].model.classes.index(category)
    bases = [{lang: b.copy() for lang, b in clf.model.bias_by_lang.items()} for clf, _ in parts]
    dev = [(clf, r) for clf, rows in parts for r in rows if r.source == "dev"]
    truth = [r.category for _, r in dev]
    benign = [i for i, (_, r) in enumerate(dev) if _benign(r)]
    chosen, base_macro = 0.0, None
    for step in range(int(MAX_RECALL_OFFSET / RECALL_OFFSET_STEP) + 1):
        off = step * RECALL_OFFSET_STEP
        for (clf, _), base in zip(parts, bases, strict=True):
            for lang, b in base.items():
                shifted = b.copy()
                shifted[k] += np.float32(off)
                clf.model.bias_by_lang[lang] = shifted
        preds = [clf.decide(r.text, lang_hint=r.lang).category for clf, r in dev]
        rep = evaluate(truth, preds)
        flagged = sum(preds[i].is_toxic for i in benign) / max(1, len(benign))
        recall = rep.per_category[category][1]
        print(
            f"  {category.value} {off:+.2f}: recall {recall:.3f} macro-F1 {rep.macro_f1:.3f} benign {flagged:.1%}"
        )
        base_macro = rep.macro_f1 if base_macro is None else base_macro
        if rep.macro_f1 < base_macro - MAX_MACRO_F1_LOSS or flagged > MAX_BENIGN_FLAGGED:
            break
        chosen = off
        if recall >= RECALL_TARGET:
            break
    return chosen


def tune_and_save(
    artefact: Path,
    weights: np.ndarray,
    bias: np.ndarray,
    classes: list[str],
    meta: dict,
    folds: list[FoldModel],
) -> None:
    """Choose the toxic offsets, then the threat and hate offsets (given those), on the cross-fitted scores."""
    meta = {k: v for k, v in meta.items() if k not in ("toxic_offset", "class_offset")}
    offsets = tune_offsets([(f.classifier(meta), f.rows) for f in folds])
    print(f"toxic offsets: {offsets}")
    meta = {**meta, "toxic_offset": offsets, "class_offset": {}}
    for category in RECALL_CATEGORIES:  # each given the ones before it
        offset = tune_recall_offset([(f.classifier(meta), f.rows) for f in folds], category)
        print(f"{category.value} offset: {offset}")
        meta["class_offset"] = {**meta["class_offset"], category.value: offset}
    model_mod.save(artefact, weights, bias, classes, meta)


# Blind sets v2-v5 were written by us and looked at after scoring: they are training data now. v6 (brand
# page) and v7 (general web) were written by outside authors; v6's errors were read after its first
# scoring (so it is a development set since), v7-v14 and v18 are kept for checks (v10-v14, v18: final checks
# only). v15-v17 and v19 hold only complaints and praise (customers' comments, rough ones included): v15's
# errors were read (all 18 flagged were model-only verdicts), and v19's in 1.11.0 (21 flagged, all
# model-only); v16 and v17 are final checks.
SEEN_BLIND_SETS = ("v2", "v3", "v4", "v5")
BLIND_SETS = ("v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19")


def load_blind(path: Path = DATA_DIR / "blind_v6.jsonl") -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            cat = Category(d["category"])
            # `variety` (qc / fr / en) is optional: blind v3 and v4 have it, v2 only has the language.
            variety = {"qc": "fr-qc", "fr": "fr-fr"}.get(d.get("variety", ""), "")
            source = f"{path.stem}:{variety}"
            rows.append(Row(d["text"], cat, d["lang"], source, 1.0, cat.is_toxic))
    return rows


def report_blind(clf: Classifier, name: str) -> dict[str, float]:
    """Scores of one blind set, overall, by language and (when recorded) by variety of French."""
    blind = load_blind(DATA_DIR / f"blind_{name}.jsonl")
    preds = [clf.decide(r.text) for r in blind]
    summary: dict[str, float] = {}
    varieties = sorted({r.source.split(":")[1] for r in blind} - {""})
    for group in ["all", "fr", "en", *varieties]:
        sel = [
            (r, p)
            for r, p in zip(blind, preds, strict=True)
            if group in ("all", r.lang) or r.source.endswith(f":{group}")
        ]
        rep = evaluate([r.category for r, _ in sel], [p.category for _, p in sel])
        print(format_report(rep, f"blind {name} (never tuned on), {group}"))
        summary[f"blind_{name}_{group}_macro_f1"] = round(rep.macro_f1, 4)
        summary[f"blind_{name}_{group}_toxic_f1"] = round(rep.toxic_f1, 4)
        summary[f"blind_{name}_{group}_benign_flagged"] = round(rep.benign_flagged_rate, 4)
        if group == "all":
            for cat in (Category.THREAT, Category.HATE):
                if any(r.category is cat for r, _ in sel):  # v15-v17 hold complaints and praise only
                    summary[f"blind_{name}_{cat.value}_recall"] = round(rep.per_category[cat][1], 4)
            # Threat patterns trade recall for false alarms on violent idioms: count those too.
            summary[f"blind_{name}_non_threat_as_threat"] = sum(
                1 for r, p in sel if r.category is not Category.THREAT and p.category is Category.THREAT
            )
        print()
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--c", type=float, default=12.0, help="inverse L2 regularisation strength")
    parser.add_argument("--eval-only", action="store_true", help="evaluate the committed artefact")
    parser.add_argument(
        "--retune",
        action="store_true",
        help="re-choose the artefact's offsets (refits the fold models, keeps its weights), then evaluate",
    )
    parser.add_argument(
        "--artefact", type=Path, default=model_mod.ARTEFACT_DIR, help="where to write/read the model"
    )
    parser.add_argument(
        "--blind",
        nargs="?",
        const="v6",
        choices=(*BLIND_SETS, "all"),
        help="also score a blind set: data/blind_v6.jsonl (no value), v7 ... v19, or all (v8-v14, v16-v18: final checks)",
    )
    args = parser.parse_args(argv)

    dev = load_devset()
    public = load_public(args.datasets)
    dev_test = [r for r in dev if held_out(r.text)]
    pub_test = [r for r in public if held_out(r.text)]
    train_rows = [r for r in dev + public if not held_out(r.text)]
    with (DATA_DIR / "devset_holdout.jsonl").open("w", encoding="utf-8") as fh:
        for r in dev_test:
            fh.write(
                json.dumps({"text": r.text, "category": r.category.value, "lang": r.lang}, ensure_ascii=False)
                + "\n"
            )
    if args.retune or not args.eval_only:
        with tempfile.TemporaryDirectory() as workdir:
            refit = not args.retune
            _fit_and_tune(args.artefact, train_rows, args.c, Path(workdir), refit)
    clf = Classifier.load(artefact_dir=args.artefact)
    print(f"model {clf.model_version}")
    summary = report(clf, dev_test, pub_test)
    if args.blind:
        for name in BLIND_SETS if args.blind == "all" else (args.blind,):
            summary.update(report_blind(clf, name))
    print(json.dumps(summary, indent=1))


def _fit_and_tune(artefact: Path, train_rows: list[Row], c: float, workdir: Path, refit: bool) -> None:
    """Cross-fit the fold models, fit the shipped one on every row (unless `refit` is false: `--retune`
    keeps the artefact's weights), then choose the offsets and save."""
    folds = cross_fit(train_rows, c, workdir)
    if not refit:
        weights, bias, classes, meta = model_mod.load_untuned(artefact)
    else:
        print(f"training on {len(train_rows)} rows: {dict(Counter(r.category.value for r in train_rows))}")
        weights, bias, classes = train(train_rows, c)
        meta = {
            "version": VERSION,
            "c": c,
            "train_rows": len(train_rows),
            "sources": dict(Counter(r.source for r in train_rows)),
            "weights": {
                "dev": DEV_WEIGHT,
                "olid_tin": OLID_TIN_WEIGHT,
                "olid_unt": OLID_UNT_WEIGHT,
                "olid_not": OLID_NOT_WEIGHT,
                "mlma_fr": MLMA_FR_WEIGHT,
                "balance_exponent": BALANCE_EXPONENT,
            },
            "split": (
                "crc32(text) % 5 == 0 held out; the rest trained on, and cross-fitted in "
                f"{FOLDS} folds (crc32(text) // 5 % {FOLDS}) to choose the offsets"
            ),
        }
    tune_and_save(artefact, weights, bias, classes, meta, folds)


if __name__ == "__main__":
    main()
