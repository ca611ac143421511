#pragma once

#include "core/common/Clock.h"
#include "core/store/ContactOptOutRepository.h"
#include "core/store/Database.h"

#include <switchboard/sdk/Recipient.h>

#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// Contacts who opted out of a channel instance (`HostServices::optOut`), and the refusal of deliveries to them:
/// a delivery of that instance to an opted-out visitor phone or email fails for good without calling the channel.
/// Addresses compare by their ContactIdentity key, so `whatsapp:+447700900123` opts out the phone `+447700900123`.
class ContactOptOuts {
public:
    ContactOptOuts(store::Database& database, const common::Clock& clock);

    /// The contact at `address` opted out of `channel` (`optedOut`) or back in. Thread-safe.
    void record(const std::string& channel, const std::string& address, bool optedOut);

    /// A delivery to check: of channel instance `channel`, to `recipient`.
    struct Addressee {
        const std::string& channel;
        const sdk::Recipient& recipient;
    };

    /// Why each delivery of `addressees` may not go (the contact opted out of its channel), or nothing where it may:
    /// by the recipient's `address` when the delivery goes there (an agent's message), else by the visitor's phone
    /// and email. One look-up for them all, in the caller's transaction: the outbox asks it with the rest of what a
    /// claimed batch of deliveries carries.
    static std::vector<std::optional<std::string>> refusals(store::Sql& sql, const std::vector<Addressee>& addressees);

private:
    store::Database& _database;
    const common::Clock& _clock;
    store::ContactOptOutRepository _repository;
};

} // namespace switchboard::core::handover
