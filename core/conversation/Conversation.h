#pragma once

#include "core/conversation/ConversationStatus.h"
#include "core/conversation/Visitor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

struct Conversation {
    std::string id;
    std::string widgetId;
    std::string visitorId;
    ConversationStatus status = ConversationStatus::Pending;
    std::string priority = "normal"; // low, normal, high, urgent
    std::optional<std::string> assignedAgentId;
    std::optional<std::string> subject;
    std::optional<std::int64_t> rating;
    std::optional<std::string> feedback;
    std::optional<std::string> handoverMethod;
    /// Where the visitor is reached besides the widget: a channel instance that reaches visitors, and the address
    /// it reaches them at; none for the widget only. Agents' messages are delivered there too.
    std::optional<std::string> visitorChannel;
    std::optional<std::string> visitorAddress;
    std::int64_t lastSeq = 0;
    std::int64_t unreadByAgent = 0;
    std::int64_t unreadByVisitor = 0;
    std::optional<std::string> lastMessageText;
    std::optional<std::string> lastMessageSender;
    std::optional<std::int64_t> firstMessageAt;
    std::optional<std::int64_t> firstResponseAt;
    std::optional<std::int64_t> lastMessageAt;
    std::optional<std::int64_t> resolvedAt;
    std::int64_t activityAt = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<std::string> tags;

    bool isOpen() const { return status != ConversationStatus::Resolved && status != ConversationStatus::Closed; }
};

/// A conversation together with its visitor, as lists and detail views show it.
struct ConversationView {
    Conversation conversation;
    Visitor visitor;
};

} // namespace switchboard::core::conversation
