#include "core/handover/HandoverEvents.h"

#include "core/handover/HandoverJson.h"
#include "core/events/EventNames.h"

namespace switchboard::core::handover {

void HandoverEvents::updated(const HandoverRequest& request) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("request", HandoverJson::request(request));
    _bus.publish({std::string(events::names::HandoverUpdated), payload,
                  {{events::Room::Kind::WidgetAgents, request.widgetId}}});
}

void HandoverEvents::deliveryStatusChanged(const HandoverRequest& request, const OutboxDelivery& delivery) {
    _bus.publish({std::string(events::names::DeliveryStatus), HandoverJson::deliveryStatus(request, delivery),
                  {{events::Room::Kind::WidgetAgents, request.widgetId}}});
}

} // namespace switchboard::core::handover
