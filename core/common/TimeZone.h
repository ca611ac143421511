#pragma once

#include "core/common/PosixTzRule.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::common {

/// An IANA time zone read from the system's compiled zone files (TZif, RFC 8536, as installed by tzdata): the
/// UTC offset in force at any instant. The C++ library's own time zone database is not used because GCC 12's
/// has none.
class TimeZone {
public:
    static constexpr const char* DefaultRoot = "/usr/share/zoneinfo";

    /// The zone `name` (`Europe/London`) from the file `root/name`, read once per process: later calls with the
    /// same name and root return the same object. `UTC` needs no file. Throws std::runtime_error naming the
    /// zone for a name that is refused (empty, absolute or containing `..`), a zone that does not exist, and a
    /// file that is not a valid TZif file. Leap-second zones (`right/...`) are refused.
    static std::shared_ptr<const TimeZone> load(const std::string& name,
                                                const std::filesystem::path& root = DefaultRoot);

    const std::string& name() const { return _name; }

    /// Seconds east of UTC in force at `epochSeconds`.
    int offsetSeconds(std::int64_t epochSeconds) const;

    /// The first instant after `epochSeconds` at which the offset may change; empty when it never does.
    std::optional<std::int64_t> nextTransitionSeconds(std::int64_t epochSeconds) const;

private:
    TimeZone(std::string name, int initialOffset, std::vector<std::int64_t> transitions,
             std::vector<int> offsetsAfter, std::optional<PosixTzRule> footer);

    static std::shared_ptr<const TimeZone> read(const std::string& name, const std::filesystem::path& root);
    static std::shared_ptr<const TimeZone> parseTzif(const std::string& name, std::string_view data);

    std::string _name;
    /// In force before the first transition.
    int _initialOffset;
    /// Ascending; `_offsetsAfter[i]` is in force from `_transitions[i]` on.
    std::vector<std::int64_t> _transitions;
    std::vector<int> _offsetsAfter;
    /// Takes over after the last transition.
    std::optional<PosixTzRule> _footer;
};

} // namespace switchboard::core::common
