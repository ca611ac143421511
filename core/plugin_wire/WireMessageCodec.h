#pragma once

#include "core/plugin_wire/WireMessage.h"

#include <string>
#include <string_view>

namespace switchboard::core::plugin_wire {

/// A message of the plugin protocol as the JSON text of one frame, both ways.
class WireMessageCodec {
public:
    /// The message's JSON text. Throws WireError (`bad_request`) when a string in it is not UTF-8 or holds U+0000,
    /// or an id is outside 1..MaxCallId: the peer would refuse it.
    static std::string encode(const WireMessage& message);

    /// The message `json` holds. Throws WireError naming what is wrong, and nothing else, whatever the text:
    /// `bad_request` for a malformed message, `unsupported_version` for a hello of another protocol version (the
    /// message names both versions), `unknown_method` for a method name the protocol does not have or one that
    /// does not travel as that type (a `log` call, a `deliver` notice). Once a call's id is read, the error carries
    /// it (WireError::callId), so that the call can be answered.
    static WireMessage decode(std::string_view json);
};

} // namespace switchboard::core::plugin_wire
