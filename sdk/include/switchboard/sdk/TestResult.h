#pragma once

#include "switchboard/sdk/Settings.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::sdk {

/// What became of "Test" on a handover method's settings: a harmless message sent the way deliveries go.
struct TestResult {
    enum class Outcome {
        /// The destination accepted the test.
        Passed,
        /// The destination refused it, or did not answer; `detail` says which.
        Failed,
        /// The settings cannot be used at all; `settingErrors` names each key.
        InvalidSettings,
        /// The channel offers no test.
        NotSupported,
    };

    Outcome outcome = Outcome::NotSupported;
    /// For the operator, never a secret or a full URL.
    std::string detail;
    SettingErrors settingErrors;
    std::optional<int> statusCode;
    std::optional<std::int64_t> latencyMs;
    /// The start of the destination's answer.
    std::string responseExcerpt;
    /// The id the test was sent with, for the receiver's logs (a webhook's `webhook-id`).
    std::string reference;
};

} // namespace switchboard::sdk
