#pragma once

// A standard header first: it defines _GLIBCXX_USE_CXX11_ABI, which the plugin info below records.
#include <cstddef>

#include <Poco/Version.h>

namespace switchboard::sdk {

/// The plugin contract's version. It changes whenever a header of this SDK changes in a way that breaks a compiled
/// plugin (a member added to a struct the host fills, a virtual function added); the host loads only plugins built
/// for its own version.
inline constexpr int ApiVersion = 2;

/// Name of the POCO manifest a channel plugin exports its class in (`ClassLoader::loadLibrary(path, name)`).
inline constexpr const char* ChannelManifest = "ChannelV2";

/// Name of the `extern "C"` function every plugin exports, returning its PluginInfo. The host calls it before
/// anything else, to refuse a plugin built against another API, compiler ABI or POCO.
inline constexpr const char* PluginInfoSymbol = "switchboard_plugin_info";

/// What a plugin was built as. Plain C data, so that the host can read it from a plugin built any way at all.
struct PluginInfo {
    int apiVersion;
    /// The plugin's name, as hub.yaml's `channels.<instance>.plugin` names it, e.g. "webhook".
    const char* name;
    /// The plugin's own version, free-form.
    const char* version;
    /// A one-line description for `GET /api/plugins`.
    const char* description;
    /// `__GNUC__` of the compiler (clang reports 4; the host compares it only for GCC builds).
    int compilerMajor;
    /// `_GLIBCXX_USE_CXX11_ABI`: std::string and std::list differ between the two.
    int cxx11Abi;
    /// `POCO_VERSION` the plugin was compiled against.
    unsigned long pocoVersion;
};

using PluginInfoFunction = const PluginInfo* (*)();

} // namespace switchboard::sdk

#if defined(_GLIBCXX_USE_CXX11_ABI)
#define SWITCHBOARD_SDK_CXX11_ABI _GLIBCXX_USE_CXX11_ABI
#else
#define SWITCHBOARD_SDK_CXX11_ABI -1
#endif

#if defined(__GNUC__)
#define SWITCHBOARD_SDK_COMPILER_MAJOR __GNUC__
#else
#define SWITCHBOARD_SDK_COMPILER_MAJOR 0
#endif

/// Declares a plugin's identity; use once per plugin library, in one .cpp, at namespace scope:
///   SWITCHBOARD_PLUGIN_INFO("webhook", "1.0.0", "Signed HTTP POSTs to a CRM")
#define SWITCHBOARD_PLUGIN_INFO(pluginName, pluginVersion, pluginDescription)                                          \
    extern "C" __attribute__((visibility("default"))) const ::switchboard::sdk::PluginInfo* switchboard_plugin_info() { \
        static const ::switchboard::sdk::PluginInfo info{::switchboard::sdk::ApiVersion,                               \
                                                         pluginName,                                                   \
                                                         pluginVersion,                                                \
                                                         pluginDescription,                                            \
                                                         SWITCHBOARD_SDK_COMPILER_MAJOR,                               \
                                                         SWITCHBOARD_SDK_CXX11_ABI,                                    \
                                                         POCO_VERSION};                                                \
        return &info;                                                                                                  \
    }
