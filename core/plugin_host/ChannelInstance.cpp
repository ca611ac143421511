#include "core/plugin_host/ChannelInstance.h"

namespace switchboard::core::plugin_host {

ChannelInstance::ChannelInstance(std::string name, std::string plugin, std::shared_ptr<sdk::Channel> channel,
                                 std::size_t maxHungCalls)
    : _name(std::move(name)), _plugin(std::move(plugin)), _channel(channel), _guard(std::move(channel), maxHungCalls) {}

} // namespace switchboard::core::plugin_host
