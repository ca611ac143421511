#pragma once

#include <switchboard/sdk/ChannelDescription.h>

#include <string>

namespace switchboard::core::plugin_host {

/// A plugin library the host has loaded, as its info function declared it.
struct PluginDescription {
    /// What hub.yaml's `channels.<instance>.plugin` names it by.
    std::string name;
    std::string version;
    std::string description;
    /// The library's path.
    std::string file;
    int apiVersion = 0;
    /// What its channel class says about itself (`sdk::Channel::describe`), asked once when the library was loaded.
    sdk::ChannelDescription channel;
};

} // namespace switchboard::core::plugin_host
