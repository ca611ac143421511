#include "core/plugin_host/PluginLibrary.h"

#include "core/plugin_host/PluginCompatibility.h"
#include "core/plugin_host/PluginError.h"

#include <Poco/Exception.h>

namespace switchboard::core::plugin_host {

namespace {

std::string textOf(const char* text) { return text ? std::string(text) : std::string(); }

std::string messageOf(const Poco::Exception& error) {
    return error.message().empty() ? error.displayText() : error.message();
}

} // namespace

PluginLibrary::PluginLibrary(const std::string& path) {
    _description.file = path;
    try {
        _library.load(path);
    } catch (const Poco::Exception& error) {
        throw PluginError(path + ": cannot be opened: " + messageOf(error));
    }
    checkInfo();
    loadManifest();
    describeChannel();
}

std::unique_ptr<sdk::Channel> PluginLibrary::createChannel() const {
    return std::unique_ptr<sdk::Channel>(_loader.create(_className));
}

void PluginLibrary::checkInfo() {
    const auto& path = _description.file;
    if (!_library.hasSymbol(sdk::PluginInfoSymbol)) {
        throw PluginError(path + ": not a Switchboard plugin (it exports no " + sdk::PluginInfoSymbol +
                          "() function; declare one with SWITCHBOARD_PLUGIN_INFO)");
    }
    const auto infoFunction = reinterpret_cast<sdk::PluginInfoFunction>(_library.getSymbol(sdk::PluginInfoSymbol));
    const sdk::PluginInfo* info = infoFunction();
    if (info == nullptr) throw PluginError(path + ": its " + sdk::PluginInfoSymbol + "() returned nothing");
    if (auto why = PluginCompatibility::refusal(*info, PluginCompatibility::hostBuild())) {
        throw PluginError(path + ": " + *why);
    }
    _description.name = info->name;
    _description.version = textOf(info->version);
    _description.description = textOf(info->description);
    _description.apiVersion = info->apiVersion;
}

void PluginLibrary::loadManifest() {
    const auto& path = _description.file;
    const std::string plugin = "plugin '" + _description.name + "'";
    const std::string manifest = sdk::ChannelManifest;
    if (!_library.hasSymbol("pocoBuildManifest" + manifest)) {
        throw PluginError(path + ": " + plugin + " exports no " + manifest +
                          " manifest; declare its class with POCO_BEGIN_NAMED_MANIFEST(" + manifest +
                          ", switchboard::sdk::Channel)");
    }
    try {
        _loader.loadLibrary(path, manifest);
    } catch (const Poco::Exception& error) {
        throw PluginError(path + ": the " + manifest + " manifest of " + plugin + " cannot be loaded (" +
                          messageOf(error) + "): rebuild it against this hub's SDK");
    }
    const auto& classes = _loader.manifestFor(path);
    if (classes.size() != 1) {
        std::string names;
        for (const auto* meta : classes) names += std::string(names.empty() ? "" : ", ") + meta->name();
        throw PluginError(path + ": the " + manifest + " manifest of " + plugin + " exports " +
                          std::to_string(classes.size()) + " classes" + (names.empty() ? "" : " (" + names + ")") +
                          "; a channel plugin exports exactly one");
    }
    _className = (*classes.begin())->name();
}

void PluginLibrary::describeChannel() {
    try {
        _description.channel = createChannel()->describe();
    } catch (const std::exception& error) {
        throw PluginError(_description.file + ": plugin '" + _description.name +
                          "' failed to describe its channel: " + error.what());
    }
}

} // namespace switchboard::core::plugin_host
