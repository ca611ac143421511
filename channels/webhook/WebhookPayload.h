#pragma once

#include <switchboard/sdk/Delivery.h>

#include <string>

namespace switchboard::channels::webhook {

/// The JSON document a webhook POSTs for a delivery. Its fields are the receivers' contract: add, never rename.
class WebhookPayload {
public:
    /// `{"event", "timestamp" (ISO 8601 UTC with milliseconds), "request_id", "method", "conversation_id",
    /// "widget_id", "visitor": {"name", "email", "phone"}, "message", "attempt", "kind", "recent_messages"}`, keys
    /// in that order; a contact detail, message or sender name that is empty is null. `event` is
    /// "agent_handover_requested" for a handover request (as in the first version), else the kind's name;
    /// `message` is the text of the delivery's first message (what the visitor wrote when asking);
    /// `recent_messages` is the conversation's latest messages, oldest first, each `{"id", "sender_type",
    /// "sender_name", "text", "sent_at", "attachments": [{"name", "content_type", "size_bytes", "url"}]}`.
    static std::string body(const sdk::Delivery& delivery);

    /// `occurredAtMs` as "2023-11-14T22:13:20.123Z".
    static std::string timestamp(std::int64_t occurredAtMs);
};

} // namespace switchboard::channels::webhook
