#pragma once

#include "core/conversation/Conversation.h"
#include "core/presence/VisitorPresence.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::conversation {

/// A conversation as agents see it, the same over REST and in socket events: ConversationJson's fields plus
/// whether its visitor is online now and when they were last seen.
class AgentConversationJson {
public:
    explicit AgentConversationJson(const presence::VisitorPresence& visitors) : _visitors(visitors) {}

    Poco::JSON::Object::Ptr operator()(const ConversationView& view) const;

private:
    const presence::VisitorPresence& _visitors;
};

} // namespace switchboard::core::conversation
