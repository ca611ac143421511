#pragma once

#include <switchboard/sdk/ChannelDescription.h>

#include <Poco/JSON/Object.h>

#include <string>

namespace switchboard::core::http {

/// The API's `ChannelDescription` object: what a plugin's channel says about itself.
class ChannelDescriptionJson {
public:
    /// `{display_name, handover_methods: [{name, label, confirmation, requires}], instance_settings,
    /// method_settings: [{key, description, required, secret}]}`; an empty display name is `pluginName`.
    static Poco::JSON::Object::Ptr toJson(const sdk::ChannelDescription& description, const std::string& pluginName);
};

} // namespace switchboard::core::http
