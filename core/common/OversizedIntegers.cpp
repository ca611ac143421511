#include "core/common/OversizedIntegers.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace switchboard::core::common {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isNumberChar(char c) { return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'; }

/// Whether POCO reads the integer literal `integer` as it is: as an Int64 when negative, else as a UInt64.
bool fitsIn64Bits(std::string_view integer) {
    const char* end = integer.data() + integer.size();
    if (integer.front() == '-') {
        std::int64_t value = 0;
        return std::from_chars(integer.data(), end, value).ec != std::errc::result_out_of_range;
    }
    std::uint64_t value = 0;
    return std::from_chars(integer.data(), end, value).ec != std::errc::result_out_of_range;
}

} // namespace

std::string OversizedIntegers::widen(std::string_view json) {
    std::string copy;
    copy.reserve(json.size());
    std::size_t i = 0;
    while (i < json.size()) {
        std::size_t end = i + 1;
        if (json[i] == '"') {
            while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
            end = std::min(end + 1, json.size());
            copy.append(json.substr(i, end - i));
        } else if (json[i] == '-' || isDigit(json[i])) {
            while (end < json.size() && isNumberChar(json[end])) ++end;
            const std::string_view number = json.substr(i, end - i);
            copy.append(number);
            if (number.find_first_of(".eE") == std::string_view::npos && !fitsIn64Bits(number)) copy.append(".0");
        } else {
            copy.push_back(json[i]);
        }
        i = end;
    }
    return copy;
}

} // namespace switchboard::core::common
