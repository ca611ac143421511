-- Switchboard schema, version 1 (PostgreSQL). Timestamps are UTC milliseconds since the Unix epoch.

CREATE TABLE visitors (
    id             TEXT PRIMARY KEY,
    widget_id      TEXT NOT NULL,
    token_hash     TEXT NOT NULL UNIQUE,
    name           TEXT,
    email          TEXT,
    phone          TEXT,
    custom_fields  TEXT NOT NULL DEFAULT '{}',
    current_url    TEXT,
    referrer       TEXT,
    user_agent     TEXT,
    ip             TEXT,
    first_seen_at  BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL
);
CREATE INDEX visitors_widget ON visitors (widget_id);

CREATE TABLE agents (
    id                    TEXT PRIMARY KEY,
    email                 TEXT NOT NULL UNIQUE,
    display_name          TEXT NOT NULL,
    password_hash         TEXT NOT NULL,
    role                  TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
    status                TEXT NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'busy', 'offline')),
    max_concurrent_chats  BIGINT NOT NULL DEFAULT 5,
    active                BOOLEAN NOT NULL DEFAULT TRUE,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);

CREATE TABLE agent_widgets (
    agent_id   TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    widget_id  TEXT NOT NULL,
    PRIMARY KEY (agent_id, widget_id)
);
CREATE INDEX agent_widgets_widget ON agent_widgets (widget_id);

CREATE TABLE agent_sessions (
    token_hash    TEXT PRIMARY KEY,
    agent_id      TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    ip            TEXT,
    user_agent    TEXT
);
CREATE INDEX agent_sessions_agent ON agent_sessions (agent_id);

CREATE TABLE conversations (
    id                      TEXT PRIMARY KEY,
    widget_id               TEXT NOT NULL,
    visitor_id              TEXT NOT NULL REFERENCES visitors (id),
    status                  TEXT NOT NULL CHECK (status IN ('bot', 'pending', 'active', 'resolved', 'closed')),
    priority                TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    assigned_agent_id       TEXT REFERENCES agents (id),
    subject                 TEXT,
    rating                  BIGINT CHECK (rating BETWEEN 1 AND 5),
    feedback                TEXT,
    handover_method         TEXT,
    last_seq                BIGINT NOT NULL DEFAULT 0,
    unread_by_agent         BIGINT NOT NULL DEFAULT 0,
    unread_by_visitor       BIGINT NOT NULL DEFAULT 0,
    last_message_text       TEXT,
    last_message_sender     TEXT,
    first_message_at        BIGINT,
    first_response_at       BIGINT,
    last_message_at         BIGINT,
    resolved_at             BIGINT,
    activity_at             BIGINT NOT NULL,
    created_at              BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL
);
CREATE INDEX conversations_widget_activity ON conversations (widget_id, activity_at DESC, id DESC);
CREATE INDEX conversations_activity ON conversations (activity_at DESC, id DESC);
CREATE INDEX conversations_visitor ON conversations (visitor_id, status);
CREATE INDEX conversations_assigned ON conversations (assigned_agent_id);

CREATE TABLE conversation_tags (
    conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    tag              TEXT NOT NULL,
    PRIMARY KEY (conversation_id, tag)
);
CREATE INDEX conversation_tags_tag ON conversation_tags (tag);

CREATE TABLE messages (
    id                  TEXT PRIMARY KEY,
    conversation_id     TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq                 BIGINT NOT NULL,
    sender_type         TEXT NOT NULL CHECK (sender_type IN ('visitor', 'agent', 'bot', 'system')),
    sender_id           TEXT,
    sender_name         TEXT,
    text                TEXT NOT NULL,
    client_msg_id       TEXT,
    created_at          BIGINT NOT NULL,
    read_by_agent_at    BIGINT,
    read_by_visitor_at  BIGINT,
    UNIQUE (conversation_id, seq),
    UNIQUE (conversation_id, client_msg_id)
);

CREATE TABLE canned_responses (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    shortcut        TEXT NOT NULL,
    content         TEXT NOT NULL,
    widget_id       TEXT,
    scope           TEXT NOT NULL CHECK (scope IN ('personal', 'shared')),
    owner_agent_id  TEXT REFERENCES agents (id) ON DELETE CASCADE,
    -- 'shared', or 'agent:<id>' for personal ones: a shortcut is unique within its scope.
    scope_key       TEXT NOT NULL,
    usage_count     BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (scope_key, shortcut)
);
