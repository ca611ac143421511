#include "Base64.h"

#include <openssl/evp.h>

namespace switchboard::sdk {

namespace {

bool isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

std::size_t paddingOf(std::string_view text) {
    if (text.ends_with("==")) return 2;
    if (text.ends_with('=')) return 1;
    return 0;
}

} // namespace

std::string Base64::encode(std::string_view bytes) {
    // The extra byte is the terminating NUL that EVP_EncodeBlock writes.
    std::string buffer(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(buffer.data()),
                                        reinterpret_cast<const unsigned char*>(bytes.data()),
                                        static_cast<int>(bytes.size()));
    buffer.resize(static_cast<std::size_t>(written));
    return buffer;
}

std::optional<std::string> Base64::decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    const std::size_t padding = paddingOf(text);
    for (std::size_t i = 0; i < text.size() - padding; ++i) {
        if (!isAlphabet(text[i])) return std::nullopt;
    }
    if (text.empty()) return std::string();

    std::string bytes(3 * text.size() / 4, '\0');
    const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                        reinterpret_cast<const unsigned char*>(text.data()),
                                        static_cast<int>(text.size()));
    if (decoded < 0) return std::nullopt;
    // EVP_DecodeBlock counts the zero bytes the padding stands for.
    bytes.resize(static_cast<std::size_t>(decoded) - padding);
    return bytes;
}

} // namespace switchboard::sdk
