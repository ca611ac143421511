#pragma once

#include "switchboard/sdk/Contact.h"
#include "switchboard/sdk/ConversationMessage.h"
#include "switchboard/sdk/DeliveryKind.h"
#include "switchboard/sdk/Recipient.h"
#include "switchboard/sdk/Settings.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchboard::sdk {

/// What the hub asks a channel to deliver. The same delivery is handed over again, with the same `id` and a higher
/// `attempt`, until it is delivered or given up: receivers de-duplicate on `id`.
struct Delivery {
    /// Idempotency id, stable across attempts (the webhook's `webhook-id`).
    std::string id;
    /// 1 on the first try.
    int attempt = 1;
    DeliveryKind kind = DeliveryKind::HandoverRequested;
    /// When it happened, milliseconds since the Unix epoch (UTC).
    std::int64_t occurredAtMs = 0;
    /// The handover request this delivery belongs to (`handover_requested`); empty for other kinds.
    std::string requestId;
    /// The widget's handover method that chose this channel ("webhook", "portal", ...).
    std::string method;
    std::string widgetId;
    std::string conversationId;
    Recipient recipient;
    /// What this delivery is about: for `handover_requested`, what the visitor wrote when asking for a person (none
    /// when they wrote nothing); for `agent_message` and `visitor_message`, the message to pass on.
    std::vector<ConversationMessage> messages;
    /// The conversation's latest messages, oldest first, at most `historyLength(kind)` of them.
    std::vector<ConversationMessage> history;
    /// What this channel instance returned as `DeliveryResult::threadReference` for the latest earlier delivery of
    /// this conversation (an email Message-ID, a provider's conversation id); empty the first time.
    std::string threadReference;
    /// The method's settings from the widget's YAML (a webhook's `url` and `secret`, ...), `${ENV}` resolved.
    Settings methodSettings;
};

} // namespace switchboard::sdk
