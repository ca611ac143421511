#include "core/common/Time.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace switchboard::core::common {

namespace {

using namespace std::chrono;

constexpr std::int64_t kMsPerDay = 86'400'000;

constexpr std::int64_t epochDays(const year_month_day& date) { return sys_days(date).time_since_epoch().count(); }

constexpr std::int64_t kMinEpochMs = epochDays(year{0} / January / 1) * kMsPerDay;
constexpr std::int64_t kMaxEpochMs = (epochDays(year{9999} / December / 31) + 1) * kMsPerDay - 1;

/// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digitsAt(std::string_view text, std::size_t pos, std::size_t width) {
    if (text.size() < pos + width) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::optional<std::int64_t> parseDate(std::string_view text) {
    const auto y = digitsAt(text, 0, 4);
    const auto m = digitsAt(text, 5, 2);
    const auto d = digitsAt(text, 8, 2);
    if (!y || !m || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return epochDays(date) * kMsPerDay;
}

/// Parses `HH:MM:SS[.f…]` followed by the zone designator, returning milliseconds into the day minus the offset.
std::optional<std::int64_t> parseTimeOfDay(std::string_view text) {
    const auto h = digitsAt(text, 0, 2);
    const auto m = digitsAt(text, 3, 2);
    const auto s = digitsAt(text, 6, 2);
    if (!h || !m || !s || text[2] != ':' || text[5] != ':' || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
    std::int64_t ms = ((*h * 60LL + *m) * 60 + *s) * 1000;

    std::size_t pos = 8;
    if (pos < text.size() && text[pos] == '.') {
        const std::size_t start = ++pos;
        int scale = 100;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ms += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start || pos - start > 9) return std::nullopt;
    }

    const std::string_view zone = text.substr(pos);
    if (zone == "Z") return ms;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    const auto offsetH = digitsAt(zone, 1, 2);
    const auto offsetM = digitsAt(zone, 4, 2);
    if (!offsetH || !offsetM || *offsetH > 23 || *offsetM > 59) return std::nullopt;
    const std::int64_t offsetMs = (*offsetH * 60LL + *offsetM) * 60'000;
    return zone[0] == '+' ? ms - offsetMs : ms + offsetMs;
}

} // namespace

std::string formatIso8601Ms(std::int64_t epochMs) {
    if (epochMs < kMinEpochMs || epochMs > kMaxEpochMs) throw std::out_of_range("timestamp outside years 0000-9999");
    const sys_time<milliseconds> time{milliseconds{epochMs}};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss<milliseconds> clock{time - day};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
    return buffer;
}

std::optional<std::int64_t> parseIso8601(std::string_view text) {
    const auto date = parseDate(text);
    if (!date) return std::nullopt;
    if (text.size() == 10) return date;
    if (text[10] != 'T') return std::nullopt;
    const auto timeOfDay = parseTimeOfDay(text.substr(11));
    if (!timeOfDay) return std::nullopt;
    return *date + *timeOfDay;
}

} // namespace switchboard::core::common
