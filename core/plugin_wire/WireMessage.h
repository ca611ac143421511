#pragma once

#include "core/plugin_wire/ErrorCode.h"
#include "core/plugin_wire/Method.h"
#include "core/plugin_wire/PeerRole.h"
#include "core/plugin_wire/Protocol.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace switchboard::core::plugin_wire {

// The five messages of the plugin protocol (README.md has the JSON of each). A message's params and result are
// kept as JSON objects here: MethodParamsCodec and MethodResultCodec read them as the method says, so that a call
// whose params are wrong can still be answered with an `error` under its id.

/// The first message each side sends, before anything else.
struct HelloMessage {
    int protocolVersion = ProtocolVersion;
    PeerRole role = PeerRole::Hub;
    /// The sender's process id.
    std::int64_t processId = 0;
    /// The plugin the host loaded (a host sends it; the hub does not).
    std::optional<std::string> pluginName;
};

/// A request that is answered by a `result` or an `error` with the same id.
struct CallMessage {
    /// 1 to MaxCallId, unique among the sender's calls that are not answered yet.
    std::int64_t id = 0;
    Method method = Method::Ping;
    /// When the caller stops waiting, on the caller's clock (milliseconds since the Unix epoch); none for a call
    /// without a time limit.
    std::optional<std::int64_t> deadlineMs;
    /// The caller's clock when it sent the call: the receiver takes `deadlineMs - nowMs` as the time it has.
    std::int64_t nowMs = 0;
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
};

/// The answer to the call with `id`.
struct ResultMessage {
    std::int64_t id = 0;
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
};

/// The call with `id` failed.
struct ErrorMessage {
    std::int64_t id = 0;
    ErrorCode code = ErrorCode::Internal;
    std::string message;
};

/// A one-way message, not answered (`log`).
struct NoticeMessage {
    Method method = Method::Log;
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
};

using WireMessage = std::variant<HelloMessage, CallMessage, ResultMessage, ErrorMessage, NoticeMessage>;

} // namespace switchboard::core::plugin_wire
