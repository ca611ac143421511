#include "core/config/ConfigError.h"

namespace switchboard::core::config {

namespace {

/// `text` with control characters written as `\xHH`: a message may quote bytes of the file (yaml-cpp's do), and
/// a NUL would cut what() short while other control characters could garble the log it is written to.
std::string printable(const std::string& text) {
    static constexpr char Hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += Hex[c >> 4];
            out += Hex[c & 0x0f];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

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
    return printable(text + message);
}

ConfigError::ConfigError(std::vector<ConfigIssue> issues)
    : std::runtime_error(describe(issues)), _issues(std::move(issues)) {}

} // namespace switchboard::core::config
