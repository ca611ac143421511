#pragma once

#include "switchboard/sdk/Delivery.h"
#include "switchboard/sdk/HttpClient.h"

#include <map>
#include <optional>
#include <string>

namespace switchboard::sdk {

/// A provider's callback to the hub (a Twilio reply or status callback), routed to the channel instance it names:
/// `/api/channels/<instance>/inbound/<path>`.
struct InboundRequest {
    std::string method;
    /// What follows `/inbound` in the URL, starting with "/" (may be just "/").
    std::string path;
    /// The full URL the provider called, as the hub was reached (providers sign it).
    std::string url;
    Headers headers;
    std::map<std::string, std::string> query;
    std::string body;

    std::optional<std::string> header(const std::string& name) const;
};

/// The channel's answer to the provider.
struct InboundResult {
    int status = 200;
    std::string contentType = "text/plain";
    std::string body;
};

/// A message from outside (a visitor answering on WhatsApp) to post into a conversation.
struct InboundMessage {
    /// The conversation, when the channel knows it; otherwise the host finds the visitor's open conversation by
    /// `address`, then `from` (phone, then email), within `widgetId`.
    std::string conversationId;
    std::string widgetId;
    /// The contact's identity on this channel, as the provider gives it: `whatsapp:+447700900123`, `+447700900123`,
    /// `ada@example.com`. A `scheme:` prefix is ignored when matching it to a visitor's phone or email.
    std::string address;
    Contact from;
    std::string text;
    /// The provider's id of the message, so that a repeated callback is stored once.
    std::string externalId;
};

} // namespace switchboard::sdk
