"""Evaluation metrics (pure): per-category precision/recall/F1, macro-F1, confusion, toxic-vs-not F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from schemas import Category

CATEGORIES = tuple(Category)
TOXIC = frozenset({Category.THREAT, Category.HATE, Category.HARASSMENT, Category.INSULT})


@dataclass(frozen=True)
class Report:
    n: int
    per_category: dict[Category, tuple[float, float, float, int]]  # precision, recall, F1, support
    macro_f1: float  # over the categories present in the truth
    toxic_f1: float
    toxic_precision: float
    toxic_recall: float
    benign_flagged_rate: float  # complaints and praise predicted toxic
    confusion: dict[tuple[Category, Category], int]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(truth: Sequence[Category], predicted: Sequence[Category]) -> Report:
    pairs = list(zip(truth, predicted, strict=True))
    confusion = Counter(pairs)
    per: dict[Category, tuple[float, float, float, int]] = {}
    for c in CATEGORIES:
        tp = confusion[(c, c)]
        support = sum(1 for t, _ in pairs if t == c)
        npred = sum(1 for _, p in pairs if p == c)
        prec = tp / npred if npred else 0.0
        rec = tp / support if support else 0.0
        per[c] = (prec, rec, _f1(prec, rec), support)
    present = [c for c in CATEGORIES if per[c][3]]
    macro = sum(per[c][2] for c in present) / len(present) if present else 0.0
    tp = sum(1 for t, p in pairs if t in TOXIC and p in TOXIC)
    fp = sum(1 for t, p in pairs if t not in TOXIC and p in TOXIC)
    fn = sum(1 for t, p in pairs if t in TOXIC and p not in TOXIC)
    tprec = tp / (tp + fp) if tp + fp else 0.0
    trec = tp / (tp + fn) if tp + fn else 0.0
    benign = [p for t, p in pairs if t in (Category.COMPLAINT, Category.PRAISE)]
    flagged = sum(1 for p in benign if p in TOXIC) / len(benign) if benign else 0.0
    return Report(len(pairs), per, macro, _f1(tprec, trec), tprec, trec, flagged, dict(confusion))


def format_report(report: Report, title: str = "") -> str:
    lines = [f"== {title} (n={report.n})" if title else f"== n={report.n}"]
    lines.append(f"{'category':<11} {'prec':>6} {'recall':>6} {'F1':>6} {'support':>7}")
    for c, (p, r, f, s) in report.per_category.items():
        if s or any(pred == c for (_, pred) in report.confusion):
            lines.append(f"{c.value:<11} {p:6.3f} {r:6.3f} {f:6.3f} {s:7d}")
    lines.append(f"macro-F1 (categories present): {report.macro_f1:.3f}")
    lines.append(
        f"toxic-vs-not F1: {report.toxic_f1:.3f} (precision {report.toxic_precision:.3f}, "
        f"recall {report.toxic_recall:.3f}); complaints+praise flagged toxic: {report.benign_flagged_rate:.1%}"
    )
    present = [
        c for c in CATEGORIES if report.per_category[c][3] or any(p == c for (_, p) in report.confusion)
    ]
    lines.append("confusion (rows = truth, columns = predicted):")
    lines.append(" " * 11 + "".join(f"{c.value[:6]:>7}" for c in present))
    for t in present:
        lines.append(f"{t.value:<11}" + "".join(f"{report.confusion.get((t, p), 0):>7}" for p in present))
    return "\n".join(lines)
