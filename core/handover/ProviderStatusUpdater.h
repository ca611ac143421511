#pragma once

#include "core/common/Clock.h"
#include "core/conversation/MessageStatusAnnouncer.h"
#include "core/handover/HandoverEvents.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"

#include <switchboard/sdk/ProviderStatus.h>
#include <switchboard/sdk/StatusUpdate.h>

#include <string>

namespace switchboard::core::handover {

/// Books a provider's status callbacks on the deliveries they are about (found by the channel instance and the
/// provider's id the channel reported), forward only (sdk::movesForward), and announces each change.
class ProviderStatusUpdater {
public:
    /// Longest error code and text kept of a provider's callback.
    static constexpr std::size_t MaxErrorCodeBytes = 64;

    ProviderStatusUpdater(store::Database& database, const common::Clock& clock, HandoverEvents& events,
                          conversation::MessageStatusAnnouncer& messageStatuses);

    /// A callback of channel instance `channel`; `errorCode` and `errorText` may be empty. Thread-safe.
    sdk::StatusUpdate update(const std::string& channel, const std::string& providerId, sdk::ProviderStatus status,
                             const std::string& errorCode, const std::string& errorText);

private:
    store::Database& _database;
    const common::Clock& _clock;
    HandoverEvents& _events;
    conversation::MessageStatusAnnouncer& _messageStatuses;
    store::HandoverRepository _repository;
};

} // namespace switchboard::core::handover
