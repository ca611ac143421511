#include "core/handover/ContactOptOuts.h"

#include "core/common/ContactIdentity.h"

#include <stdexcept>

namespace switchboard::core::handover {

using common::ContactIdentity;

ContactOptOuts::ContactOptOuts(store::Database& database, const common::Clock& clock)
    : _database(database), _clock(clock) {}

void ContactOptOuts::record(const std::string& channel, const std::string& address, bool optedOut) {
    const auto key = ContactIdentity::key(address);
    if (key.empty()) throw std::invalid_argument("an opt-out needs the contact's address");
    _database.write([&](store::Sql& sql) {
        if (optedOut) {
            _repository.add(sql, channel, key, _clock.nowMs());
        } else {
            _repository.remove(sql, channel, key);
        }
    });
}

std::optional<std::string> ContactOptOuts::refusal(store::Sql& sql, const std::string& channel,
                                                   const sdk::Recipient& recipient) {
    // A delivery to the visitor's address on the channel goes there only; others reach them by phone or email.
    const bool toAddress = !recipient.address.empty();
    const auto phone = ContactIdentity::key(toAddress ? recipient.address : recipient.visitor.phone);
    const auto email = toAddress ? std::string() : ContactIdentity::key(recipient.visitor.email);
    if (phone.empty() && email.empty()) return std::nullopt;
    // One indexed look-up. Keys are never empty, so "" matches nothing.
    if (!store::ContactOptOutRepository().containsEither(sql, channel, phone, email)) return std::nullopt;
    return "the contact opted out of " + channel;
}

} // namespace switchboard::core::handover
