#include "core/plugin_wire/WireError.h"

namespace switchboard::core::plugin_wire {

namespace {

std::string describe(const std::string& message, const std::string& field) {
    return field.empty() ? message : "'" + field + "' " + message;
}

} // namespace

WireError::WireError(ErrorCode code, const std::string& message, std::string field)
    : std::runtime_error(describe(message, field)), _code(code), _message(message), _field(std::move(field)) {}

WireError WireError::inCall(std::int64_t id) const {
    WireError error(*this);
    error._callId = id;
    return error;
}

} // namespace switchboard::core::plugin_wire
