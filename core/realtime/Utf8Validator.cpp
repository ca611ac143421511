#include "core/realtime/Utf8Validator.h"

#include <cstring>

namespace switchboard::core::realtime {

namespace {

constexpr std::uint8_t kContinuationMin = 0x80;
constexpr std::uint8_t kContinuationMax = 0xbf;

// Chat payloads are mostly ASCII JSON, so whole words without a high bit are skipped at once.
std::size_t skipAscii(const char* data, std::size_t size) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= size; i += sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, data + i, sizeof word);
        if ((word & kHighBits) != 0) break;
    }
    return i;
}

} // namespace

bool Utf8Validator::feed(std::string_view bytes) {
    if (_failed) return false;
    std::size_t i = 0;
    while (i < bytes.size()) {
        if (_pending == 0) {
            i += skipAscii(bytes.data() + i, bytes.size() - i);
            if (i == bytes.size()) break;
        }
        const auto byte = static_cast<std::uint8_t>(bytes[i++]);
        if (_pending > 0) {
            if (byte < _nextMin || byte > _nextMax) return fail();
            _nextMin = kContinuationMin;
            _nextMax = kContinuationMax;
            --_pending;
        } else if (byte < 0x80) {
            continue;
        } else if (byte >= 0xc2 && byte <= 0xdf) {
            _pending = 1;
        } else if (byte >= 0xe0 && byte <= 0xef) {
            _pending = 2;
            if (byte == 0xe0) _nextMin = 0xa0; // below is an overlong form
            if (byte == 0xed) _nextMax = 0x9f; // above is a surrogate
        } else if (byte >= 0xf0 && byte <= 0xf4) {
            _pending = 3;
            if (byte == 0xf0) _nextMin = 0x90; // below is an overlong form
            if (byte == 0xf4) _nextMax = 0x8f; // above is past U+10FFFF
        } else {
            // A stray continuation byte, C0/C1 (always overlong) or F5..FF (always past U+10FFFF).
            return fail();
        }
    }
    return true;
}

void Utf8Validator::reset() {
    _pending = 0;
    _nextMin = kContinuationMin;
    _nextMax = kContinuationMax;
    _failed = false;
}

bool Utf8Validator::fail() {
    _failed = true;
    return false;
}

} // namespace switchboard::core::realtime
