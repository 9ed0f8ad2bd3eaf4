"""Command-line commands of the classify stage (added to `vigie` by services/cli.py).

`vigie classify [FILE|-]` and `vigie eval classify LABELLED.jsonl` run the in-process core (no Kafka).
Retraining is `python -m services.classify.train` (needs the `train` extra).
"""

from __future__ import annotations

import json
from typing import IO, Any

import click

from schemas import Category

commands: list[click.Command] = []


# Files written by spreadsheets and Windows tools often start with a byte-order mark: read it as one.
_JSONL = click.File("r", encoding="utf-8-sig")


def _read_jsonl(stream: IO[str]) -> list[tuple[int, dict[str, Any]]]:
    """The (line number, object) of each non-blank line; a line that is not an object with a string
    `text` stops the command with its number."""
    rows = []
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"line {n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise click.ClickException(f"line {n}: expected an object with a string `text`")
        rows.append((n, row))
    return rows


@click.command("classify")
@click.argument("source", type=_JSONL, default="-")
def classify_command(source: IO[str]) -> None:
    """Classify JSONL comments ({"text", optional "lang", "id", "created_at"}) from FILE or stdin."""
    from .classifier import Classifier

    clf = Classifier.load()
    for _, row in _read_jsonl(source):
        d = clf.decide(row["text"], lang_hint=row.get("lang"))
        out: dict[str, Any] = {k: row[k] for k in ("id", "created_at") if k in row}
        out |= {
            "lang": d.lang,
            "category": d.category.value,
            "severity": d.severity.value,
            "scores": {c.value: s for c, s in d.scores.items()},
            "reasons": [r.model_dump(mode="json", exclude_none=True) for r in d.reasons],
            "model_version": d.model_version,
        }
        click.echo(json.dumps(out, ensure_ascii=False))


@click.group("eval")
def eval_group() -> None:
    """Evaluate a stage's decisions against labelled data."""


@eval_group.command("classify")
@click.argument("labelled", type=_JSONL)
def eval_classify(labelled: IO[str]) -> None:
    """Per-category precision/recall/F1, macro-F1, confusion matrix and toxic-vs-not F1, by language.

    LABELLED is JSONL with `text` and the true `category` (any case); an optional `lang` ("fr", "fr-CA",
    "en"...) groups the rows, else the detected language does. The decision never reads `lang` (as it
    would a platform's language hint): the language is detected, the harder case.
    """
    from .classifier import Classifier
    from .lang import primary_subtag
    from .metrics import evaluate, format_report

    clf = Classifier.load()
    rows = _read_jsonl(labelled)
    truth, predicted, langs = [], [], []
    for n, row in rows:
        try:
            truth.append(Category(str(row["category"]).strip().lower()))
        except (KeyError, ValueError):
            known = ", ".join(c.value for c in Category)
            raise click.ClickException(f"line {n}: missing or unknown `category` (one of: {known})") from None
        d = clf.decide(row["text"])
        predicted.append(d.category)
        langs.append(primary_subtag(row.get("lang")) or d.lang)
    click.echo(f"model {clf.model_version}")
    for lang in ["all", *sorted(set(langs))]:
        idx = [i for i, lg in enumerate(langs) if lang == "all" or lg == lang]
        report = evaluate([truth[i] for i in idx], [predicted[i] for i in idx])
        click.echo(format_report(report, f"lang={lang}"))
        click.echo()


commands += [classify_command, eval_group]
