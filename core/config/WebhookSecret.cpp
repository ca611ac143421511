#include "core/config/WebhookSecret.h"

namespace switchboard::core::config {

namespace {

constexpr std::size_t minimumBytes = 16;
constexpr std::string_view standardPrefix = "whsec_";

bool isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

/// Number of bytes `text` decodes to as standard base64 (padding optional), or empty when it is not base64.
std::optional<std::size_t> base64DecodedSize(std::string_view text) {
    std::size_t padding = 0;
    while (!text.empty() && text.back() == '=' && padding < 2) {
        text.remove_suffix(1);
        ++padding;
    }
    for (char c : text) {
        if (!isBase64Char(c)) {
            return std::nullopt;
        }
    }
    const std::size_t remainder = text.size() % 4;
    if (remainder == 1 || (padding > 0 && (text.size() + padding) % 4 != 0)) {
        return std::nullopt;
    }
    return text.size() * 6 / 8;
}

} // namespace

std::optional<std::string> webhookSecretProblem(std::string_view secret) {
    if (secret.starts_with(standardPrefix)) {
        const auto bytes = base64DecodedSize(secret.substr(standardPrefix.size()));
        if (!bytes) {
            return "the part after 'whsec_' is not valid base64";
        }
        if (*bytes < minimumBytes) {
            return "the key after 'whsec_' must decode to at least 16 bytes, it has " + std::to_string(*bytes);
        }
        return std::nullopt;
    }
    if (secret.size() < minimumBytes) {
        return "must be 'whsec_<base64>' or at least 16 characters long";
    }
    return std::nullopt;
}

} // namespace switchboard::core::config
