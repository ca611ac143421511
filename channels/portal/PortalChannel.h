#pragma once

#include <switchboard/sdk/Channel.h>

namespace switchboard::channels::portal {

/// Hands a conversation over to the agents in the portal: each delivery is a live notification to the agents who
/// serve the widget. While none of them is online the delivery is retried, so that the request is shown as soon as
/// one is, until the widget's max_attempts runs out. Takes no settings.
class PortalChannel final : public sdk::Channel {
public:
    sdk::ChannelDescription describe() const override;
    sdk::SettingErrors configure(const sdk::Settings& settings, sdk::HostServices& host) override;
    sdk::SettingErrors validateMethod(const sdk::Settings& methodSettings) const override;
    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override;

private:
    sdk::HostServices* _host = nullptr;
};

} // namespace switchboard::channels::portal
