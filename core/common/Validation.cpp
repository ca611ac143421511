#include "core/common/Validation.h"

#include <algorithm>

namespace switchboard::core::common {

namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool isContinuation(unsigned char byte) { return (byte & 0xc0) == 0x80; }

} // namespace

std::optional<std::size_t> utf8Length(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        // Bounds of the byte after the lead; narrowing them is what rules out overlong forms (E0, F0),
        // UTF-16 surrogates (ED) and code points above U+10FFFF (F4).
        unsigned char secondMin = 0x80;
        unsigned char secondMax = 0xbf;
        if (lead < 0x80) {
            length = 1;
        } else if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead == 0xe0) secondMin = 0xa0;
            if (lead == 0xed) secondMax = 0x9f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead == 0xf0) secondMin = 0x90;
            if (lead == 0xf4) secondMax = 0x8f;
        } else {
            return std::nullopt;
        }
        if (text.size() - i < length) return std::nullopt;
        if (length > 1) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if (second < secondMin || second > secondMax) return std::nullopt;
            for (std::size_t k = 2; k < length; ++k) {
                if (!isContinuation(static_cast<unsigned char>(text[i + k]))) return std::nullopt;
            }
        }
        i += length;
        ++count;
    }
    return count;
}

bool isValidUtf8(std::string_view text) { return utf8Length(text).has_value(); }

std::string trim(std::string_view text) {
    const auto first = std::find_if_not(text.begin(), text.end(), isAsciiSpace);
    const auto last = std::find_if_not(text.rbegin(), std::make_reverse_iterator(first), isAsciiSpace).base();
    return std::string(first, last);
}

std::string normalizeEmail(std::string_view email) {
    std::string out = trim(email);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace switchboard::core::common
