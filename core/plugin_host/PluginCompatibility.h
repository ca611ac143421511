#pragma once

// A standard header first: Version.h reads the standard library's ABI from _GLIBCXX_USE_CXX11_ABI, which only a
// standard header defines, and would otherwise describe this hub as built without libstdc++.
#include <optional>
#include <string>

#include <switchboard/sdk/Version.h>

namespace switchboard::core::plugin_host {

/// Decides whether a plugin built as `plugin` says can run in this hub. A plugin built against another plugin API,
/// standard-library ABI, GCC or POCO would crash or misbehave in ways far from their cause, so it is refused with
/// what to rebuild instead.
class PluginCompatibility {
public:
    /// What this hub was built as, in the form plugins declare themselves.
    static sdk::PluginInfo hostBuild();

    /// Why `plugin` cannot be loaded into a hub built as `host`, or nullopt when it can. Only `apiVersion` is read
    /// from a plugin of another API version: the rest of the struct may be laid out differently there.
    static std::optional<std::string> refusal(const sdk::PluginInfo& plugin, const sdk::PluginInfo& host);
};

} // namespace switchboard::core::plugin_host
