#pragma once

#include "core/config/HubConfig.h"
#include "core/plugin_host/ChannelInstance.h"
#include "core/plugin_host/PluginDescription.h"
#include "core/plugin_host/PluginLibrary.h"

#include <switchboard/sdk/HostServices.h>

#include <Poco/Logger.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::plugin_host {

/// Loads the channel plugins from the plugin folder and creates the channel instances hub.yaml configures.
///
/// Set up once at start-up (`loadPlugins`, then `createInstances`), read-only afterwards and then safe to use from
/// any thread. Libraries stay loaded for the life of the process; each channel object holds its library and its
/// host services, so that both outlive it even when a hung delivery thread still runs inside it.
class PluginHost {
public:
    /// Builds the services one channel instance is given (never null; kept by the channel for its whole life).
    using HostServicesFactory =
        std::function<std::unique_ptr<sdk::HostServices>(const config::ChannelInstanceConfig& instance)>;

    struct Settings {
        /// Deliveries of one instance that may hang past their limit before it is no longer called.
        std::size_t maxHungCallsPerInstance = 4;
        /// The hub.yaml the instances come from: a problem with one names its file and line. None when empty.
        std::string configFile;
    };

    PluginHost(HostServicesFactory hostServicesFor, Settings settings);
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    /// Loads every `*.so` file in `pluginDir`, then those of `builtinDir` (the channels that come with the hub)
    /// whose plugin name `pluginDir` has no file for: a plugin in `pluginDir` is used instead of the built-in one
    /// of the same name, and the log says so. A missing folder holds none; the same folder twice is read once.
    /// Throws PluginError listing every file refused and every plugin name declared by two files of one folder.
    void loadPlugins(const std::string& pluginDir, const std::string& builtinDir = "");

    /// Creates one channel per instance from its plugin and configures it with the instance's settings. Throws
    /// PluginError listing every problem, each naming its hub.yaml key (`channels.crm.settings.url: ...`), after
    /// the file and line of that key when `Settings::configFile` is set.
    void createInstances(const std::vector<config::ChannelInstanceConfig>& instances);

    /// The loaded plugins: those of the plugin folder, then the built-in ones, each in the order of their file names.
    std::vector<PluginDescription> plugins() const;
    /// The configured instances, in hub.yaml's order.
    const std::vector<ChannelInstance>& instances() const { return _instances; }
    /// The instance named `name`, or nullptr.
    const ChannelInstance* find(const std::string& name) const;

    /// Delivers through the instance `instance` (guarded: never throws, never takes much longer than `limit`);
    /// failed for good when there is no such instance.
    sdk::DeliveryResult deliver(const std::string& instance, const sdk::Delivery& delivery,
                                std::chrono::milliseconds limit) const;

    /// Runs the instance `instance`'s test with a handover method's settings (guarded: an exception from the channel
    /// is a failed test naming it); nullopt when there is no such instance. Throws ApiError 504 `channel_timeout`
    /// when the channel does not answer within `limit`.
    std::optional<sdk::TestResult> test(const std::string& instance, const sdk::Settings& methodSettings,
                                        std::chrono::milliseconds limit) const;

private:
    std::shared_ptr<const PluginLibrary> library(const std::string& pluginName) const;
    /// The plugins of one folder; what is wrong with its files goes to `problems`. `what` names the folder.
    std::vector<std::shared_ptr<const PluginLibrary>> loadFolder(const std::string& what, const std::string& folder,
                                                                 std::vector<std::string>& problems) const;
    /// Where plugins were looked for, for messages.
    std::string folders() const;
    std::string loadedNames() const;
    /// `key: message`, after the file and line of `key` in hub.yaml when it is known.
    std::string problem(const std::string& key, const std::string& message) const;

    HostServicesFactory _hostServicesFor;
    const Settings _settings;
    Poco::Logger& _logger;
    std::string _pluginDir;
    std::string _builtinDir;
    std::vector<std::shared_ptr<const PluginLibrary>> _libraries;
    std::vector<ChannelInstance> _instances;
};

} // namespace switchboard::core::plugin_host
