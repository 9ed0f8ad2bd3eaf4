-- Every decision of every stage, one row per audit_id (deterministic, so redelivery is harmless).
CREATE TABLE audit_events (
    audit_id          text PRIMARY KEY,
    stage             text        NOT NULL,
    subject_event_id  text        NOT NULL,
    tenant            text        NOT NULL,
    decision          text        NOT NULL,
    outcome           text        NOT NULL,
    platform          text,
    thread_id         text,
    author_id         text,
    occurred_at       timestamptz NOT NULL,
    trace_id          text,
    details           jsonb       NOT NULL DEFAULT '{}',
    record            jsonb       NOT NULL,          -- the record as received, for later schema versions
    kafka_partition   int         NOT NULL,
    kafka_offset      bigint      NOT NULL,
    inserted_at       timestamptz NOT NULL DEFAULT now()
);

-- The questions auditors ask: everything about one comment, one author, one tenant over a time range.
CREATE INDEX audit_events_subject ON audit_events (subject_event_id, occurred_at);
CREATE INDEX audit_events_author ON audit_events (tenant, author_id, occurred_at) WHERE author_id IS NOT NULL;
CREATE INDEX audit_events_tenant_time ON audit_events (tenant, occurred_at);
CREATE INDEX audit_events_thread ON audit_events (tenant, platform, thread_id, occurred_at);

-- Consumed offsets, written in the same transaction as the rows: the source of truth on restart.
CREATE TABLE consumer_offsets (
    consumer_group  text   NOT NULL,
    topic           text   NOT NULL,
    partition       int    NOT NULL,
    next_offset     bigint NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);
