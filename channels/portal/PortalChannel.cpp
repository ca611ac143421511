#include "portal/PortalChannel.h"

#include <switchboard/sdk/SettingsReader.h>

#include <string>

namespace switchboard::channels::portal {

namespace {

/// The portal channel reads no settings, so every key is unknown.
sdk::SettingErrors refuseAll(const sdk::Settings& settings) {
    return sdk::SettingsReader(settings).problems();
}

} // namespace

sdk::SettingErrors PortalChannel::configure(const sdk::Settings& settings, sdk::HostServices& host) {
    _host = &host;
    return refuseAll(settings);
}

sdk::SettingErrors PortalChannel::validateMethod(const sdk::Settings& methodSettings) const {
    return refuseAll(methodSettings);
}

sdk::DeliveryResult PortalChannel::deliver(const sdk::Delivery& delivery) {
    const std::string who = delivery.visitor.name.empty() ? "A visitor" : delivery.visitor.name;
    const int online = _host->notifyAgents({delivery.widgetId, delivery.conversationId, who + " asks for a person",
                                            delivery.message.empty() ? "Waiting in the queue" : delivery.message});
    if (online <= 0) return sdk::DeliveryResult::retry("no agent of this widget is online yet");
    return sdk::DeliveryResult::delivered("shown to " + std::to_string(online) +
                                          (online == 1 ? " agent online" : " agents online"));
}

} // namespace switchboard::channels::portal
