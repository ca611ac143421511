#include "switchboard/sdk/ContactAddress.h"

#include <algorithm>
#include <cstddef>

namespace switchboard::sdk {

namespace {

constexpr std::size_t MaxEmailLength = 254;
constexpr std::size_t MaxLocalPartLength = 64;
constexpr std::size_t MaxDomainLabelLength = 63;

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool isAtext(char c) {
    static constexpr std::string_view Specials = "!#$%&'*+/=?^_`{|}~-";
    return isAsciiLetter(c) || isAsciiDigit(c) || Specials.find(c) != std::string_view::npos;
}

bool isValidLocalPart(std::string_view local) {
    if (local.empty() || local.size() > MaxLocalPartLength) return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
    return std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || isAtext(c); });
}

bool isValidDomainLabel(std::string_view label) {
    if (label.empty() || label.size() > MaxDomainLabelLength) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    return std::all_of(label.begin(), label.end(),
                       [](char c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == '-'; });
}

bool isValidDomain(std::string_view domain) {
    const std::size_t lastDot = domain.rfind('.');
    if (lastDot == std::string_view::npos) return false;
    const std::string_view tld = domain.substr(lastDot + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), isAsciiLetter)) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = domain.find('.', start);
        if (!isValidDomainLabel(domain.substr(start, dot - start))) return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

} // namespace

bool isValidEmail(std::string_view email) {
    if (email.size() > MaxEmailLength) return false;
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
    return isValidLocalPart(email.substr(0, at)) && isValidDomain(email.substr(at + 1));
}

bool isValidE164(std::string_view phone) {
    if (phone.size() < 9 || phone.size() > 16 || phone.front() != '+') return false;
    const std::string_view digits = phone.substr(1);
    return digits.front() != '0' && std::all_of(digits.begin(), digits.end(), isAsciiDigit);
}

} // namespace switchboard::sdk
