#include "core/plugin_wire/ChannelDescriptionWire.h"

#include "core/common/JsonValues.h"
#include "core/plugin_wire/SdkEnumNames.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::plugin_wire {

namespace {

Poco::JSON::Array::Ptr settingsJson(const std::vector<sdk::SettingDescription>& settings) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& setting : settings) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("key", setting.key);
        json->set("description", setting.description);
        json->set("required", setting.required);
        json->set("type", std::string(SettingTypeNames.name(setting.type)));
        list->add(json);
    }
    return list;
}

std::vector<sdk::SettingDescription> settingsFromJson(ObjectReader& parent, const std::string& key) {
    std::vector<sdk::SettingDescription> settings;
    for (auto& item : parent.objects(key)) {
        sdk::SettingDescription setting;
        setting.key = item.string("key");
        setting.description = item.string("description");
        setting.required = item.boolean("required");
        setting.type = item.named("type", SettingTypeNames);
        item.finish();
        settings.push_back(std::move(setting));
    }
    return settings;
}

} // namespace

Poco::JSON::Object::Ptr ChannelDescriptionWire::toJson(const sdk::ChannelDescription& description) {
    Poco::JSON::Array::Ptr methods = new Poco::JSON::Array;
    for (const auto& method : description.handoverMethods) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("name", method.name);
        json->set("label", method.label);
        json->set("confirmation", method.confirmation);
        json->set("required_fields", common::stringArray(method.requiredFields));
        methods->add(json);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("display_name", description.displayName);
    json->set("handover_methods", methods);
    json->set("instance_settings", settingsJson(description.instanceSettings));
    json->set("method_settings", settingsJson(description.methodSettings));
    json->set("visitor_reach", std::string(VisitorReachNames.name(description.visitorReach)));
    return json;
}

sdk::ChannelDescription ChannelDescriptionWire::fromJson(ObjectReader reader) {
    sdk::ChannelDescription description;
    description.displayName = reader.string("display_name");
    for (auto& item : reader.objects("handover_methods")) {
        sdk::HandoverMethodDescription method;
        method.name = item.string("name");
        method.label = item.string("label");
        method.confirmation = item.string("confirmation");
        method.requiredFields = item.strings("required_fields");
        item.finish();
        description.handoverMethods.push_back(std::move(method));
    }
    description.instanceSettings = settingsFromJson(reader, "instance_settings");
    description.methodSettings = settingsFromJson(reader, "method_settings");
    description.visitorReach = reader.named("visitor_reach", VisitorReachNames);
    reader.finish();
    return description;
}

} // namespace switchboard::core::plugin_wire
