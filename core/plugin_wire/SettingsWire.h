#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/Settings.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace switchboard::core::plugin_wire {

/// Settings on the wire: an object of strings (`{"url": "https://crm.example/hooks", "smtp.port": "587"}`), and
/// their errors: `[{"key", "message"}]`.
class SettingsWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::Settings& settings);
    /// The settings in the field `key` of `parent`.
    static sdk::Settings fromJson(ObjectReader& parent, const std::string& key);

    static Poco::JSON::Array::Ptr errorsToJson(const sdk::SettingErrors& errors);
    /// The errors in the field `key` of `parent`.
    static sdk::SettingErrors errorsFromJson(ObjectReader& parent, const std::string& key);
};

} // namespace switchboard::core::plugin_wire
