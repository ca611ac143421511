#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace switchboard::core::common {

/// A POSIX TZ string such as `GMT0BST,M3.5.0/1,M10.5.0`: the rule a TZif file's footer gives for instants after
/// its last transition. Understands the three date forms (`Mm.w.d`, `Jn`, `n`) and the RFC 8536 extensions
/// (rule times from -167 to 167 hours, daylight saving time all year). Offsets are seconds east of UTC, the
/// opposite sign of the string's.
class PosixTzRule {
public:
    /// The day and local time on which daylight saving time starts or ends.
    struct ChangeDate {
        enum class Form { MonthWeekDay, JulianNoLeap, ZeroBasedDay };
        Form form = Form::MonthWeekDay;
        int month = 0;   // Mm.w.d: 1-12
        int week = 0;    //         1-5, 5 meaning the last
        int weekday = 0; //         0-6, 0 meaning Sunday
        int day = 0;     // Jn: 1-365, February 29 never counted; n: 0-365, counted
        int timeSeconds = 2 * 3600;
    };

    /// Throws std::invalid_argument saying what is wrong. Daylight saving time without its start and end rules
    /// is refused: POSIX leaves the dates to the implementation, and zone files always spell them out.
    static PosixTzRule parse(std::string_view text);

    int offsetSeconds(std::int64_t epochSeconds) const;
    /// The first instant after `epochSeconds` at which the offset changes; empty when it never does.
    std::optional<std::int64_t> nextTransitionSeconds(std::int64_t epochSeconds) const;

private:
    struct Transition {
        std::int64_t atSeconds;
        int offsetAfter;
    };
    using YearTransitions = std::array<Transition, 8>;

    PosixTzRule(int standardOffset, std::optional<int> daylightOffset, ChangeDate start, ChangeDate end);

    /// The transitions of the four years around `epochSeconds`, which must lie within the first 400-year cycle
    /// after 1970, in time order.
    YearTransitions transitionsAround(std::int64_t epochSeconds) const;

    int _standardOffset;
    std::optional<int> _daylightOffset;
    ChangeDate _start;
    ChangeDate _end;
};

} // namespace switchboard::core::common
