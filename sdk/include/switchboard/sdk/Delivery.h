#pragma once

#include "switchboard/sdk/Settings.h"

#include <cstdint>
#include <string>

namespace switchboard::sdk {

/// How to reach the visitor, as far as they told.
struct Contact {
    std::string name;
    std::string email;
    /// E.164, e.g. "+447700900123".
    std::string phone;
};

/// What the hub asks a channel to deliver. The same delivery is handed over again, with the same `id` and a higher
/// `attempt`, until it is delivered or given up: receivers de-duplicate on `id`.
struct Delivery {
    /// Idempotency id, stable across attempts (the webhook's `webhook-id`).
    std::string id;
    /// 1 on the first try.
    int attempt = 1;
    /// What happened: "agent_handover_requested" (more kinds in later API versions).
    std::string event;
    /// When it happened, milliseconds since the Unix epoch (UTC).
    std::int64_t occurredAtMs = 0;
    /// The handover request this delivery belongs to.
    std::string requestId;
    /// The widget's handover method that chose this channel ("webhook", "portal", ...).
    std::string method;
    std::string widgetId;
    std::string conversationId;
    Contact visitor;
    /// What the visitor wrote when asking for a person; may be empty.
    std::string message;
    /// The method's settings from the widget's YAML (a webhook's `url` and `secret`, ...), `${ENV}` resolved.
    Settings methodSettings;
};

} // namespace switchboard::sdk
