#include "core/config/EnvInterpolator.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace switchboard::core::config {

namespace {

bool isVariableName(std::string_view name) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
        return false;
    }
    for (char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string listNames(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        text += (i == 0 ? "" : ", ") + ("'" + names[i] + "'");
    }
    return text;
}

} // namespace

EnvInterpolator::EnvInterpolator(EnvLookup lookup) : _lookup(std::move(lookup)) {}

EnvInterpolator::Result EnvInterpolator::interpolate(std::string_view text) const {
    Result result;
    std::vector<std::string> unset;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text.compare(pos, 3, "$${") == 0) {
            result.value += "${";
            pos += 3;
            continue;
        }
        if (text.compare(pos, 2, "${") != 0) {
            result.value += text[pos++];
            continue;
        }
        const auto close = text.find('}', pos + 2);
        if (close == std::string_view::npos) {
            return {"", "unterminated '${' (write '$${' for a literal '${')"};
        }
        const std::string name(text.substr(pos + 2, close - pos - 2));
        if (!isVariableName(name)) {
            return {"", "'${" + name + "}' is not a valid environment variable reference"};
        }
        if (auto value = _lookup(name)) {
            result.value += *value;
        } else if (std::find(unset.begin(), unset.end(), name) == unset.end()) {
            unset.push_back(name);
        }
        pos = close + 1;
    }
    if (!unset.empty()) {
        return {"", (unset.size() == 1 ? "environment variable " : "environment variables ") + listNames(unset)
                        + (unset.size() == 1 ? " is not set" : " are not set")};
    }
    return result;
}

EnvLookup EnvInterpolator::processEnvironment() {
    return [](const std::string& name) -> std::optional<std::string> {
        if (const char* value = std::getenv(name.c_str())) {
            return std::string(value);
        }
        return std::nullopt;
    };
}

} // namespace switchboard::core::config
