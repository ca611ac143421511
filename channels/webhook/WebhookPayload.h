#pragma once

#include <switchboard/sdk/Delivery.h>

#include <string>

namespace switchboard::channels::webhook {

/// The JSON document a webhook POSTs for a delivery. Its fields are the receivers' contract: add, never rename.
class WebhookPayload {
public:
    /// `{"event", "timestamp" (ISO 8601 UTC with milliseconds), "request_id", "method", "conversation_id",
    /// "widget_id", "visitor": {"name", "email", "phone"}, "message", "attempt"}`, keys in that order; a contact
    /// detail or message that is empty is null.
    static std::string body(const sdk::Delivery& delivery);

    /// `occurredAtMs` as "2023-11-14T22:13:20.123Z".
    static std::string timestamp(std::int64_t occurredAtMs);
};

} // namespace switchboard::channels::webhook
