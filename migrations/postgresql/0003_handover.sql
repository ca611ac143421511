-- Handover: a visitor's request for a person, the deliveries that carry it to a channel (the outbox), and every
-- attempt made at each delivery. A request and its deliveries are written in one transaction.

CREATE TABLE handover_requests (
    id                TEXT PRIMARY KEY,
    conversation_id   TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    widget_id         TEXT NOT NULL,
    method            TEXT NOT NULL,
    channel           TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'notified', 'completed', 'failed')),
    visitor_name      TEXT,
    visitor_email     TEXT,
    visitor_phone     TEXT,
    visitor_message   TEXT,
    attempts          BIGINT NOT NULL DEFAULT 0,
    last_error        TEXT,
    response_code     BIGINT,
    response_excerpt  TEXT,
    created_at        BIGINT NOT NULL,
    notified_at       BIGINT,
    completed_at      BIGINT,
    failed_at         BIGINT,
    updated_at        BIGINT NOT NULL
);
-- At most one open request per conversation: a second ask returns the open one.
CREATE UNIQUE INDEX handover_requests_open ON handover_requests (conversation_id)
    WHERE status IN ('pending', 'notified');
CREATE INDEX handover_requests_widget ON handover_requests (widget_id, created_at DESC);
CREATE INDEX handover_requests_created ON handover_requests (created_at DESC);

CREATE TABLE deliveries (
    id                TEXT PRIMARY KEY,
    request_id        TEXT NOT NULL REFERENCES handover_requests (id) ON DELETE CASCADE,
    channel           TEXT NOT NULL,
    -- What concurrency is bounded by: the receiver's host for HTTP channels, else the channel instance.
    destination       TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          BIGINT NOT NULL DEFAULT 0,
    max_attempts      BIGINT NOT NULL,
    due_at            BIGINT NOT NULL,
    -- A worker holds the row until lease_until; after that any worker may claim it again.
    lease_owner       TEXT,
    lease_until       BIGINT,
    last_error        TEXT,
    response_code     BIGINT,
    response_excerpt  TEXT,
    provider_id       TEXT,
    created_at        BIGINT NOT NULL,
    delivered_at      BIGINT,
    failed_at         BIGINT,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (status, due_at);
CREATE INDEX deliveries_request ON deliveries (request_id);

CREATE TABLE delivery_attempts (
    id                BIGSERIAL PRIMARY KEY,
    delivery_id       TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    attempt           BIGINT NOT NULL,
    started_at        BIGINT NOT NULL,
    duration_ms       BIGINT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
    status_code       BIGINT,
    error             TEXT,
    response_excerpt  TEXT
);
CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, attempt);
