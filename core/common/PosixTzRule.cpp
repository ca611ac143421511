#include "core/common/PosixTzRule.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <string>

namespace switchboard::core::common {

namespace {

using namespace std::chrono;
using ChangeDate = PosixTzRule::ChangeDate;

constexpr std::int64_t kSecondsPerDay = 86'400;
/// The Gregorian calendar, weekdays included, repeats every 400 years, and so does any rule.
constexpr std::int64_t kCycleSeconds = 146'097 * kSecondsPerDay;

/// Reads a TZ string left to right, throwing std::invalid_argument at the first thing out of place.
class Cursor {
public:
    explicit Cursor(std::string_view text) : _text(text) {}

    bool atEnd() const { return _pos == _text.size(); }

    bool accept(char c) {
        if (atEnd() || _text[_pos] != c) return false;
        ++_pos;
        return true;
    }

    void expect(char c, const char* what) {
        if (!accept(c)) fail(what);
    }

    /// A zone abbreviation: three or more letters, or `<...>` around letters, digits, `+` and `-`.
    void skipAbbreviation() {
        const bool quoted = accept('<');
        const auto allowed = [quoted](char c) {
            const auto u = static_cast<unsigned char>(c);
            return std::isalpha(u) || (quoted && (std::isdigit(u) || c == '+' || c == '-'));
        };
        const std::size_t start = _pos;
        while (!atEnd() && allowed(_text[_pos])) ++_pos;
        if (_pos - start < 3) fail("a zone abbreviation needs at least three characters");
        if (quoted) expect('>', "a quoted zone abbreviation must end with '>'");
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, with hours up to `maxHours`.
    int duration(int maxHours) {
        const bool negative = accept('-');
        if (!negative) accept('+');
        int seconds = number(3, 0, maxHours, "hours") * 3600;
        if (accept(':')) {
            seconds += number(2, 0, 59, "minutes") * 60;
            if (accept(':')) seconds += number(2, 0, 59, "seconds");
        }
        return negative ? -seconds : seconds;
    }

    ChangeDate changeDate() {
        ChangeDate date;
        if (accept('M')) {
            date.form = ChangeDate::Form::MonthWeekDay;
            date.month = number(2, 1, 12, "month");
            expect('.', "expected '.' after the month");
            date.week = number(1, 1, 5, "week");
            expect('.', "expected '.' after the week");
            date.weekday = number(1, 0, 6, "weekday");
        } else if (accept('J')) {
            date.form = ChangeDate::Form::JulianNoLeap;
            date.day = number(3, 1, 365, "day");
        } else {
            date.form = ChangeDate::Form::ZeroBasedDay;
            date.day = number(3, 0, 365, "day");
        }
        if (accept('/')) date.timeSeconds = duration(167);
        return date;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw std::invalid_argument("TZ string '" + std::string(_text) + "' at position " + std::to_string(_pos)
                                    + ": " + what);
    }

private:
    int number(int maxDigits, int min, int max, const char* what) {
        const std::size_t start = _pos;
        int value = 0;
        while (!atEnd() && std::isdigit(static_cast<unsigned char>(_text[_pos]))
               && _pos - start < static_cast<std::size_t>(maxDigits)) {
            value = value * 10 + (_text[_pos++] - '0');
        }
        if (_pos == start) fail(std::string("expected a number of ") + what);
        if (value < min || value > max) {
            fail(std::string(what) + " must be from " + std::to_string(min) + " to " + std::to_string(max));
        }
        return value;
    }

    std::string_view _text;
    std::size_t _pos = 0;
};

std::int64_t dayStartSeconds(const ChangeDate& date, int yearNumber) {
    const year y{yearNumber};
    sys_days day;
    switch (date.form) {
    case ChangeDate::Form::MonthWeekDay: {
        const auto yearMonth = y / month{static_cast<unsigned>(date.month)};
        const weekday wd{static_cast<unsigned>(date.weekday)};
        day = date.week == 5 ? sys_days{yearMonth / wd[last]}
                             : sys_days{yearMonth / wd[static_cast<unsigned>(date.week)]};
        break;
    }
    case ChangeDate::Form::JulianNoLeap:
        day = sys_days{y / January / 1} + days{date.day - 1 + (y.is_leap() && date.day >= 60 ? 1 : 0)};
        break;
    case ChangeDate::Form::ZeroBasedDay:
        day = sys_days{y / January / 1} + days{date.day};
        break;
    }
    return day.time_since_epoch().count() * kSecondsPerDay;
}

/// Rule arithmetic happens in the first 400-year cycle after 1970, where every date is representable.
std::int64_t withinFirstCycle(std::int64_t epochSeconds) {
    return (epochSeconds % kCycleSeconds + kCycleSeconds) % kCycleSeconds;
}

} // namespace

PosixTzRule::PosixTzRule(int standardOffset, std::optional<int> daylightOffset, ChangeDate start, ChangeDate end)
    : _standardOffset(standardOffset), _daylightOffset(daylightOffset), _start(start), _end(end) {}

PosixTzRule PosixTzRule::parse(std::string_view text) {
    Cursor cursor(text);
    cursor.skipAbbreviation();
    const int standardOffset = -cursor.duration(24);
    if (cursor.atEnd()) return PosixTzRule(standardOffset, std::nullopt, {}, {});

    cursor.skipAbbreviation();
    if (cursor.atEnd()) cursor.fail("daylight saving time needs its start and end rules");
    int daylightOffset = standardOffset + 3600;
    if (!cursor.accept(',')) {
        daylightOffset = -cursor.duration(24);
        cursor.expect(',', "expected ',' and the start of daylight saving time");
    }
    const ChangeDate start = cursor.changeDate();
    cursor.expect(',', "expected ',' before the end of daylight saving time");
    const ChangeDate end = cursor.changeDate();
    if (!cursor.atEnd()) cursor.fail("unexpected text after the rules");
    return PosixTzRule(standardOffset, daylightOffset, start, end);
}

PosixTzRule::YearTransitions PosixTzRule::transitionsAround(std::int64_t epochSeconds) const {
    const int thisYear = static_cast<int>(year_month_day{floor<days>(sys_seconds{seconds{epochSeconds}})}.year());
    YearTransitions transitions;
    for (int i = 0; i < 4; ++i) {
        const int y = thisYear - 1 + i;
        // The start is given in standard time, the end in daylight saving time.
        transitions[2 * i] = {dayStartSeconds(_start, y) + _start.timeSeconds - _standardOffset, *_daylightOffset};
        transitions[2 * i + 1] = {dayStartSeconds(_end, y) + _end.timeSeconds - *_daylightOffset, _standardOffset};
    }
    // Stable, so that when one year's end falls on the next year's start (daylight saving time all year)
    // the start wins.
    std::stable_sort(transitions.begin(), transitions.end(),
                     [](const Transition& a, const Transition& b) { return a.atSeconds < b.atSeconds; });
    return transitions;
}

int PosixTzRule::offsetSeconds(std::int64_t epochSeconds) const {
    if (!_daylightOffset) return _standardOffset;
    const std::int64_t reduced = withinFirstCycle(epochSeconds);
    const auto transitions = transitionsAround(reduced);
    // Before the earliest transition listed, the other offset is in force.
    int offset = transitions.front().offsetAfter == *_daylightOffset ? _standardOffset : *_daylightOffset;
    for (const auto& transition : transitions) {
        if (transition.atSeconds > reduced) break;
        offset = transition.offsetAfter;
    }
    return offset;
}

std::optional<std::int64_t> PosixTzRule::nextTransitionSeconds(std::int64_t epochSeconds) const {
    if (!_daylightOffset) return std::nullopt;
    const std::int64_t reduced = withinFirstCycle(epochSeconds);
    const int current = offsetSeconds(reduced);
    for (const auto& transition : transitionsAround(reduced)) {
        // Asking for the offset at the instant settles several transitions at one instant (one year's end on the
        // next year's start) the way offsetSeconds does.
        if (transition.atSeconds <= reduced || offsetSeconds(transition.atSeconds) == current) continue;
        const std::int64_t ahead = transition.atSeconds - reduced;
        if (epochSeconds > std::numeric_limits<std::int64_t>::max() - ahead) return std::nullopt;
        return epochSeconds + ahead;
    }
    return std::nullopt;
}

} // namespace switchboard::core::common
