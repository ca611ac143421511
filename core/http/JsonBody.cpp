#include "core/http/JsonBody.h"

#include "core/common/ApiError.h"
#include "core/common/JsonNulCheck.h"
#include "core/common/OversizedIntegers.h"
#include "core/common/Validation.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

namespace switchboard::core::http {

using common::ApiError;

namespace {

ApiError wrongType(const std::string& key, const std::string& expected) {
    return ApiError::badRequest("invalid_field", "'" + key + "' must be " + expected, key);
}

bool isNull(const Poco::Dynamic::Var& value) { return value.isEmpty(); }

bool isJson(const std::string& contentType) {
    const auto mediaType = Poco::trim(contentType.substr(0, contentType.find(';')));
    return Poco::icompare(mediaType, "application/json") == 0;
}

} // namespace

JsonBody JsonBody::read(const HttpRequest& request) {
    const bool typed = request.headers.has("Content-Type");
    if ((typed || !request.body.empty()) && !isJson(request.header("Content-Type")))
        throw ApiError(415, "unsupported_media_type",
                       "the request body must be sent as Content-Type: application/json");
    return parse(request.body);
}

JsonBody JsonBody::parse(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return JsonBody(new Poco::JSON::Object);
    // Checked first: Poco's parser reads a 0xFF byte as the end of its input and ignores what follows.
    if (!common::isValidUtf8(text)) throw ApiError::badRequest("invalid_json", "the request body is not valid UTF-8");
    Poco::Dynamic::Var value;
    try {
        Poco::JSON::Parser parser;
        value = parser.parse(common::OversizedIntegers::widen(text));
    } catch (const Poco::Exception&) {
        throw ApiError::badRequest("invalid_json", "the request body is not valid JSON");
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw ApiError::badRequest("invalid_json", "the request body must be a JSON object");
    common::JsonNulCheck::refuse(value);
    return JsonBody(value.extract<Poco::JSON::Object::Ptr>());
}

bool JsonBody::has(const std::string& key) const { return _object->has(key) && !isNull(_object->get(key)); }

std::string JsonBody::requireString(const std::string& key) const {
    auto value = optString(key);
    if (!value) throw ApiError::badRequest("missing_field", "'" + key + "' is required", key);
    return *value;
}

void JsonBody::requireAnyOf(std::initializer_list<std::string> keys) const {
    std::string names;
    for (const auto& key : keys) {
        if (_object->has(key)) return;
        names += (names.empty() ? "" : ", ") + key;
    }
    throw ApiError::invalid("validation_failed", "give at least one of: " + names);
}

std::optional<std::string> JsonBody::optString(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    const auto value = _object->get(key);
    if (!value.isString()) throw wrongType(key, "a string");
    return value.extract<std::string>();
}

std::optional<std::int64_t> JsonBody::optInteger(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    const auto value = _object->get(key);
    // Poco's Var counts a boolean among the integers.
    if (!value.isInteger() || value.isBoolean()) throw wrongType(key, "an integer");
    try {
        return value.convert<std::int64_t>();
    } catch (const Poco::RangeException&) { // read as unsigned, above 2^63 - 1
        throw wrongType(key, "an integer of at most 9223372036854775807");
    }
}

std::optional<bool> JsonBody::optBool(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    const auto value = _object->get(key);
    if (!value.isBoolean()) throw wrongType(key, "true or false");
    return value.extract<bool>();
}

std::optional<std::vector<std::string>> JsonBody::optStringArray(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    auto array = _object->getArray(key);
    if (!array) throw wrongType(key, "an array of strings");
    std::vector<std::string> result;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->get(i);
        if (!item.isString()) throw wrongType(key, "an array of strings");
        result.push_back(item.extract<std::string>());
    }
    return result;
}

std::optional<std::vector<std::pair<std::string, std::string>>> JsonBody::optStringMap(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    auto object = _object->getObject(key);
    if (!object) throw wrongType(key, "an object of strings");
    std::vector<std::pair<std::string, std::string>> result;
    for (const auto& [name, value] : *object) {
        if (isNull(value)) continue;
        if (!value.isString()) throw wrongType(key + "." + name, "a string");
        result.emplace_back(name, value.extract<std::string>());
    }
    return result;
}

Poco::Dynamic::Var JsonBody::raw(const std::string& key) const {
    return _object->has(key) ? _object->get(key) : Poco::Dynamic::Var();
}

} // namespace switchboard::core::http
