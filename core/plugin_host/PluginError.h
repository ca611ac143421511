#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace switchboard::core::plugin_host {

/// Why the plugins or the channel instances could not be set up: every problem found, not just the first, each
/// naming the file or the hub.yaml key it is about. Any of them stops the hub from starting.
class PluginError : public std::runtime_error {
public:
    explicit PluginError(std::vector<std::string> problems);
    explicit PluginError(const std::string& problem);

    const std::vector<std::string>& problems() const { return _problems; }

private:
    std::vector<std::string> _problems;
};

} // namespace switchboard::core::plugin_host
