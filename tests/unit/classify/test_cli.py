from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from services.cli import main


def test_classify_jsonl_from_stdin() -> None:
    lines = [
        {"text": "je sais où tu travailles", "id": "a", "created_at": "2026-03-02T12:00:00Z"},
        {"text": "Est-ce que la bibliothèque est ouverte dimanche?", "lang": "fr"},
    ]
    result = CliRunner().invoke(main, ["classify", "-"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0]["id"] == "a" and out[0]["category"] == "threat" and out[0]["severity"] == "critical"
    assert out[0]["lang"] == "fr" and out[0]["model_version"].startswith("vigie-classify/")
    assert set(out[0]["scores"]) == {
        "threat",
        "hate",
        "harassment",
        "insult",
        "spam",
        "complaint",
        "question",
        "praise",
        "neutral",
    }
    assert any(r["kind"] == "pattern" for r in out[0]["reasons"])
    assert out[1]["category"] == "question" and out[1]["severity"] == "medium"


def test_classify_rejects_bad_line() -> None:
    result = CliRunner().invoke(main, ["classify", "-"], input='{"nope": 1}\n')
    assert result.exit_code != 0 and "text" in result.output


def test_eval_classify(tmp_path: Path) -> None:
    path = tmp_path / "labelled.jsonl"
    rows = [
        {"text": "you fucking idiot", "category": "insult", "lang": "en"},
        {"text": "Fucking love this place", "category": "praise", "lang": "en"},
        {"text": "t'es un ostie de cave", "category": "insult", "lang": "fr"},
        {
            "text": "ça fait 3 heures que j'attends, c'est tabarnak de long",
            "category": "complaint",
            "lang": "fr",
        },
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "classify", str(path)])
    assert result.exit_code == 0, result.output
    for needle in (
        "lang=all (n=4)",
        "lang=fr (n=2)",
        "lang=en (n=2)",
        "macro-F1",
        "toxic-vs-not F1: 1.000",
        "confusion",
    ):
        assert needle in result.output


def test_eval_classify_reads_files_as_people_write_them(tmp_path: Path) -> None:
    # A byte-order mark, Windows line ends, a blank line, a capitalised label and a regional language tag.
    path = tmp_path / "labelled.jsonl"
    lines = [
        json.dumps(
            {"text": "t'es un ostie de cave", "category": "Insult", "lang": "fr-CA"}, ensure_ascii=False
        ),
        "",
        json.dumps({"text": "Merci, super service!", "category": "praise", "lang": "FR"}),
    ]
    path.write_bytes("\ufeff".encode() + "\r\n".join(lines).encode() + b"\r\n")
    result = CliRunner().invoke(main, ["eval", "classify", str(path)])
    assert result.exit_code == 0, result.output
    assert "lang=fr (n=2)" in result.output and "lang=fr-CA" not in result.output


def test_eval_classify_names_the_line_of_an_unknown_category(tmp_path: Path) -> None:
    path = tmp_path / "labelled.jsonl"
    path.write_text(
        '{"text": "a", "category": "praise"}\n\n{"text": "b", "category": "toxic"}\n', encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["eval", "classify", str(path)])
    assert result.exit_code != 0 and "line 3" in result.output and "neutral" in result.output
