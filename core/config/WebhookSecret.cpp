#include "core/config/WebhookSecret.h"

#include <switchboard/sdk/Webhook.h>

namespace switchboard::core::config {

std::optional<std::string> webhookSecretProblem(std::string_view secret) {
    // The same rule the webhook channel signs with, so that a secret the configuration accepts always works.
    try {
        sdk::WebhookSecret::parse(std::string(secret));
        return std::nullopt;
    } catch (const sdk::Error& e) {
        return std::string(e.what());
    }
}

} // namespace switchboard::core::config
