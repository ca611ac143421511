#pragma once

#include <string>
#include <string_view>

namespace switchboard::core::common {

/// POCO 1.11's JSON parser wraps integer literals that do not fit in 64 bits without a word (18446744073709551617
/// becomes 1, -9223372036854775809 becomes -2^63). Read through widen(), such a literal is read as a double
/// instead, as JavaScript reads every number, so that a field that takes an integer refuses it by its type.
class OversizedIntegers {
public:
    /// A copy of `json` in which every integer literal outside -2^63 .. 2^64 - 1 gets a `.0`. Everything else is
    /// copied unchanged; validating it is the parser's job.
    static std::string widen(std::string_view json);
};

} // namespace switchboard::core::common
