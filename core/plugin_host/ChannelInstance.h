#pragma once

#include "core/plugin_host/DeliveryGuard.h"

#include <switchboard/sdk/Channel.h>

#include <chrono>
#include <memory>
#include <string>

namespace switchboard::core::plugin_host {

/// A configured channel instance of hub.yaml (`channels.<name>`): a channel object of a plugin, ready to deliver.
class ChannelInstance {
public:
    /// `channel` must keep its plugin's library and host services alive for as long as it lives.
    ChannelInstance(std::string name, std::string plugin, sdk::ChannelDescription description,
                    std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls);

    const std::string& name() const { return _name; }
    const std::string& plugin() const { return _plugin; }
    /// What its plugin's channel says about itself.
    const sdk::ChannelDescription& description() const { return _description; }

    /// The channel itself, for `validateMethod` and `inbound`; deliveries go through `deliver`.
    sdk::Channel& channel() const { return *_channel; }

    /// Delivers through the instance's guard: never throws, never takes much longer than `limit`.
    sdk::DeliveryResult deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const {
        return _guard.deliver(delivery, limit);
    }
    const DeliveryGuard& guard() const { return _guard; }

private:
    std::string _name;
    std::string _plugin;
    sdk::ChannelDescription _description;
    std::shared_ptr<sdk::Channel> _channel;
    DeliveryGuard _guard;
};

} // namespace switchboard::core::plugin_host
