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

bool ContactOptOuts::optedOut(const std::string& channel, const std::string& address) {
    const auto key = ContactIdentity::key(address);
    if (key.empty()) return false;
    return _database.read([&](store::Sql& sql) { return _repository.contains(sql, channel, key); });
}

std::optional<sdk::DeliveryResult> ContactOptOuts::refusal(const std::string& channel, const sdk::Delivery& delivery) {
    for (const auto* address : {&delivery.visitor.phone, &delivery.visitor.email}) {
        if (optedOut(channel, *address)) return sdk::DeliveryResult::failed("the contact opted out of " + channel);
    }
    return std::nullopt;
}

} // namespace switchboard::core::handover
