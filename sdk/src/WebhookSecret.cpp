#include "switchboard/sdk/Webhook.h"

#include "Base64.h"

namespace switchboard::sdk {

namespace {

constexpr std::string_view StandardPrefix = "whsec_";

} // namespace

// The messages below describe what is wrong without quoting any part of the secret.
WebhookSecret WebhookSecret::parse(const std::string& text) {
    if (!text.starts_with(StandardPrefix)) {
        if (text.size() < MinKeyBytes) {
            throw Error("the webhook secret is too short: it needs at least " + std::to_string(MinKeyBytes) +
                        " characters, or \"whsec_\" followed by base64");
        }
        return WebhookSecret(text);
    }
    auto key = Base64::decode(std::string_view(text).substr(StandardPrefix.size()));
    if (!key) throw Error("the webhook secret is malformed: what follows \"whsec_\" is not valid base64");
    if (key->size() < MinKeyBytes) {
        throw Error("the webhook secret is too short: its key needs at least " + std::to_string(MinKeyBytes) +
                    " bytes");
    }
    return WebhookSecret(std::move(*key));
}

} // namespace switchboard::sdk
