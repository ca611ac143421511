#pragma once

#include "switchboard/sdk/HostServices.h"

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::sdk::testing {

/// A Logger that keeps every line, per level. Thread-safe.
class FakeLogger final : public Logger {
public:
    enum class Level { Info, Warning, Error };

    void info(const std::string& message) override;
    void warning(const std::string& message) override;
    void error(const std::string& message) override;

    /// The lines logged at `level`, oldest first.
    std::vector<std::string> lines(Level level) const;
    /// Whether a line logged at `level` contains `fragment`.
    bool contains(Level level, std::string_view fragment) const;
    void clear();

private:
    struct Line {
        Level level;
        std::string message;
    };

    void record(Level level, const std::string& message);

    mutable std::mutex _mutex;
    std::vector<Line> _lines;
};

} // namespace switchboard::sdk::testing
