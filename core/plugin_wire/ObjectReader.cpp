#include "core/plugin_wire/ObjectReader.h"

#include <Poco/JSON/Array.h>

#include <limits>

namespace switchboard::core::plugin_wire {

namespace {

bool isString(const Poco::Dynamic::Var& value) { return value.type() == typeid(std::string); }

bool isObject(const Poco::Dynamic::Var& value) { return value.type() == typeid(Poco::JSON::Object::Ptr); }

/// Poco's parser gives integers as Int64 (UInt64 only above 2^63 - 1, which JsonTextCheck refuses first); a
/// boolean also says isInteger, so the type is asked for by name.
bool isInteger(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::Int64) || value.type() == typeid(Poco::UInt64) || value.type() == typeid(int) ||
           value.type() == typeid(unsigned);
}

} // namespace

ObjectReader::ObjectReader(Poco::JSON::Object::Ptr object, std::string path)
    : _object(std::move(object)), _path(std::move(path)) {}

std::string ObjectReader::pathOf(const std::string& key) const { return _path.empty() ? key : _path + "." + key; }

std::optional<Poco::Dynamic::Var> ObjectReader::present(const std::string& key) {
    _read.insert(key);
    if (!_object->has(key)) return std::nullopt;
    auto value = _object->get(key);
    if (value.isEmpty())
        throw WireError(ErrorCode::BadRequest, "must not be null (leave an absent value out)", pathOf(key));
    return value;
}

Poco::Dynamic::Var ObjectReader::required(const std::string& key) {
    auto value = present(key);
    if (!value) throw WireError(ErrorCode::BadRequest, "is required", pathOf(key));
    return *value;
}

WireError ObjectReader::wrongType(const std::string& key, const std::string& expected) const {
    return WireError(ErrorCode::BadRequest, "must be " + expected, pathOf(key));
}

std::int64_t ObjectReader::asInteger(const Poco::Dynamic::Var& value, const std::string& key) const {
    if (!isInteger(value) || value.type() == typeid(Poco::UInt64)) throw wrongType(key, "an integer of 64 bits");
    return value.convert<std::int64_t>();
}

int ObjectReader::asInt32(std::int64_t value, const std::string& key) const {
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        throw wrongType(key, "an integer of 32 bits");
    return static_cast<int>(value);
}

std::string ObjectReader::string(const std::string& key) {
    const auto value = required(key);
    if (!isString(value)) throw wrongType(key, "a string");
    return value.extract<std::string>();
}

std::optional<std::string> ObjectReader::optionalString(const std::string& key) {
    const auto value = present(key);
    if (!value) return std::nullopt;
    if (!isString(*value)) throw wrongType(key, "a string");
    return value->extract<std::string>();
}

std::int64_t ObjectReader::integer(const std::string& key) { return asInteger(required(key), key); }

std::optional<std::int64_t> ObjectReader::optionalInteger(const std::string& key) {
    const auto value = present(key);
    if (!value) return std::nullopt;
    return asInteger(*value, key);
}

int ObjectReader::int32(const std::string& key) { return asInt32(integer(key), key); }

std::optional<int> ObjectReader::optionalInt32(const std::string& key) {
    const auto value = optionalInteger(key);
    if (!value) return std::nullopt;
    return asInt32(*value, key);
}

bool ObjectReader::boolean(const std::string& key) {
    const auto value = required(key);
    if (value.type() != typeid(bool)) throw wrongType(key, "true or false");
    return value.extract<bool>();
}

ObjectReader ObjectReader::object(const std::string& key) {
    const auto value = required(key);
    if (!isObject(value)) throw wrongType(key, "an object");
    return ObjectReader(value.extract<Poco::JSON::Object::Ptr>(), pathOf(key));
}

std::vector<ObjectReader> ObjectReader::objects(const std::string& key) {
    const auto value = required(key);
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) throw wrongType(key, "an array of objects");
    const auto& array = value.extract<Poco::JSON::Array::Ptr>();
    std::vector<ObjectReader> items;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->get(i);
        const auto itemPath = pathOf(key) + "[" + std::to_string(i) + "]";
        if (!isObject(item)) throw WireError(ErrorCode::BadRequest, "must be an object", itemPath);
        items.emplace_back(item.extract<Poco::JSON::Object::Ptr>(), itemPath);
    }
    return items;
}

std::vector<std::string> ObjectReader::strings(const std::string& key) {
    const auto value = required(key);
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) throw wrongType(key, "an array of strings");
    const auto& array = value.extract<Poco::JSON::Array::Ptr>();
    std::vector<std::string> items;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->get(i);
        if (!isString(item))
            throw WireError(ErrorCode::BadRequest, "must be a string", pathOf(key) + "[" + std::to_string(i) + "]");
        items.push_back(item.extract<std::string>());
    }
    return items;
}

std::map<std::string, std::string> ObjectReader::stringMap(const std::string& key) {
    auto reader = object(key);
    std::map<std::string, std::string> items;
    for (const auto& [name, value] : *reader._object) {
        if (!isString(value)) throw WireError(ErrorCode::BadRequest, "must be a string", reader.pathOf(name));
        items.emplace(name, value.extract<std::string>());
    }
    return items;
}

void ObjectReader::finish() const {
    for (const auto& [name, value] : *_object) {
        if (!_read.contains(name))
            throw WireError(ErrorCode::BadRequest, "is not a field of this object", pathOf(name));
    }
}

} // namespace switchboard::core::plugin_wire
