#pragma once

#include "core/http/JsonBody.h"

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <string>

namespace switchboard::core::realtime {

/// The argument a client sent with an event, read as the REST API reads a body: a wrong type is a 400
/// `invalid_field` and a missing field a 400 `missing_field`, both naming the field.
class EventArgs {
public:
    explicit EventArgs(Poco::Dynamic::Var arg);

    /// The argument as an object; an event without one, or with a bare value, reads as an empty object.
    const http::JsonBody& body() const { return _body; }
    /// A string given bare (as the widget seeds send conversation ids and statuses) or as the object's `key`.
    std::string bareOr(const std::string& key) const;
    /// A non-negative integer (a sequence number), `fallback` when absent: 400 `invalid_field` otherwise, as the
    /// REST API answers for the same query parameter.
    std::int64_t count(const std::string& key, std::int64_t fallback) const;
    /// A boolean, false when absent.
    bool flag(const std::string& key) const { return _body.optBool(key).value_or(false); }

private:
    Poco::Dynamic::Var _arg;
    http::JsonBody _body;
};

} // namespace switchboard::core::realtime
