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
    /// Where this channel reaches the visitor, for the kinds that go to them (`agent_message`, `visitor_notice`,
    /// `transcript`): the `address` of their latest inbound message through this channel instance
    /// (`whatsapp:+447700900123`), else their email address or phone number as the channel's `visitorReach` says.
    /// Empty for other kinds.
    std::string address;
    /// The agents to alert (email addresses), for `agent_alert`; empty otherwise.
    std::vector<std::string> agentAddresses;
};

} // namespace switchboard::sdk
