#include "switchboard/sdk/Webhook.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <limits>
#include <string_view>

namespace switchboard::sdk {

namespace {

constexpr std::array<std::string_view, 7> DayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> MonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

/// The digits of `text` as a number; nullopt when it is anything else or too large.
std::optional<std::int64_t> digitsValue(std::string_view text) {
    if (text.empty() || !std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    std::int64_t value = 0;
    const auto [last, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || last != text.data() + text.size()) return std::nullopt;
    return value;
}

template <std::size_t N>
std::optional<unsigned> indexOf(const std::array<std::string_view, N>& names, std::string_view name) {
    const auto found = std::ranges::find(names, name);
    if (found == names.end()) return std::nullopt;
    return static_cast<unsigned>(found - names.begin());
}

/// An IMF-fixdate (RFC 9110 section 5.6.7), e.g. "Sun, 06 Nov 1994 08:49:37 GMT", as milliseconds since the epoch.
std::optional<std::int64_t> parseImfFixdate(std::string_view text) {
    if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
        text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT" || !indexOf(DayNames, text.substr(0, 3))) {
        return std::nullopt;
    }
    const auto day = digitsValue(text.substr(5, 2));
    const auto month = indexOf(MonthNames, text.substr(8, 3));
    const auto year = digitsValue(text.substr(12, 4));
    const auto hour = digitsValue(text.substr(17, 2));
    const auto minute = digitsValue(text.substr(20, 2));
    const auto second = digitsValue(text.substr(23, 2));
    if (!day || !month || !year || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(static_cast<int>(*year)), std::chrono::month(*month + 1),
                              std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) return std::nullopt;
    const auto midnight = time_point_cast<milliseconds>(sys_days(date)).time_since_epoch().count();
    return midnight + ((*hour * 60 + *minute) * 60 + *second) * 1000;
}

} // namespace

std::optional<std::int64_t> parseRetryAfter(const std::string& value, std::int64_t nowMs) {
    const std::string_view text = trimmed(value);
    if (const auto seconds = digitsValue(text)) {
        if (*seconds > std::numeric_limits<std::int64_t>::max() / 1000) return std::nullopt;
        return *seconds * 1000;
    }
    const auto at = parseImfFixdate(text);
    if (!at) return std::nullopt;
    return std::max<std::int64_t>(0, *at - nowMs);
}

} // namespace switchboard::sdk
