#include "core/plugin_host/ChannelInstance.h"

namespace switchboard::core::plugin_host {

ChannelInstance::ChannelInstance(std::string name, std::string plugin, sdk::ChannelDescription description,
                                 std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls)
    : _name(std::move(name)), _plugin(std::move(plugin)), _description(std::move(description)), _channel(channel),
      _deliveries(channel, maxHungCalls), _tests(std::move(channel), maxHungCalls) {}

} // namespace switchboard::core::plugin_host
