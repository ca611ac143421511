#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace switchboard::core::config {

/// One problem found in a configuration file.
struct ConfigIssue {
    std::string file;
    int line = 0; // 1-based; 0 when the problem is the file as a whole
    std::string key; // dotted path, e.g. `handover.methods.webhook.secret`
    std::string message;

    /// `file:line: key: message`, with control characters written as `\xHH`.
    std::string toString() const;
};

/// Thrown by the loader with every issue it found, not just the first.
class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(std::vector<ConfigIssue> issues);
    const std::vector<ConfigIssue>& issues() const { return _issues; }

private:
    std::vector<ConfigIssue> _issues;
};

} // namespace switchboard::core::config
