-- Queue records already answered, by processing key: a redelivery is skipped, even after a restart.
CREATE TABLE respond_processed (
    event_id          text        NOT NULL,
    escalation_level  int         NOT NULL,
    tenant            text        NOT NULL,
    item_id           text        NOT NULL,
    outcome           text        NOT NULL,
    processed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, escalation_level)
);
CREATE INDEX respond_processed_time ON respond_processed (processed_at);

-- Texts Vigie published on a thread by itself (automatic replies, acknowledgements): what the
-- duplicate check of the reply lint compares a new text with.
CREATE TABLE respond_sent_texts (
    thread_key  text        NOT NULL,  -- tenant:platform:thread_id, the Kafka key
    action_id   text        NOT NULL,
    tenant      text        NOT NULL,
    text        text        NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (thread_key, action_id)
);
CREATE INDEX respond_sent_texts_time ON respond_sent_texts (sent_at);
