#include "core/plugin_wire/JsonTextCheck.h"

#include "core/common/Validation.h"
#include "core/plugin_wire/WireError.h"

#include <string>

namespace switchboard::core::plugin_wire {

namespace {

bool isNumberChar(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

/// Whether the digits of a JSON integer (no sign, no leading zero) are at most `limit`, of the same form.
bool fitsDigits(std::string_view digits, std::string_view limit) {
    if (digits.size() != limit.size()) return digits.size() < limit.size();
    return digits <= limit;
}

/// Throws unless the number token `token` is a fraction, an exponent, or an integer within 64 bits (signed).
void checkNumber(std::string_view token) {
    if (token.find_first_of(".eE") != std::string_view::npos) return; // not an integer: a field refuses it by type
    const bool negative = token.front() == '-';
    const auto digits = token.substr(negative ? 1 : 0);
    if (fitsDigits(digits, negative ? "9223372036854775808" : "9223372036854775807")) return;
    throw WireError(ErrorCode::BadRequest,
                    "the integer " + std::string(token.substr(0, 40)) + " does not fit in 64 bits (signed)");
}

/// The position after the string that starts at `open` (its quote), refusing an escaped U+0000 inside it.
std::size_t skipString(std::string_view text, std::size_t open) {
    std::size_t i = open + 1;
    while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\') {
            if (text.substr(i + 1, 5) == "u0000")
                throw WireError(ErrorCode::BadRequest, "text on the wire must not contain U+0000");
            ++i; // the escaped character; the parser checks the rest of the escape
        }
        ++i;
    }
    return i + 1;
}

} // namespace

void JsonTextCheck::check(std::string_view text) {
    if (!common::isValidUtf8(text)) throw WireError(ErrorCode::BadRequest, "the message is not UTF-8 text");
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            i = skipString(text, i);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = i;
            while (i < text.size() && isNumberChar(text[i])) ++i;
            checkNumber(text.substr(start, i - start));
        } else {
            ++i;
        }
    }
}

} // namespace switchboard::core::plugin_wire
