#include "core/realtime/ConnectionAdmission.h"

namespace switchboard::core::realtime {

ConnectionAdmission::ConnectionAdmission(std::size_t maxTotal, std::size_t maxPerAddress,
                                         std::function<bool(const std::string&)> exempt)
    : _maxTotal(maxTotal), _maxPerAddress(maxPerAddress), _exempt(std::move(exempt)) {}

ConnectionAdmission::Verdict ConnectionAdmission::admit(const std::string& address) {
    const bool exempt = _exempt && _exempt(address);
    std::lock_guard lock(_mutex);
    if (_total >= _maxTotal) return Verdict::TooManyInAll;
    if (!exempt) {
        auto& count = _perAddress[address];
        if (count >= _maxPerAddress) return Verdict::TooManyFromAddress;
        ++count;
    }
    ++_total;
    return Verdict::Admitted;
}

void ConnectionAdmission::release(const std::string& address) {
    std::lock_guard lock(_mutex);
    --_total;
    if (auto found = _perAddress.find(address); found != _perAddress.end() && --found->second == 0)
        _perAddress.erase(found);
}

std::size_t ConnectionAdmission::open() const {
    std::lock_guard lock(_mutex);
    return _total;
}

} // namespace switchboard::core::realtime
