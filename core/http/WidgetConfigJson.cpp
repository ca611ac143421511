#include "core/http/WidgetConfigJson.h"

#include "core/common/JsonValues.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

Poco::JSON::Object::Ptr WidgetConfigJson::render(const config::WidgetConfig& w, std::size_t maxMessageChars,
                                                 int heartbeatS, bool openNow, std::optional<std::int64_t> nextChangeMs) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("widget_id", w.id);
    json->set("name", w.name);

    Poco::JSON::Object::Ptr appearance = new Poco::JSON::Object;
    appearance->set("title", w.appearance.title);
    appearance->set("primary_color", w.appearance.primaryColor);
    appearance->set("text_color", w.appearance.textColor);
    appearance->set("position", w.appearance.position);
    appearance->set("launcher_icon", w.appearance.launcherIcon);
    appearance->set("agent_avatar_url", w.appearance.agentAvatarUrl);
    json->set("appearance", appearance);

    Poco::JSON::Object::Ptr texts = new Poco::JSON::Object;
    texts->set("welcome", w.texts.welcome);
    texts->set("input_placeholder", w.texts.inputPlaceholder);
    texts->set("offline", w.texts.offline);
    texts->set("prechat_intro", w.texts.prechatIntro);
    texts->set("handover_button", w.texts.handoverButton);
    texts->set("rating_prompt", w.texts.ratingPrompt);
    json->set("texts", texts);

    Poco::JSON::Object::Ptr prechat = new Poco::JSON::Object;
    prechat->set("enabled", w.prechat.enabled);
    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
    for (const auto& f : w.prechat.fields) {
        Poco::JSON::Object::Ptr field = new Poco::JSON::Object;
        field->set("name", f.name);
        field->set("label", f.label);
        field->set("type", f.type);
        field->set("required", f.required);
        field->set("max_length", static_cast<Poco::UInt64>(f.maxLength));
        fields->add(field);
    }
    prechat->set("fields", fields);
    json->set("prechat", prechat);

    Poco::JSON::Object::Ptr hours = new Poco::JSON::Object;
    hours->set("enabled", w.businessHours.enabled);
    hours->set("timezone", w.businessHours.timezone);
    hours->set("open_now", openNow);
    hours->set("next_change_at", common::timeOrNull(nextChangeMs));
    json->set("business_hours", hours);

    Poco::JSON::Object::Ptr handover = new Poco::JSON::Object;
    handover->set("enabled", w.handover.enabled);
    handover->set("default_method", w.handover.defaultMethod);
    Poco::JSON::Array::Ptr methods = new Poco::JSON::Array;
    if (w.handover.enabled) {
        for (const auto& m : w.handover.methods) {
            Poco::JSON::Object::Ptr method = new Poco::JSON::Object;
            method->set("method", m.name);
            method->set("label", m.label);
            method->set("requires", common::stringArray(m.requiredFields));
            methods->add(method);
        }
    }
    handover->set("methods", methods);
    json->set("handover", handover);

    Poco::JSON::Object::Ptr limits = new Poco::JSON::Object;
    limits->set("max_message_chars", static_cast<Poco::UInt64>(maxMessageChars));
    json->set("limits", limits);

    Poco::JSON::Object::Ptr presence = new Poco::JSON::Object;
    presence->set("heartbeat_s", heartbeatS);
    json->set("presence", presence);
    return json;
}

} // namespace switchboard::core::http
