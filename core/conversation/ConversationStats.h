#pragma once

#include <cstdint>
#include <optional>

namespace switchboard::core::conversation {

/// Figures over the conversations created in a period (and the messages of those conversations).
struct ConversationStats {
    std::int64_t total = 0;
    std::int64_t bot = 0;
    std::int64_t pending = 0;
    std::int64_t active = 0;
    std::int64_t resolved = 0;
    std::int64_t closed = 0;
    /// From the visitor's first message (or the start of the conversation) to the first agent reply.
    std::optional<double> avgFirstResponseS;
    /// From the start of the conversation to its resolution.
    std::optional<double> avgResolutionS;
    std::optional<double> avgRating;
    std::int64_t ratingsCount = 0;
    std::int64_t visitorMessages = 0;
    std::int64_t agentMessages = 0;
};

} // namespace switchboard::core::conversation
