#include "core/http/ChannelDescriptionJson.h"

#include "core/common/JsonValues.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

namespace {

Poco::JSON::Array::Ptr settingsJson(const std::vector<sdk::SettingDescription>& settings) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& setting : settings) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("key", setting.key);
        json->set("description", setting.description);
        json->set("required", setting.required);
        json->set("secret", setting.type == sdk::SettingDescription::Type::Secret);
        list->add(json);
    }
    return list;
}

} // namespace

Poco::JSON::Object::Ptr ChannelDescriptionJson::toJson(const sdk::ChannelDescription& description,
                                                       const std::string& pluginName) {
    Poco::JSON::Array::Ptr methods = new Poco::JSON::Array;
    for (const auto& method : description.handoverMethods) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("name", method.name);
        json->set("label", method.label);
        json->set("confirmation", method.confirmation);
        json->set("requires", common::stringArray(method.requiredFields));
        methods->add(json);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("display_name", description.displayName.empty() ? pluginName : description.displayName);
    json->set("handover_methods", methods);
    json->set("instance_settings", settingsJson(description.instanceSettings));
    json->set("method_settings", settingsJson(description.methodSettings));
    return json;
}

} // namespace switchboard::core::http
