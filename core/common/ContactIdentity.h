#pragma once

#include <string>
#include <string_view>

namespace switchboard::core::common {

/// A contact's address as channels name it (`whatsapp:+447700900123`, `sms:+447700900123`, `Ada@Example.com`), in
/// the one form the hub compares and stores it in: trimmed, any leading `scheme:` (letters only) taken off, ASCII
/// lower case. So `whatsapp:+447700900123` matches a visitor's phone `+447700900123`, and `mailto:ada@example.com`
/// their email.
class ContactIdentity {
public:
    static std::string key(std::string_view address);
};

} // namespace switchboard::core::common
