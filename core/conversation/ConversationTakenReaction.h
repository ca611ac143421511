#pragma once

#include "core/store/Sql.h"

#include <functional>
#include <string>

namespace switchboard::core::conversation {

/// What else happens when an agent takes a conversation (assigned to them, or theirs by answering it first): the
/// handover request that asked for a person is complete. It runs inside the transaction that assigns the agent, so
/// that both are stored or neither, and never from an event subscriber on whatever thread publishes.
class ConversationTakenReaction {
public:
    virtual ~ConversationTakenReaction() = default;
    /// Runs in the assigning transaction; returns what to do once it has committed (publish events), if anything.
    virtual std::function<void()> taken(store::Sql& sql, const std::string& conversationId) = 0;
};

} // namespace switchboard::core::conversation
