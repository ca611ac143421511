#include "switchboard/sdk/Webhook.h"

#include "Base64.h"
#include "HmacSha256.h"

#include <openssl/crypto.h>

#include <charconv>
#include <string_view>

namespace switchboard::sdk {

namespace {

constexpr std::string_view V1Prefix = "v1,";

std::string lowercaseHex(std::string_view bytes) {
    static constexpr char Digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * bytes.size());
    for (const unsigned char byte : bytes) {
        hex += Digits[byte >> 4];
        hex += Digits[byte & 0x0f];
    }
    return hex;
}

std::string v1Mac(const WebhookSecret& secret, const std::string& id, std::string_view timestamp,
                  const std::string& body) {
    std::string signedContent;
    signedContent.reserve(id.size() + timestamp.size() + body.size() + 2);
    signedContent.append(id).append(".").append(timestamp).append(".").append(body);
    return Base64::encode(HmacSha256::digest(secret.key(), signedContent));
}

std::optional<std::int64_t> parseSeconds(const std::string& text) {
    std::int64_t seconds = 0;
    const char* end = text.data() + text.size();
    const auto [last, error] = std::from_chars(text.data(), end, seconds);
    if (text.empty() || text.front() == '-' || error != std::errc() || last != end) return std::nullopt;
    return seconds;
}

bool sameText(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

Headers WebhookSignature::headers(const WebhookSecret& secret, const std::string& id, std::int64_t timestampS,
                                  const std::string& body) {
    return {
        {"webhook-id", id},
        {"webhook-timestamp", std::to_string(timestampS)},
        {"webhook-signature", v1(secret, id, timestampS, body)},
        {"X-Switchboard-Signature", "sha256=" + lowercaseHex(HmacSha256::digest(secret.key(), body))},
    };
}

std::string WebhookSignature::v1(const WebhookSecret& secret, const std::string& id, std::int64_t timestampS,
                                 const std::string& body) {
    return std::string(V1Prefix) + v1Mac(secret, id, std::to_string(timestampS), body);
}

bool WebhookSignature::verify(const WebhookSecret& secret, const std::string& id, const std::string& timestampHeader,
                              const std::string& signatureHeader, const std::string& body, std::int64_t nowS,
                              std::int64_t toleranceS) {
    const auto timestampS = parseSeconds(timestampHeader);
    if (!timestampS || *timestampS < nowS - toleranceS || *timestampS > nowS + toleranceS) return false;

    const std::string expected = v1Mac(secret, id, timestampHeader, body);
    std::string_view rest = signatureHeader;
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        const std::string_view candidate = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        if (candidate.starts_with(V1Prefix) && sameText(candidate.substr(V1Prefix.size()), expected)) return true;
    }
    return false;
}

} // namespace switchboard::sdk
