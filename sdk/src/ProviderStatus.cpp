#include "switchboard/sdk/ProviderStatus.h"

#include <array>
#include <utility>

namespace switchboard::sdk {

namespace {

constexpr std::array<std::pair<ProviderStatus, std::string_view>, 6> Names{{
    {ProviderStatus::Queued, "queued"},
    {ProviderStatus::Sent, "sent"},
    {ProviderStatus::Delivered, "delivered"},
    {ProviderStatus::Read, "read"},
    {ProviderStatus::Failed, "failed"},
    {ProviderStatus::Undelivered, "undelivered"},
}};

/// How far along the way to the reader a status is; failures are not on that way.
int progress(ProviderStatus status) {
    switch (status) {
    case ProviderStatus::Queued: return 0;
    case ProviderStatus::Sent: return 1;
    case ProviderStatus::Delivered: return 2;
    case ProviderStatus::Read: return 3;
    case ProviderStatus::Failed:
    case ProviderStatus::Undelivered: break;
    }
    return -1;
}

} // namespace

std::string_view toString(ProviderStatus status) {
    for (const auto& [value, name] : Names) {
        if (value == status) return name;
    }
    return {};
}

std::optional<ProviderStatus> parseProviderStatus(std::string_view name) {
    for (const auto& [value, known] : Names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

bool isFinal(ProviderStatus status) {
    return status == ProviderStatus::Failed || status == ProviderStatus::Undelivered;
}

bool movesForward(std::optional<ProviderStatus> current, ProviderStatus next) {
    if (!current) return true;
    if (isFinal(*current)) return false;
    // A failure ends a message the reader has not received yet; once delivered, a late failure is stale.
    if (isFinal(next)) return progress(*current) < progress(ProviderStatus::Delivered);
    return progress(next) > progress(*current);
}

} // namespace switchboard::sdk
