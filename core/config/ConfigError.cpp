#include "core/config/ConfigError.h"

namespace switchboard::core::config {

namespace {

std::string describe(const std::vector<ConfigIssue>& issues) {
    std::string text = issues.size() == 1 ? "configuration has 1 problem:"
                                          : "configuration has " + std::to_string(issues.size()) + " problems:";
    for (const auto& issue : issues) {
        text += "\n  " + issue.toString();
    }
    return text;
}

} // namespace

std::string ConfigIssue::toString() const {
    std::string text = file;
    if (line > 0) {
        text += ":" + std::to_string(line);
    }
    text += ": ";
    if (!key.empty()) {
        text += key + ": ";
    }
    return text + message;
}

ConfigError::ConfigError(std::vector<ConfigIssue> issues)
    : std::runtime_error(describe(issues)), _issues(std::move(issues)) {}

} // namespace switchboard::core::config
