#pragma once

#include "switchboard/sdk/Contact.h"

#include <string>
#include <vector>

namespace switchboard::sdk {

/// Whom a delivery is for.
struct Recipient {
    /// The conversation's visitor, as far as they told: the one to reach for every kind but `agent_alert`, and who
    /// the conversation is with for that one.
    Contact visitor;
    /// The agents to alert (email addresses), for `agent_alert`; empty otherwise.
    std::vector<std::string> agentAddresses;
};

} // namespace switchboard::sdk
