#include "core/common/Digest.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace switchboard::core::common {

namespace {

constexpr std::string_view kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// OpenSSL treats a null key or input pointer as "none given" rather than "empty", so empty views must still
// point somewhere.
const unsigned char* bytesOf(std::string_view view) {
    static constexpr unsigned char kEmpty = 0;
    return view.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(view.data());
}

[[noreturn]] void throwOpenSslError(const char* what) {
    std::array<char, 256> reason{};
    ERR_error_string_n(ERR_get_error(), reason.data(), reason.size());
    throw std::runtime_error(std::string(what) + ": " + reason.data());
}

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

} // namespace

std::string Digest::sha256Hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int length = 0;
    if (EVP_Digest(bytesOf(data), data.size(), md.data(), &length, EVP_sha256(), nullptr) != 1) {
        throwOpenSslError("SHA-256 failed");
    }
    return hex(std::string_view(reinterpret_cast<const char*>(md.data()), length));
}

std::string Digest::hmacSha256(std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    std::size_t length = 0;
    if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, bytesOf(key), key.size(), bytesOf(data), data.size(),
                  mac.data(), mac.size(), &length) == nullptr) {
        throwOpenSslError("HMAC-SHA256 failed");
    }
    return std::string(reinterpret_cast<const char*>(mac.data()), length);
}

std::string Digest::hex(std::string_view bytes) {
    static constexpr std::string_view kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        out.push_back(kDigits[byte >> 4]);
        out.push_back(kDigits[byte & 0x0f]);
    }
    return out;
}

std::string Digest::base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                                    static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                                    static_cast<unsigned char>(bytes[i + 2]);
        out.push_back(kBase64Alphabet[group >> 18 & 0x3f]);
        out.push_back(kBase64Alphabet[group >> 12 & 0x3f]);
        out.push_back(kBase64Alphabet[group >> 6 & 0x3f]);
        out.push_back(kBase64Alphabet[group & 0x3f]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out.push_back(kBase64Alphabet[group >> 18 & 0x3f]);
        out.push_back(kBase64Alphabet[group >> 12 & 0x3f]);
        out.push_back(rest == 2 ? kBase64Alphabet[group >> 6 & 0x3f] : '=');
        out.push_back('=');
    }
    return out;
}

std::optional<std::string> Digest::base64Decode(std::string_view text) {
    std::size_t padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
    if (padding > 0 && text.size() % 4 != 0) return std::nullopt;
    const std::string_view body = text.substr(0, text.size() - padding);
    if (body.size() % 4 == 1) return std::nullopt;

    std::string out;
    out.reserve(body.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : body) {
        const int value = base64Value(c);
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6 | static_cast<std::uint32_t>(value)) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>(buffer >> bits & 0xff));
        }
    }
    if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

bool Digest::constantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(bytesOf(a), bytesOf(b), a.size()) == 0;
}

} // namespace switchboard::core::common
