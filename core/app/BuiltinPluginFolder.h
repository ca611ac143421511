#pragma once

#include <filesystem>
#include <string>

namespace switchboard::core::app {

/// Where the channels that come with the hub (portal, webhook) are, next to the binary: `plugins/` beside `bin/`
/// as built (build/bin/switchboard, build/plugins), `lib/switchboard/plugins/` as installed
/// (PREFIX/bin/switchboard, PREFIX/lib/switchboard/plugins). Searched after hub.yaml's `plugin_dir`, so that a
/// folder of third-party plugins need not hold copies of them.
class BuiltinPluginFolder {
public:
    /// The folder for the binary at `binary`, or "" when neither exists.
    static std::string of(const std::filesystem::path& binary);
    /// The folder for this process's binary.
    static std::string ofThisProcess();
};

} // namespace switchboard::core::app
