#pragma once

#include <string_view>

namespace switchboard::core::plugin_wire {

/// What the plugin protocol asks of a message's JSON text beyond what Poco's parser checks, looked at in the text
/// because the parser hides it: it cuts an object key at U+0000, and it reads an integer beyond 64 bits as another
/// number without a word (18446744073709551617 as 1).
class JsonTextCheck {
public:
    /// Throws WireError (`bad_request`) when the text is not UTF-8, when a string or key escapes U+0000
    /// (`\u0000`), or when an integer (a number without fraction or exponent) is outside -2^63 .. 2^63 - 1.
    static void check(std::string_view text);
};

} // namespace switchboard::core::plugin_wire
