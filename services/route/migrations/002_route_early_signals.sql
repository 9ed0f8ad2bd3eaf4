-- Handled signals kept for a while, so a comment routed *after* its answer (the own reply can overtake
-- the comment: it skips classify's second stage) is closed as soon as it is tracked.
CREATE TABLE route_handled_signals (
    signal_id    text        PRIMARY KEY,
    thread_key   text        NOT NULL,
    signal       jsonb       NOT NULL,   -- the HandledSignal record
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX route_handled_signals_thread ON route_handled_signals (thread_key);
CREATE INDEX route_handled_signals_received ON route_handled_signals (received_at);
