#pragma once

#include "core/plugin_host/ChannelGuard.h"

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

    /// The channel itself, for `validateMethod` and `inbound`; deliveries and tests go through `deliver` and `test`.
    sdk::Channel& channel() const { return *_channel; }

    /// Delivers through the instance's guard: never throws, never takes much longer than `limit`.
    sdk::DeliveryResult deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const {
        return _deliveries.deliver(delivery, limit);
    }
    /// Tests through a guard of its own (ChannelGuard::test): a test that hangs never holds up deliveries.
    sdk::TestResult test(const sdk::Settings& methodSettings, std::chrono::milliseconds limit) const {
        return _tests.test(methodSettings, limit);
    }
    const ChannelGuard& guard() const { return _deliveries; }
    const ChannelGuard& testGuard() const { return _tests; }

private:
    std::string _name;
    std::string _plugin;
    sdk::ChannelDescription _description;
    std::shared_ptr<sdk::Channel> _channel;
    ChannelGuard _deliveries;
    ChannelGuard _tests;
};

} // namespace switchboard::core::plugin_host
