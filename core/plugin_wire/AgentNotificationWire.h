#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/HostServices.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// A notification for a widget's agents on the wire (`notify_agents`'s params):
/// `{widget_id, conversation_id, title, body}`.
class AgentNotificationWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::AgentNotification& notification);
    static sdk::AgentNotification fromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
