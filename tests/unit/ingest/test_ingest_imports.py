"""Backfill/replay imports from JSONL and CSV files."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from schemas import Platform, SocialEvent
from services.ingest.imports import ImportRowError, file_format, import_events, read_rows, row_to_event
from services.ingest.tenants import TenantRegistry

PAYLOADS = Path(__file__).with_name("payloads")


def events_of(
    path: Path, registry: TenantRegistry, received_at: datetime, tenant: str | None = None
) -> list[SocialEvent]:
    out = []
    for line, item in import_events(path, registry, received_at, tenant=tenant):
        assert not isinstance(item, ImportRowError), f"line {line}: {item}"
        out.append(item)
    return out


def test_jsonl_import(registry: TenantRegistry, received_at: datetime) -> None:
    rows = list(read_rows(PAYLOADS / "import_rows.jsonl"))
    assert [line for line, _ in rows] == [1, 3, 4]  # the blank line 2 is skipped, numbering is kept
    flat, hashed, nested = events_of(PAYLOADS / "import_rows.jsonl", registry, received_at)

    assert flat.object_id == "880012345678901_1200345678901234" and flat.platform is Platform.FACEBOOK
    assert flat.author.id == "7012345678901234" and flat.author.handle == "Camille Martin"
    assert flat.lang_hint == "fr" and flat.source == "import" and flat.received_at == received_at
    # A replay of a webhook comment gets the webhook's event id.
    created = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    assert flat.event_id == SocialEvent.make_id("facebook", flat.object_id, "add", created.isoformat())

    assert hashed.object_id.startswith("import:") and hashed.thread_id == hashed.object_id
    assert hashed.created_at == datetime(2026, 11, 27, 22, 31, 5, tzinfo=UTC)  # naive time taken as UTC
    assert hashed.author.id == hashed.author.handle == "camille_m"

    assert nested.author.handle == "lea.photos" and nested.thread_id == "18012345678901234"


def test_csv_import(registry: TenantRegistry, received_at: datetime) -> None:
    rows = list(read_rows(PAYLOADS / "import_rows.csv"))
    assert [line for line, _ in rows] == [2, 3, 5]  # the second row spans lines 3-4
    tweet, post, bare = events_of(PAYLOADS / "import_rows.csv", registry, received_at)

    assert tweet.platform is Platform.X and tweet.object_id == "1861234567890123456"
    assert tweet.thread_id == "1861200000000000001" and tweet.text == "trois semaines, vraiment ?"
    assert tweet.author.followers == 1520 and tweet.author.verified is False and tweet.lang_hint == "fr"

    assert post.platform is Platform.WORDPRESS and post.thread_id == "342"
    assert post.text == "Premier paragraphe.\r\nDeuxième paragraphe, après un saut de ligne."
    assert post.object_id.startswith("import:") and post.author.display_name is None

    assert bare.platform is Platform.OTHER and bare.author.id == ""
    assert bare.created_at == datetime(2026, 11, 27, 23, 2, 10, tzinfo=UTC)  # unix seconds


def test_reimport_gives_the_same_ids(registry: TenantRegistry, received_at: datetime, tmp_path: Path) -> None:
    for name in ("import_rows.jsonl", "import_rows.csv"):
        first = events_of(PAYLOADS / name, registry, received_at)
        again = events_of(PAYLOADS / name, registry, received_at + timedelta(days=3))
        assert [e.event_id for e in first] == [e.event_id for e in again]
        assert len({e.event_id for e in first}) == len(first)


def test_gzipped_file(registry: TenantRegistry, received_at: datetime, tmp_path: Path) -> None:
    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress((PAYLOADS / "import_rows.csv").read_bytes()))
    plain = events_of(PAYLOADS / "import_rows.csv", registry, received_at)
    assert [e.event_id for e in events_of(path, registry, received_at)] == [e.event_id for e in plain]


def test_tenant_for_the_whole_file(registry: TenantRegistry, received_at: datetime, tmp_path: Path) -> None:
    path = tmp_path / "globex.csv"
    path.write_text("text,created_at,author\nhello,2026-11-27T22:30:00Z,bob\n", encoding="utf-8")
    [event] = events_of(path, registry, received_at, tenant="globex")
    assert event.tenant == "globex"


def test_bad_rows_are_reported_with_their_line_and_the_rest_imported(
    registry: TenantRegistry, received_at: datetime, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"tenant": "acme", "text": "ok", "created_at": "2026-11-27T22:30:00Z"}',
                '{"tenant": "acme", "text": "no time"}',
                '{"tenant": "acme", "text": "broken", ',
                "[1, 2]",
                '{"text": "no tenant", "created_at": "2026-11-27T22:30:00Z"}',
                '{"tenant": "nobody", "text": "x", "created_at": "2026-11-27T22:30:00Z"}',
                '{"tenant": "acme", "text": "x", "created_at": "soon"}',
                '{"tenant": "acme", "text": "x", "created_at": "2026-11-27T22:30:00Z", "platform": "myspace"}',
                '{"tenant": "acme", "text": "x", "created_at": "2026-11-27T22:30:00Z", "followers": "many"}',
                '{"tenant": "acme", "text": "x", "created_at": "2026-11-27T22:30:00Z", "verified": "perhaps"}',
                '{"created_at": "2026-11-27T22:30:00Z", "tenant": "acme"}',
                '{"tenant": "acme", "text": "last", "created_at": "2026-11-27T22:31:00Z"}',
            ]
        ),
        encoding="utf-8",
    )
    results = list(import_events(path, registry, received_at))
    errors = {line: str(item) for line, item in results if isinstance(item, ImportRowError)}
    assert [line for line, item in results if isinstance(item, SocialEvent)] == [1, 12]
    assert errors == {
        2: "line 2: created_at: required",
        3: errors[3],
        4: "line 4: expected a JSON object",
        5: "line 5: tenant: required (a column, or given for the whole file)",
        6: "line 6: tenant: unknown tenant",
        7: "line 7: created_at: not a valid timestamp",
        8: errors[8],
        9: "line 9: followers: expected an integer",
        10: "line 10: verified: expected true or false",
        11: "line 11: text: required",
    }
    assert errors[3].startswith("line 3: not valid JSON")
    assert errors[8].startswith("line 8: platform: Input should be")


def test_csv_row_errors(registry: TenantRegistry, received_at: datetime, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "tenant,text,created_at\nacme,hello,\nacme,fine,2026-11-27T22:30:00Z\nacme,too,many,cells\n",
        encoding="utf-8",
    )
    results = list(import_events(path, registry, received_at))
    assert [(line, str(item) if isinstance(item, ImportRowError) else "ok") for line, item in results] == [
        (2, "line 2: created_at: required"),
        (3, "ok"),
        (4, "line 4: more cells than header columns"),
    ]


def test_row_to_event_directly(registry: TenantRegistry, received_at: datetime) -> None:
    row = {
        "tenant": "acme",
        "text": "x",
        "created_at": "2026-11-27T22:30:00Z",
        "author_id": "6500000000000001",
    }
    assert row_to_event(7, row, registry, received_at).is_own_reply
    with pytest.raises(ImportRowError) as caught:
        row_to_event(7, {"tenant": "acme"}, registry, received_at)
    assert caught.value.line == 7 and str(caught.value) == "line 7: text: required"


def test_file_format() -> None:
    assert file_format(Path("a.JSONL")) == "jsonl" and file_format(Path("a.ndjson.gz")) == "jsonl"
    assert file_format(Path("export.2026-11.csv")) == "csv"
    with pytest.raises(ValueError, match="unknown import format"):
        file_format(Path("a.xlsx"))
