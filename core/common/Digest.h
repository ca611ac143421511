#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchboard::core::common {

/// Hashes, MACs and the byte encodings that go with them (OpenSSL underneath).
class Digest {
public:
    Digest() = delete;

    /// Lowercase hex of the SHA-256 of `data`.
    static std::string sha256Hex(std::string_view data);

    /// HMAC-SHA256 of `data` under `key`, as 32 raw bytes.
    static std::string hmacSha256(std::string_view key, std::string_view data);

    /// Lowercase hex of arbitrary bytes.
    static std::string hex(std::string_view bytes);

    /// Standard base64 (RFC 4648 §4) with `=` padding.
    static std::string base64(std::string_view bytes);

    /// Decodes standard base64; padding may be present or left out. Returns nullopt on any character outside
    /// the alphabet (whitespace included), misplaced padding, an impossible length, or non-zero unused bits,
    /// so that every byte string has exactly one accepted encoding.
    static std::optional<std::string> base64Decode(std::string_view text);

    /// Compares in time that depends only on the length; for tokens, MACs and signatures.
    static bool constantTimeEquals(std::string_view a, std::string_view b);
};

} // namespace switchboard::core::common
