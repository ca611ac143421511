#include "core/notify/AgentNotifier.h"

#include "core/common/SecureRandom.h"
#include "core/common/Time.h"
#include "core/events/EventNames.h"

namespace switchboard::core::notify {

AgentNotifier::AgentNotifier(events::EventBus& bus, const presence::AgentPresence& presence,
                             const common::Clock& clock)
    : _bus(bus), _presence(presence), _clock(clock) {}

int AgentNotifier::notify(const sdk::AgentNotification& notification) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("id", common::SecureRandom::uuid4());
    payload->set("widget_id", notification.widgetId);
    payload->set("conversation_id", notification.conversationId);
    payload->set("title", notification.title);
    payload->set("body", notification.body);
    payload->set("created_at", common::formatIso8601Ms(_clock.nowMs()));
    _bus.publish({std::string(events::names::NotificationNew), payload,
                  {{events::Room::Kind::WidgetAgents, notification.widgetId}}});
    return static_cast<int>(_presence.reachableFor(notification.widgetId));
}

} // namespace switchboard::core::notify
