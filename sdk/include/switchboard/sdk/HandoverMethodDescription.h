#pragma once

#include <string>
#include <vector>

namespace switchboard::sdk {

/// A handover method a channel can back, with what a widget's method shows and needs when its file does not say.
struct HandoverMethodDescription {
    /// The method's usual name in a widget's `handover.methods` ("whatsapp", "webhook").
    std::string name;
    /// What the visitor reads in the choice ("WhatsApp").
    std::string label;
    /// What the visitor reads once the request is accepted.
    std::string confirmation;
    /// The contact details the visitor must give first: "email", "phone" (and "name").
    std::vector<std::string> requiredFields;
};

} // namespace switchboard::sdk
