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

std::optional<sdk::DeliveryResult> ContactOptOuts::refusal(const std::string& channel, const sdk::Delivery& delivery) {
    const auto phone = ContactIdentity::key(delivery.recipient.visitor.phone);
    const auto email = ContactIdentity::key(delivery.recipient.visitor.email);
    if (phone.empty() && email.empty()) return std::nullopt;
    // On the outbox's path: one indexed look-up per delivery. Keys are never empty, so "" matches nothing.
    const bool optedOut = _database.read(
        [&](store::Sql& sql) { return _repository.containsEither(sql, channel, phone, email); });
    if (!optedOut) return std::nullopt;
    return sdk::DeliveryResult::failed("the contact opted out of " + channel);
}

} // namespace switchboard::core::handover
