#pragma once

#include "core/plugin_wire/ErrorCode.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace switchboard::core::plugin_wire {

/// What is wrong with bytes or a message of the plugin protocol: the one exception its decoders throw, whatever
/// they are given. `what()` is the message with the field in front when there is one
/// ("'params.delivery.attempt' must be an integer").
class WireError : public std::runtime_error {
public:
    WireError(ErrorCode code, const std::string& message, std::string field = {});

    ErrorCode code() const { return _code; }
    /// The message alone, without the field.
    const std::string& message() const { return _message; }
    /// The path of the field at fault (`params.delivery.recipient.address`, `history[2].text`); empty when the
    /// fault is the message or the frame as a whole.
    const std::string& field() const { return _field; }
    /// The id of the call the fault is in, when it was a call whose id could be read: the receiver answers it with
    /// an `error` message instead of giving up the connection.
    std::optional<std::int64_t> callId() const { return _callId; }

    /// This error, about the call with id `id`.
    WireError inCall(std::int64_t id) const;

private:
    ErrorCode _code;
    std::string _message;
    std::string _field;
    std::optional<std::int64_t> _callId;
};

} // namespace switchboard::core::plugin_wire
