#pragma once

#include <cstdint>
#include <string_view>

namespace switchboard::core::realtime {

/// Checks that a byte stream is well-formed UTF-8 (RFC 3629) while it arrives in pieces: a sequence may be
/// split across calls to feed(). Overlong forms, UTF-16 surrogates (U+D800..U+DFFF) and code points above
/// U+10FFFF are rejected at the first byte that rules them out.
class Utf8Validator {
public:
    /// Validates the next piece. Returns false as soon as the bytes seen so far cannot begin well-formed UTF-8,
    /// and keeps returning false until reset().
    bool feed(std::string_view bytes);

    /// True when everything fed so far is well-formed and no multi-byte sequence is left unfinished; call it
    /// at the end of a message.
    bool complete() const { return !_failed && _pending == 0; }

    bool failed() const { return _failed; }

    void reset();

private:
    bool fail();

    std::uint8_t _pending = 0;
    // Range of the next continuation byte; narrower than 80..BF only right after E0, ED, F0 and F4.
    std::uint8_t _nextMin = 0x80;
    std::uint8_t _nextMax = 0xbf;
    bool _failed = false;
};

} // namespace switchboard::core::realtime
