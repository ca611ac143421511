#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/VisitorChannels.h"
#include "core/presence/VisitorPresence.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::conversation {

/// A conversation as agents see it, the same over REST and in socket events: ConversationJson's fields plus
/// whether its visitor is online now and when they were last seen, where the visitor is reached besides the widget
/// (`visitor_channel`) and where they could be (`visitor_channel_options`).
class AgentConversationJson {
public:
    AgentConversationJson(const presence::VisitorPresence& visitors, const VisitorChannels& channels)
        : _visitors(visitors), _channels(channels) {}

    Poco::JSON::Object::Ptr operator()(const ConversationView& view) const;

private:
    const presence::VisitorPresence& _visitors;
    const VisitorChannels& _channels;
};

} // namespace switchboard::core::conversation
