#include "core/conversation/AgentConversationJson.h"

#include "core/conversation/ConversationJson.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

namespace switchboard::core::conversation {

namespace {

Poco::JSON::Object::Ptr reachJson(const VisitorChannels::Reach& reach) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("channel", reach.channel);
    json->set("display_name", reach.displayName);
    json->set("address", reach.address);
    return json;
}

} // namespace

Poco::JSON::Object::Ptr AgentConversationJson::operator()(const ConversationView& view) const {
    auto json = ConversationJson::conversation(view);
    const auto visitor = _visitors.snapshot(view.visitor.id);
    // The stored time is written when the visitor leaves, so a later heartbeat is the better answer.
    ConversationJson::addVisitorPresence(*json, visitor.isOnline,
                                         std::max(visitor.lastHeartbeatMs.value_or(0), view.visitor.lastSeenAt));
    const auto current = _channels.current(view);
    json->set("visitor_channel", current ? Poco::Dynamic::Var(reachJson(*current)) : Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr options = new Poco::JSON::Array;
    for (const auto& option : _channels.options(view)) options->add(reachJson(option));
    json->set("visitor_channel_options", options);
    return json;
}

} // namespace switchboard::core::conversation
