#include "portal/PortalChannel.h"

#include <switchboard/sdk/SettingsReader.h>

#include <string>

namespace switchboard::channels::portal {

namespace {

/// The portal channel reads no settings, so every key is unknown.
sdk::SettingErrors refuseAll(const sdk::Settings& settings) {
    return sdk::SettingsReader(settings).problems();
}

/// What the agents read first: what the visitor wrote when asking, else the last thing they wrote before.
std::string latestVisitorText(const sdk::Delivery& delivery) {
    if (!delivery.messages.empty() && !delivery.messages.front().text.empty()) return delivery.messages.front().text;
    for (auto it = delivery.history.rbegin(); it != delivery.history.rend(); ++it) {
        if (it->senderType == sdk::SenderType::Visitor) return it->text;
    }
    return "Waiting in the queue";
}

} // namespace

sdk::ChannelDescription PortalChannel::describe() const {
    sdk::ChannelDescription description;
    description.displayName = "Portal";
    description.handoverMethods = {
        {"portal", "Chat with an agent", "Thanks! An agent will join this chat shortly.", {}}};
    return description;
}

sdk::SettingErrors PortalChannel::configure(const sdk::Settings& settings, sdk::HostServices& host) {
    _host = &host;
    return refuseAll(settings);
}

sdk::SettingErrors PortalChannel::validateMethod(const sdk::Settings& methodSettings) const {
    return refuseAll(methodSettings);
}

sdk::DeliveryResult PortalChannel::deliver(const sdk::Delivery& delivery) {
    const auto& name = delivery.recipient.visitor.name;
    const std::string who = name.empty() ? "A visitor" : name;
    const int online = _host->notifyAgents(
        {delivery.widgetId, delivery.conversationId, who + " asks for a person", latestVisitorText(delivery)});
    if (online <= 0) return sdk::DeliveryResult::retry("no agent of this widget is online yet");
    return sdk::DeliveryResult::delivered("shown to " + std::to_string(online) +
                                          (online == 1 ? " agent online" : " agents online"));
}

} // namespace switchboard::channels::portal
