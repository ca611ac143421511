-- The visitor's channel: where a conversation's visitor is reached besides the widget's live sockets. Set by a
-- handover to a channel instance that reaches visitors, by an inbound message through one, and by agents; NULL
-- for the widget only. The address is what that instance reaches the visitor at (`whatsapp:+447700900123`).
ALTER TABLE conversations ADD COLUMN visitor_channel TEXT, ADD COLUMN visitor_address TEXT;

-- Files that come with a message: a JSON array of {name, content_type, size_bytes, url}; NULL for none.
ALTER TABLE messages ADD COLUMN attachments TEXT;

-- The outbox carries more than handover requests: an agent's message for a visitor reached through a channel
-- (`agent_message`, with the message and the address it goes to), and later kinds. A delivery names its
-- conversation whatever its kind; only a `handover_requested` delivery has a request.
ALTER TABLE deliveries
    ALTER COLUMN request_id DROP NOT NULL,
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'handover_requested'
        CHECK (kind IN ('handover_requested', 'agent_message', 'visitor_notice', 'agent_alert', 'transcript',
                        'visitor_message')),
    ADD COLUMN conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
    ADD COLUMN message_id TEXT REFERENCES messages (id) ON DELETE CASCADE,
    ADD COLUMN address TEXT;
UPDATE deliveries d SET conversation_id = r.conversation_id FROM handover_requests r WHERE r.id = d.request_id;
ALTER TABLE deliveries
    ALTER COLUMN kind DROP DEFAULT,
    ALTER COLUMN conversation_id SET NOT NULL,
    ADD CHECK ((kind = 'handover_requested') = (request_id IS NOT NULL)),
    ADD CHECK (kind <> 'agent_message' OR (message_id IS NOT NULL AND address IS NOT NULL));
-- A conversation's message deliveries, for its messages' statuses (and the cascade when it is deleted).
CREATE INDEX deliveries_conversation ON deliveries (conversation_id, message_id);
CREATE INDEX deliveries_message ON deliveries (message_id) WHERE message_id IS NOT NULL;
