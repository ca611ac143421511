#include "core/conversation/AgentConversationJson.h"

#include "core/conversation/ConversationJson.h"

#include <algorithm>

namespace switchboard::core::conversation {

Poco::JSON::Object::Ptr AgentConversationJson::operator()(const ConversationView& view) const {
    auto json = ConversationJson::conversation(view);
    const auto visitor = _visitors.snapshot(view.visitor.id);
    // The stored time is written when the visitor leaves, so a later heartbeat is the better answer.
    ConversationJson::addVisitorPresence(*json, visitor.isOnline,
                                         std::max(visitor.lastHeartbeatMs.value_or(0), view.visitor.lastSeenAt));
    return json;
}

} // namespace switchboard::core::conversation
