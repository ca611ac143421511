#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/ChannelDescription.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// A channel's description on the wire (the result of `describe`):
/// `{display_name, handover_methods: [{name, label, confirmation, required_fields}], instance_settings,
/// method_settings: [{key, description, required, type}], visitor_reach}`.
class ChannelDescriptionWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::ChannelDescription& description);
    static sdk::ChannelDescription fromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
