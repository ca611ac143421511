#pragma once

#include "core/http/HttpRequest.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::http {

/// A request body that must be a JSON object, with typed field access. A wrong type is a 400
/// `invalid_field` naming the field; a missing required field is a 400 `missing_field`.
class JsonBody {
public:
    /// The request's body: throws 415 `unsupported_media_type` unless its `Content-Type` is `application/json`
    /// (parameters such as charset aside); a request with neither a body nor a Content-Type reads as `{}`. So no
    /// HTML form, whose types are text/plain and form encodings, can reach a JSON endpoint.
    static JsonBody read(const HttpRequest& request);
    /// Throws 400 `invalid_json` unless `text` is a JSON object, and 422 `validation_failed` naming the field when
    /// any text in it holds U+0000 (JsonNulCheck). An empty body is an empty object.
    static JsonBody parse(const std::string& text);
    explicit JsonBody(Poco::JSON::Object::Ptr object) : _object(std::move(object)) {}

    /// Present with a non-null value.
    bool has(const std::string& key) const;
    /// Present at all, even as null.
    bool contains(const std::string& key) const { return _object->has(key); }
    std::string requireString(const std::string& key) const;
    /// Throws 422 `validation_failed` unless at least one of `keys` is present (even as null): an update body
    /// that would change nothing.
    void requireAnyOf(std::initializer_list<std::string> keys) const;
    /// nullopt when absent or null.
    std::optional<std::string> optString(const std::string& key) const;
    std::optional<std::int64_t> optInteger(const std::string& key) const;
    std::optional<bool> optBool(const std::string& key) const;
    std::optional<std::vector<std::string>> optStringArray(const std::string& key) const;
    /// A nested object whose values are all strings (custom fields); nullopt when absent or null.
    std::optional<std::vector<std::pair<std::string, std::string>>> optStringMap(const std::string& key) const;
    /// The raw value, for fields whose validation is domain-specific (e.g. a rating that may be 2.5).
    Poco::Dynamic::Var raw(const std::string& key) const;
    /// The whole object, for bodies whose structure a domain class checks (a widget's handover block).
    const Poco::JSON::Object::Ptr& object() const { return _object; }

private:
    Poco::JSON::Object::Ptr _object;
};

} // namespace switchboard::core::http
