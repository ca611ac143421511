-- The thread a channel instance continues a conversation in (an email Message-ID, a provider's conversation id): what
-- the channel returned with its latest delivery of the conversation, handed back to it on the next one.
CREATE TABLE channel_threads (
    conversation_id   TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    channel           TEXT NOT NULL,
    reference         TEXT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, channel)
);
