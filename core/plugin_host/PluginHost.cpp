#include "core/plugin_host/PluginHost.h"

#include "core/config/ConfigError.h"
#include "core/config/KeyLocator.h"
#include "core/plugin_host/PluginError.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace switchboard::core::plugin_host {

namespace {

/// Owns a channel object together with what it depends on. Members are destroyed in reverse order: the channel
/// first, then the services it kept a reference to, then (last) the library its code lives in.
struct OwnedChannel {
    std::shared_ptr<const PluginLibrary> library;
    std::unique_ptr<sdk::HostServices> services;
    std::unique_ptr<sdk::Channel> channel;
};

/// The `*.so` entries of `folder`, sorted; one that is not a library (a dangling link) is refused when opened.
std::vector<std::string> libraryFiles(const std::string& what, const std::string& folder) {
    std::vector<std::string> files;
    try {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            std::error_code ignored;
            if (entry.path().extension() == ".so" && !entry.is_directory(ignored)) {
                files.push_back(entry.path().string());
            }
        }
    } catch (const std::filesystem::filesystem_error& error) {
        throw PluginError(what + " " + folder + " cannot be read: " + error.code().message());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string settingKey(const std::string& instanceKey, const std::string& key) {
    return key.empty() ? instanceKey + ".settings" : instanceKey + ".settings." + key;
}

} // namespace

PluginHost::PluginHost(HostServicesFactory hostServicesFor, Settings settings)
    : _hostServicesFor(std::move(hostServicesFor)), _settings(settings), _logger(Poco::Logger::get("plugins")) {}

void PluginHost::loadPlugins(const std::string& pluginDir, const std::string& builtinDir) {
    _pluginDir = pluginDir;
    std::error_code ignored;
    const bool sameFolder = !builtinDir.empty() && std::filesystem::equivalent(pluginDir, builtinDir, ignored);
    _builtinDir = sameFolder ? "" : builtinDir;

    std::vector<std::string> problems;
    auto libraries = loadFolder("plugin_dir", pluginDir, problems);
    if (!_builtinDir.empty()) {
        for (auto& library : loadFolder("the built-in plugin folder", _builtinDir, problems)) {
            const auto& builtin = library->description();
            const auto same = std::find_if(libraries.begin(), libraries.end(), [&](const auto& other) {
                return other->description().name == builtin.name;
            });
            if (same == libraries.end()) {
                libraries.push_back(std::move(library));
            } else {
                _logger.notice("plugin " + builtin.name + " from " + (*same)->description().file +
                               " is used instead of the built-in one, " + builtin.file);
            }
        }
    }
    if (!problems.empty()) throw PluginError(std::move(problems));

    _libraries = std::move(libraries);
    for (const auto& library : _libraries) {
        const auto& plugin = library->description();
        _logger.information("loaded plugin " + plugin.name + " " + plugin.version + " from " + plugin.file);
    }
}

std::vector<std::shared_ptr<const PluginLibrary>> PluginHost::loadFolder(const std::string& what,
                                                                         const std::string& folder,
                                                                         std::vector<std::string>& problems) const {
    std::error_code error;
    if (!std::filesystem::exists(folder, error)) {
        _logger.warning("The plugin folder " + folder + " does not exist: no plugins loaded from it");
        return {};
    }
    if (!std::filesystem::is_directory(folder, error)) {
        problems.push_back(what + " " + folder + " is not a folder");
        return {};
    }
    std::vector<std::shared_ptr<const PluginLibrary>> libraries;
    std::map<std::string, std::string> fileByName;
    try {
        for (const auto& file : libraryFiles(what, folder)) {
            try {
                auto library = std::make_shared<const PluginLibrary>(file);
                const auto& name = library->description().name;
                if (auto [it, added] = fileByName.emplace(name, file); !added) {
                    problems.push_back(file + ": declares plugin '" + name + "', as " + it->second +
                                       " does: keep only one of them in the plugin folder");
                    continue;
                }
                libraries.push_back(std::move(library));
            } catch (const PluginError& refused) {
                problems.insert(problems.end(), refused.problems().begin(), refused.problems().end());
            }
        }
    } catch (const PluginError& unreadable) {
        problems.insert(problems.end(), unreadable.problems().begin(), unreadable.problems().end());
    }
    return libraries;
}

void PluginHost::createInstances(const std::vector<config::ChannelInstanceConfig>& instances) {
    std::vector<std::string> problems;
    std::vector<ChannelInstance> created;
    for (const auto& instance : instances) {
        const std::string key = "channels." + instance.name;
        auto plugin = library(instance.plugin);
        if (!plugin) {
            problems.push_back(problem(key + ".plugin", "no plugin named '" + instance.plugin + "' was loaded from " +
                                                            folders() + " (loaded: " + loadedNames() + ")"));
            continue;
        }
        try {
            auto owned = std::make_shared<OwnedChannel>();
            owned->library = plugin;
            owned->services = _hostServicesFor(instance);
            owned->channel = plugin->createChannel();
            const auto errors = owned->channel->configure(instance.settings, *owned->services);
            for (const auto& error : errors) problems.push_back(problem(settingKey(key, error.key), error.message));
            if (errors.empty()) {
                created.emplace_back(instance.name, instance.plugin, plugin->description().channel,
                                     std::shared_ptr<sdk::Channel>(owned, owned->channel.get()),
                                     _settings.maxHungCallsPerInstance);
            }
        } catch (const std::exception& error) {
            problems.push_back(problem(key, "the " + instance.plugin + " plugin failed to set it up: " + error.what()));
        }
    }
    if (!problems.empty()) throw PluginError(std::move(problems));

    _instances = std::move(created);
    for (const auto& instance : _instances) {
        _logger.information("channel " + instance.name() + " runs on plugin " + instance.plugin());
    }
}

std::vector<PluginDescription> PluginHost::plugins() const {
    std::vector<PluginDescription> plugins;
    for (const auto& library : _libraries) plugins.push_back(library->description());
    return plugins;
}

const ChannelInstance* PluginHost::find(const std::string& name) const {
    const auto it = std::find_if(_instances.begin(), _instances.end(),
                                 [&](const ChannelInstance& instance) { return instance.name() == name; });
    return it == _instances.end() ? nullptr : &*it;
}

sdk::DeliveryResult PluginHost::deliver(const std::string& instance, const sdk::Delivery& delivery,
                                        std::chrono::milliseconds limit) const {
    const auto* channel = find(instance);
    if (!channel) return sdk::DeliveryResult::failed("there is no channel instance named '" + instance + "'");
    return channel->deliver(delivery, limit);
}

std::optional<sdk::TestResult> PluginHost::test(const std::string& instance, const sdk::Settings& methodSettings,
                                                std::chrono::milliseconds limit) const {
    const auto* channel = find(instance);
    if (!channel) return std::nullopt;
    return channel->test(methodSettings, limit);
}

std::shared_ptr<const PluginLibrary> PluginHost::library(const std::string& pluginName) const {
    for (const auto& library : _libraries) {
        if (library->description().name == pluginName) return library;
    }
    return nullptr;
}

std::string PluginHost::problem(const std::string& key, const std::string& message) const {
    if (_settings.configFile.empty()) return key + ": " + message;
    const auto line = config::KeyLocator::lineOf(_settings.configFile, key);
    return config::ConfigIssue{_settings.configFile, line, key, message}.toString();
}

std::string PluginHost::folders() const {
    return _builtinDir.empty() ? _pluginDir : _pluginDir + " or " + _builtinDir;
}

std::string PluginHost::loadedNames() const {
    std::string names;
    for (const auto& library : _libraries) names += (names.empty() ? "" : ", ") + library->description().name;
    return names.empty() ? "none" : names;
}

} // namespace switchboard::core::plugin_host
