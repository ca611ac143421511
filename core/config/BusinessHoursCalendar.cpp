#include "core/config/BusinessHoursCalendar.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

namespace switchboard::core::config {

namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 24 * 60 * kMsPerMinute;
constexpr std::string_view kWeekDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}

std::size_t weekdayIndex(const std::string& day) {
    const auto found = std::find(std::begin(kWeekDays), std::end(kWeekDays), day);
    if (found == std::end(kWeekDays)) throw std::invalid_argument("unknown weekday '" + day + "'");
    return static_cast<std::size_t>(found - std::begin(kWeekDays));
}

/// Monday first; 1970-01-01 was a Thursday.
std::size_t weekdayOfDay(std::int64_t epochDay) {
    return static_cast<std::size_t>(((epochDay + 3) % 7 + 7) % 7);
}

int minuteOfDay(const std::string& time) {
    const auto digit = [&time](std::size_t i) {
        if (time[i] < '0' || time[i] > '9') throw std::invalid_argument("time '" + time + "' is not HH:MM");
        return time[i] - '0';
    };
    if (time.size() != 5 || time[2] != ':') throw std::invalid_argument("time '" + time + "' is not HH:MM");
    const int minute = (digit(0) * 10 + digit(1)) * 60 + digit(3) * 10 + digit(4);
    if (minute > 24 * 60) throw std::invalid_argument("time '" + time + "' is after 24:00");
    return minute;
}

} // namespace

BusinessHoursCalendar::BusinessHoursCalendar(const BusinessHours& hours, std::shared_ptr<const common::TimeZone> zone)
    : _enabled(hours.enabled), _zone(std::move(zone)) {
    for (const auto& window : hours.windows) {
        const Span span{minuteOfDay(window.open), minuteOfDay(window.close)};
        for (const auto& day : window.days) {
            const auto weekday = weekdayIndex(day);
            _spans[weekday].push_back(span);
            _boundaries[weekday].push_back(span.openMinute);
            _boundaries[weekday].push_back(span.closeMinute);
        }
    }
    for (auto& minutes : _boundaries) std::sort(minutes.begin(), minutes.end());
}

std::int64_t BusinessHoursCalendar::offsetMs(std::int64_t epochMs) const {
    return _zone->offsetSeconds(floorDiv(epochMs, 1000)) * std::int64_t{1000};
}

bool BusinessHoursCalendar::isOpen(std::int64_t epochMs) const {
    return !_enabled || isOpenLocal(epochMs + offsetMs(epochMs));
}

bool BusinessHoursCalendar::isOpenLocal(std::int64_t localMs) const {
    const std::int64_t day = floorDiv(localMs, kMsPerDay);
    const std::int64_t minute = (localMs - day * kMsPerDay) / kMsPerMinute;
    const auto& spans = _spans[weekdayOfDay(day)];
    return std::any_of(spans.begin(), spans.end(),
                       [minute](const Span& span) { return span.openMinute <= minute && minute < span.closeMinute; });
}

std::int64_t BusinessHoursCalendar::nextBoundaryLocal(std::int64_t localMs) const {
    const std::int64_t today = floorDiv(localMs, kMsPerDay);
    for (std::int64_t day = today; day <= today + LookaheadMs / kMsPerDay; ++day) {
        for (const int minute : _boundaries[weekdayOfDay(day)]) {
            const std::int64_t boundary = day * kMsPerDay + minute * kMsPerMinute;
            if (boundary > localMs) return boundary;
        }
    }
    return localMs + LookaheadMs + 1;
}

std::optional<std::int64_t> BusinessHoursCalendar::nextChangeMs(std::int64_t epochMs) const {
    if (!_enabled) return std::nullopt;
    const bool openNow = isOpen(epochMs);
    const std::int64_t limit = epochMs + LookaheadMs;
    // Between a window boundary and a change of UTC offset nothing can change, so step from one to the next.
    for (std::int64_t at = epochMs;;) {
        const std::int64_t offset = offsetMs(at);
        std::int64_t next = nextBoundaryLocal(at + offset) - offset;
        if (const auto transition = _zone->nextTransitionSeconds(floorDiv(at, 1000))) {
            next = std::min(next, *transition * 1000);
        }
        if (next > limit) return std::nullopt;
        at = next;
        if (isOpen(at) != openNow) return at;
    }
}

} // namespace switchboard::core::config
