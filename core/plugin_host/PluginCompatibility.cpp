#include "core/plugin_host/PluginCompatibility.h"

namespace switchboard::core::plugin_host {

namespace {

std::string standardLibrary(int cxx11Abi) {
    if (cxx11Abi < 0) return "a standard library other than libstdc++";
    return "_GLIBCXX_USE_CXX11_ABI=" + std::to_string(cxx11Abi);
}

// clang reports __GNUC__ 4 and no C++20 GCC is that old, so anything above 4 is a GCC build.
bool isGcc(int compilerMajor) { return compilerMajor > 4; }

std::string pocoMajorMinor(unsigned long version) {
    return std::to_string((version >> 24) & 0xFF) + "." + std::to_string((version >> 16) & 0xFF);
}

} // namespace

sdk::PluginInfo PluginCompatibility::hostBuild() {
    return {sdk::ApiVersion,
            "switchboard",
            SWITCHBOARD_VERSION,
            "the hub",
            SWITCHBOARD_SDK_COMPILER_MAJOR,
            SWITCHBOARD_SDK_CXX11_ABI,
            POCO_VERSION};
}

std::optional<std::string> PluginCompatibility::refusal(const sdk::PluginInfo& plugin, const sdk::PluginInfo& host) {
    if (plugin.apiVersion != host.apiVersion) {
        return "built for plugin API " + std::to_string(plugin.apiVersion) + ", this hub speaks " +
               std::to_string(host.apiVersion) + ": rebuild it against SDK version " +
               std::to_string(host.apiVersion);
    }
    if (plugin.cxx11Abi != host.cxx11Abi) {
        return "built with " + standardLibrary(plugin.cxx11Abi) + ", this hub with " + standardLibrary(host.cxx11Abi) +
               ": rebuild it with the hub's standard-library ABI";
    }
    if (isGcc(plugin.compilerMajor) && isGcc(host.compilerMajor) && plugin.compilerMajor != host.compilerMajor) {
        return "built with GCC " + std::to_string(plugin.compilerMajor) + ", this hub with GCC " +
               std::to_string(host.compilerMajor) + ": rebuild it with the hub's compiler";
    }
    if (pocoMajorMinor(plugin.pocoVersion) != pocoMajorMinor(host.pocoVersion)) {
        return "built against POCO " + pocoMajorMinor(plugin.pocoVersion) + ", this hub uses POCO " +
               pocoMajorMinor(host.pocoVersion) + ": rebuild it against the hub's POCO";
    }
    if (plugin.name == nullptr || *plugin.name == '\0') return std::string("declares no plugin name");
    return std::nullopt;
}

} // namespace switchboard::core::plugin_host
