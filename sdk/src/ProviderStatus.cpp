#include "switchboard/sdk/ProviderStatus.h"

#include "EnumNames.h"

namespace switchboard::sdk {

namespace {

constexpr EnumNames<ProviderStatus, 6> Names{{{
    {ProviderStatus::Queued, "queued"},
    {ProviderStatus::Sent, "sent"},
    {ProviderStatus::Delivered, "delivered"},
    {ProviderStatus::Read, "read"},
    {ProviderStatus::Failed, "failed"},
    {ProviderStatus::Undelivered, "undelivered"},
}}};

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

std::string_view toString(ProviderStatus status) { return Names.nameOf(status); }

std::optional<ProviderStatus> parseProviderStatus(std::string_view name) { return Names.valueOf(name); }

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
