"""`vigie dry-run`: the three stages in one process, on an export, with the services' decision code."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from schemas import ActionType, Queue
from services.cli import main
from services.route.policy import load_policy
from services.route.routing import route

ROWS = [
    {
        "text": "Je sais où tu travailles, fais attention à toi",
        "created_at": "2026-11-27T17:35:00-05:00",
        "author": "x1",
        "thread_id": "p1",
    },
    {
        "text": "Ça fait 3 heures que j'attends, c'est tabarnak de long",
        "created_at": "2026-11-27T17:30:00-05:00",
        "author": "marie",
        "thread_id": "p1",
    },
    {
        "text": "Free crypto giveaway!!! DM me now http://bit.ly/x",
        "created_at": "2026-11-24T10:05:00-05:00",
        "author": "spam1",
        "thread_id": "p2",
    },
    {
        "text": "Merci, nous regardons ça",
        "created_at": "2026-11-27T17:40:00-05:00",
        "author": "page",
        "thread_id": "p1",
        "is_own_reply": True,
    },
    {"text": "no date here"},
]


def run(tmp_path: Path, *args: str) -> tuple[int, str]:
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n")
    result = CliRunner().invoke(main, ["dry-run", "--no-network", *args, str(export)])
    return result.exit_code, result.output


def test_json_output_gives_each_stage_decision_in_event_time_order(tmp_path: Path) -> None:
    code, output = run(tmp_path, "--json")
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    *comments, summary = lines
    assert code == 1  # the row without created_at is reported and skipped
    assert [c["created_at"][:16] for c in comments] == sorted(c["created_at"][:16] for c in comments)
    by_text = {c["text"]: c for c in comments}
    threat = by_text[ROWS[0]["text"]]
    assert (threat["category"], threat["severity"], threat["queue"]) == ("threat", "critical", "urgent")
    assert [a["type"] for a in threat["actions"]] == ["hide", "notify_on_call"]
    complaint = by_text[ROWS[1]["text"]]
    assert (complaint["queue"], complaint["in_business_hours"]) == ("next-business-day", False)
    ack = next(a for a in complaint["actions"] if a["type"] == "acknowledge")
    assert "lundi 30 novembre à 8 h" in ack["text"]
    assert by_text[ROWS[3]["text"]]["own_reply"] is True
    assert summary["summary"]["comments"] == 4 and summary["summary"]["skipped"] == 1
    assert summary["summary"]["category"]["threat"] == 1 and summary["summary"]["action"]["hide"] == 2


def test_text_output_has_a_summary(tmp_path: Path) -> None:
    _code, output = run(tmp_path)
    assert "threat · critical → urgent" in output
    assert "own reply: handles" in output
    assert "4 comments (1 rows skipped)" in output


def test_dry_run_routes_exactly_as_the_route_stage(tmp_path: Path) -> None:
    from services.dryrun.pipeline import DryRun, OfflineLinkChecker
    from services.ingest.imports import import_events
    from services.ingest.tenants import load_registry

    export = tmp_path / "e.jsonl"
    export.write_text(json.dumps(ROWS[1], ensure_ascii=False) + "\n")
    [(_, event)] = list(
        import_events(export, load_registry(), __import__("schemas").utc_now(), tenant="demo")
    )
    outcome = DryRun(OfflineLinkChecker()).one(event)  # type: ignore[arg-type]
    assert outcome.classified is not None and outcome.item is not None and outcome.decision is not None
    direct = route(outcome.classified, load_policy("demo"), now=event.created_at)  # type: ignore[union-attr]
    assert outcome.item == direct
    assert outcome.item.queue is Queue.NEXT_BUSINESS_DAY
    assert {a.type for a in outcome.decision.actions} >= {ActionType.ACKNOWLEDGE}
