-- Open SLA items of the route stage: one row per comment (event_id), the tracker's entry plus the columns
-- the queries need. An escalation rewrites the row; a handled item stays as a tombstone until pruned.
CREATE TABLE route_sla_items (
    event_id           text        PRIMARY KEY,
    tenant             text        NOT NULL,
    thread_key         text        NOT NULL,   -- tenant:platform:thread_id, what a handled signal names
    object_id          text        NOT NULL,
    queue              text        NOT NULL,
    escalation_level   int         NOT NULL,
    created_at         timestamptz NOT NULL,   -- event time of the comment
    due_at             timestamptz,
    breached_at        timestamptz,            -- breached at the top of the ladder (no step up left)
    handled_at         timestamptz,
    handled_signal_id  text,                   -- so a retried signal re-emits its audit events
    traceparent        text,                   -- carried onto escalations
    entry              jsonb       NOT NULL,   -- services.route.tracker entry (RoutedItem JSON inside)
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- The breach timer: open, not yet breached, by deadline, across all tenants.
CREATE INDEX route_sla_items_due ON route_sla_items (due_at)
    WHERE handled_at IS NULL AND breached_at IS NULL;
-- Handled signals name a thread.
CREATE INDEX route_sla_items_thread ON route_sla_items (thread_key);
-- The open-items gauge.
CREATE INDEX route_sla_items_open ON route_sla_items (tenant, queue) WHERE handled_at IS NULL;
-- Pruning of tombstones and forgotten items.
CREATE INDEX route_sla_items_handled ON route_sla_items (handled_at) WHERE handled_at IS NOT NULL;
CREATE INDEX route_sla_items_created ON route_sla_items (created_at);
