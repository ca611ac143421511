#include "core/common/Validation.h"

#include <algorithm>

namespace switchboard::core::common {

namespace {


bool isContinuation(unsigned char byte) { return (byte & 0xc0) == 0x80; }

/// Length in bytes of the well-formed UTF-8 sequence at `i`, or 0 when there is none.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    // Bounds of the byte after the lead; narrowing them is what rules out overlong forms (E0, F0),
    // UTF-16 surrogates (ED) and code points above U+10FFFF (F4).
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xbf;
    if (lead < 0x80) {
        return 1;
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
        return 0;
    }
    if (text.size() - i < length) return 0;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < secondMin || second > secondMax) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (!isContinuation(static_cast<unsigned char>(text[i + k]))) return 0;
    }
    return length;
}

/// The code point of the well-formed sequence of `length` bytes at `i`.
char32_t codePointAt(std::string_view text, std::size_t i, std::size_t length) {
    static constexpr unsigned char LeadBits[] = {0, 0x7f, 0x1f, 0x0f, 0x07};
    char32_t point = static_cast<unsigned char>(text[i]) & LeadBits[length];
    for (std::size_t k = 1; k < length; ++k) point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    return point;
}

/// Unicode's White_Space property: ASCII whitespace, NEL, no-break spaces, the ogham mark, the typographic spaces
/// U+2000-U+200A, line and paragraph separators, and the ideographic space U+3000.
bool isWhiteSpace(char32_t c) {
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

} // namespace

std::optional<std::size_t> utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        const auto length = sequenceLength(text, i);
        if (length == 0) return std::nullopt;
        i += length;
    }
    return count;
}

bool isValidUtf8(std::string_view text) { return utf8Length(text).has_value(); }

std::string trim(std::string_view text) {
    // Where the text that is not white space begins and ends; a byte that starts no well-formed sequence counts
    // as text.
    std::size_t begin = text.size();
    std::size_t end = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto valid = sequenceLength(text, i);
        const auto length = valid == 0 ? 1 : valid;
        if (valid == 0 || !isWhiteSpace(codePointAt(text, i, valid))) {
            begin = std::min(begin, i);
            end = i + length;
        }
        i += length;
    }
    return begin < end ? std::string(text.substr(begin, end - begin)) : std::string();
}

std::string normalizeEmail(std::string_view email) {
    std::string out = trim(email);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace switchboard::core::common
