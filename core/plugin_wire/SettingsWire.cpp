#include "core/plugin_wire/SettingsWire.h"

namespace switchboard::core::plugin_wire {

Poco::JSON::Object::Ptr SettingsWire::toJson(const sdk::Settings& settings) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    for (const auto& [key, value] : settings) json->set(key, value);
    return json;
}

sdk::Settings SettingsWire::fromJson(ObjectReader& parent, const std::string& key) { return parent.stringMap(key); }

Poco::JSON::Array::Ptr SettingsWire::errorsToJson(const sdk::SettingErrors& errors) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& error : errors) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("key", error.key);
        json->set("message", error.message);
        list->add(json);
    }
    return list;
}

sdk::SettingErrors SettingsWire::errorsFromJson(ObjectReader& parent, const std::string& key) {
    sdk::SettingErrors errors;
    for (auto& item : parent.objects(key)) {
        errors.push_back({item.string("key"), item.string("message")});
        item.finish();
    }
    return errors;
}

} // namespace switchboard::core::plugin_wire
