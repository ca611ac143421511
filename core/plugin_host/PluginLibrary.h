#pragma once

#include "core/plugin_host/PluginDescription.h"

#include <switchboard/sdk/Channel.h>

#include <Poco/ClassLoader.h>
#include <Poco/SharedLibrary.h>

#include <memory>
#include <string>

namespace switchboard::core::plugin_host {

/// One channel plugin's shared library, checked and loaded.
///
/// Before POCO's class loader sees the library (and runs its manifest code), the library is opened on its own and
/// its `switchboard_plugin_info()` is read, so that a library built for another plugin API, standard-library ABI,
/// compiler or POCO is refused with a message naming the file instead of crashing later.
///
/// The library is never unloaded. Channel objects made by `createChannel` must still be destroyed before this object
/// (their code lives in the library): the plugin host ties each channel to a shared reference to its library.
class PluginLibrary {
public:
    /// Throws PluginError naming `path` when the file cannot be opened, is not a Switchboard plugin, was built
    /// incompatibly, does not export exactly one class in its `ChannelV2` manifest, or its channel cannot describe
    /// itself.
    explicit PluginLibrary(const std::string& path);
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

    const PluginDescription& description() const { return _description; }

    /// A new channel object, not yet configured. Throws what the plugin's constructor throws.
    std::unique_ptr<sdk::Channel> createChannel() const;

private:
    void checkInfo();
    void loadManifest();
    void describeChannel();

    Poco::SharedLibrary _library;
    Poco::ClassLoader<sdk::Channel> _loader;
    PluginDescription _description;
    std::string _className;
};

} // namespace switchboard::core::plugin_host
