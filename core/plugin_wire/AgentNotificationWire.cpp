#include "core/plugin_wire/AgentNotificationWire.h"

namespace switchboard::core::plugin_wire {

Poco::JSON::Object::Ptr AgentNotificationWire::toJson(const sdk::AgentNotification& notification) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("widget_id", notification.widgetId);
    json->set("conversation_id", notification.conversationId);
    json->set("title", notification.title);
    json->set("body", notification.body);
    return json;
}

sdk::AgentNotification AgentNotificationWire::fromJson(ObjectReader reader) {
    sdk::AgentNotification notification;
    notification.widgetId = reader.string("widget_id");
    notification.conversationId = reader.string("conversation_id");
    notification.title = reader.string("title");
    notification.body = reader.string("body");
    reader.finish();
    return notification;
}

} // namespace switchboard::core::plugin_wire
