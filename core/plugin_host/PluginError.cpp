#include "core/plugin_host/PluginError.h"

namespace switchboard::core::plugin_host {

namespace {

std::string joined(const std::vector<std::string>& problems) {
    std::string text;
    for (const auto& problem : problems) {
        if (!text.empty()) text += '\n';
        text += problem;
    }
    return text;
}

} // namespace

PluginError::PluginError(std::vector<std::string> problems)
    : std::runtime_error(joined(problems)), _problems(std::move(problems)) {}

PluginError::PluginError(const std::string& problem) : PluginError(std::vector<std::string>{problem}) {}

} // namespace switchboard::core::plugin_host
