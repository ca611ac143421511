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

std::vector<std::optional<std::string>> ContactOptOuts::refusals(store::Sql& sql,
                                                                 const std::vector<Addressee>& addressees) {
    // The keys each delivery is checked by. A delivery to the visitor's address on the channel goes there only;
    // others reach them by phone or email.
    std::vector<std::vector<std::string>> keys;
    keys.reserve(addressees.size());
    std::vector<std::string> channels;
    std::vector<std::string> addresses;
    for (const auto& [channel, recipient] : addressees) {
        const bool toAddress = !recipient.address.empty();
        auto& own = keys.emplace_back();
        for (const auto& address : {toAddress ? recipient.address : recipient.visitor.phone,
                                    toAddress ? std::string() : recipient.visitor.email}) {
            if (auto key = ContactIdentity::key(address); !key.empty()) own.push_back(std::move(key));
        }
        if (own.empty()) continue;
        channels.push_back(channel);
        addresses.insert(addresses.end(), own.begin(), own.end());
    }
    const auto optedOut = store::ContactOptOutRepository().optedOut(sql, channels, addresses);
    std::vector<std::optional<std::string>> refusals(addressees.size());
    for (std::size_t i = 0; i < addressees.size(); ++i) {
        const auto& channel = addressees[i].channel;
        for (const auto& key : keys[i]) {
            if (optedOut.contains({channel, key})) refusals[i] = "the contact opted out of " + channel;
        }
    }
    return refusals;
}

} // namespace switchboard::core::handover
