#pragma once

#include "core/config/ConfigError.h"
#include "core/config/EnvInterpolator.h"

#include <string>
#include <vector>

namespace switchboard::core::config {

/// What every reader of one configuration file shares: the file's name, the environment and the issues found.
struct ParseContext {
    std::string file;
    const EnvInterpolator& env;
    std::vector<ConfigIssue>& issues;

    void report(int line, std::string key, std::string message) {
        issues.push_back({file, line, std::move(key), std::move(message)});
    }
};

} // namespace switchboard::core::config
