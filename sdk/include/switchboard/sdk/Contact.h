#pragma once

#include <string>

namespace switchboard::sdk {

/// How to reach the visitor, as far as they told.
struct Contact {
    std::string name;
    std::string email;
    /// E.164, e.g. "+447700900123".
    std::string phone;
};

} // namespace switchboard::sdk
