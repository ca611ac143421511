#include "core/realtime/EventArgs.h"

#include "core/common/ApiError.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

namespace switchboard::core::realtime {

namespace {

Poco::JSON::Object::Ptr objectOf(const Poco::Dynamic::Var& arg) {
    if (arg.type() == typeid(Poco::JSON::Object::Ptr)) return arg.extract<Poco::JSON::Object::Ptr>();
    return new Poco::JSON::Object;
}

} // namespace

EventArgs::EventArgs(Poco::Dynamic::Var arg) : _arg(std::move(arg)), _body(objectOf(_arg)) {}

std::string EventArgs::bareOr(const std::string& key) const {
    if (_arg.isString()) return _arg.convert<std::string>();
    return _body.requireString(key);
}

std::int64_t EventArgs::count(const std::string& key, std::int64_t fallback) const {
    const auto invalid = [&key] {
        return common::ApiError::badRequest("invalid_field", "'" + key + "' must be a non-negative integer", key);
    };
    std::optional<std::int64_t> value;
    try {
        value = _body.optInteger(key);
    } catch (const Poco::RangeException&) {
        throw invalid();
    } catch (const common::ApiError&) {
        throw invalid();
    }
    if (!value) return fallback;
    if (*value < 0) throw invalid();
    return *value;
}

} // namespace switchboard::core::realtime
