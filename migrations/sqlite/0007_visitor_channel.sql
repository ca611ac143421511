-- The visitor's channel: where a conversation's visitor is reached besides the widget's live sockets. Set by a
-- handover to a channel instance that reaches visitors, by an inbound message through one, and by agents; NULL
-- for the widget only. The address is what that instance reaches the visitor at (`whatsapp:+447700900123`).
ALTER TABLE conversations ADD COLUMN visitor_channel TEXT;
ALTER TABLE conversations ADD COLUMN visitor_address TEXT;

-- Files that come with a message: a JSON array of {name, content_type, size_bytes, url}; NULL for none.
ALTER TABLE messages ADD COLUMN attachments TEXT;

-- The outbox carries more than handover requests: an agent's message for a visitor reached through a channel
-- (`agent_message`, with the message and the address it goes to), and later kinds. A delivery names its
-- conversation whatever its kind; only a `handover_requested` delivery has a request. SQLite cannot make a
-- column nullable in place, so the table is rebuilt; its attempts are set aside meanwhile, since dropping the
-- table would cascade to them.
CREATE TABLE deliveries_rebuilt (
    id                  TEXT PRIMARY KEY,
    request_id          TEXT REFERENCES handover_requests (id) ON DELETE CASCADE,
    channel             TEXT NOT NULL,
    destination         TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts            BIGINT NOT NULL DEFAULT 0,
    max_attempts        BIGINT NOT NULL,
    due_at              BIGINT NOT NULL,
    lease_owner         TEXT,
    lease_until         BIGINT,
    last_error          TEXT,
    response_code       BIGINT,
    response_excerpt    TEXT,
    provider_id         TEXT,
    created_at          BIGINT NOT NULL,
    delivered_at        BIGINT,
    failed_at           BIGINT,
    updated_at          BIGINT NOT NULL,
    provider_status     TEXT
        CHECK (provider_status IN ('queued', 'sent', 'delivered', 'read', 'failed', 'undelivered')),
    provider_status_at  BIGINT,
    provider_error_code TEXT,
    provider_error_text TEXT,
    kind                TEXT NOT NULL CHECK (kind IN ('handover_requested', 'agent_message', 'visitor_notice',
                                                      'agent_alert', 'transcript', 'visitor_message')),
    conversation_id     TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id          TEXT REFERENCES messages (id) ON DELETE CASCADE,
    address             TEXT,
    CHECK ((kind = 'handover_requested') = (request_id IS NOT NULL)),
    CHECK (kind <> 'agent_message' OR (message_id IS NOT NULL AND address IS NOT NULL))
);
INSERT INTO deliveries_rebuilt
SELECT d.id, d.request_id, d.channel, d.destination, d.status, d.attempts, d.max_attempts, d.due_at, d.lease_owner,
       d.lease_until, d.last_error, d.response_code, d.response_excerpt, d.provider_id, d.created_at, d.delivered_at,
       d.failed_at, d.updated_at, d.provider_status, d.provider_status_at, d.provider_error_code,
       d.provider_error_text, 'handover_requested', r.conversation_id, NULL, NULL
FROM deliveries d JOIN handover_requests r ON r.id = d.request_id;

CREATE TABLE delivery_attempts_kept AS SELECT * FROM delivery_attempts;
DROP TABLE delivery_attempts;
DROP TABLE deliveries;
ALTER TABLE deliveries_rebuilt RENAME TO deliveries;

CREATE TABLE delivery_attempts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id       TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    attempt           BIGINT NOT NULL,
    started_at        BIGINT NOT NULL,
    duration_ms       BIGINT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
    status_code       BIGINT,
    error             TEXT,
    response_excerpt  TEXT
);
INSERT INTO delivery_attempts SELECT * FROM delivery_attempts_kept;
DROP TABLE delivery_attempts_kept;

CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, attempt);
CREATE INDEX deliveries_due ON deliveries (status, due_at);
CREATE INDEX deliveries_request ON deliveries (request_id);
CREATE INDEX deliveries_provider ON deliveries (channel, provider_id) WHERE provider_id IS NOT NULL;
-- A conversation's message deliveries, for its messages' statuses (and the cascade when it is deleted).
CREATE INDEX deliveries_conversation ON deliveries (conversation_id, message_id);
CREATE INDEX deliveries_message ON deliveries (message_id) WHERE message_id IS NOT NULL;
