#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchboard::core::config {

/// Why `secret` cannot sign webhooks, or empty when it can. Accepted: the Standard Webhooks form
/// `whsec_<base64>` whose key decodes to at least 16 bytes, or at least 16 characters used as they are.
/// The message never contains the secret.
std::optional<std::string> webhookSecretProblem(std::string_view secret);

} // namespace switchboard::core::config
