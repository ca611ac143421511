#include "switchboard/sdk/testing/FakeLogger.h"

#include <algorithm>

namespace switchboard::sdk::testing {

void FakeLogger::info(const std::string& message) { record(Level::Info, message); }

void FakeLogger::warning(const std::string& message) { record(Level::Warning, message); }

void FakeLogger::error(const std::string& message) { record(Level::Error, message); }

std::vector<std::string> FakeLogger::lines(Level level) const {
    std::lock_guard lock(_mutex);
    std::vector<std::string> messages;
    for (const Line& line : _lines) {
        if (line.level == level) messages.push_back(line.message);
    }
    return messages;
}

bool FakeLogger::contains(Level level, std::string_view fragment) const {
    std::lock_guard lock(_mutex);
    return std::ranges::any_of(_lines, [&](const Line& line) {
        return line.level == level && line.message.find(fragment) != std::string::npos;
    });
}

void FakeLogger::clear() {
    std::lock_guard lock(_mutex);
    _lines.clear();
}

void FakeLogger::record(Level level, const std::string& message) {
    std::lock_guard lock(_mutex);
    _lines.push_back({level, message});
}

} // namespace switchboard::sdk::testing
