#include "core/common/JsonNulCheck.h"

#include "core/common/ApiError.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace switchboard::core::common {

namespace {

bool holdsNul(const std::string& text) { return text.find('\0') != std::string::npos; }

std::string member(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

/// The path of the first string at or below `value` that holds U+0000.
std::optional<std::string> firstNul(const Poco::Dynamic::Var& value, const std::string& path) {
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto& object = value.extract<Poco::JSON::Object::Ptr>();
        if (!object) return std::nullopt;
        for (const auto& [key, item] : *object) {
            if (auto found = firstNul(item, member(path, key))) return found;
        }
    } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto& array = value.extract<Poco::JSON::Array::Ptr>();
        if (!array) return std::nullopt;
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (auto found = firstNul(array->get(i), path + "[" + std::to_string(i) + "]")) return found;
        }
    } else if (value.isString() && holdsNul(value.extract<std::string>())) {
        return path;
    }
    return std::nullopt;
}

} // namespace

void JsonNulCheck::refuse(const Poco::Dynamic::Var& value) {
    const auto field = firstNul(value, "");
    if (!field) return;
    if (field->empty()) throw ApiError::invalid("validation_failed", "text must not contain U+0000");
    throw ApiError::invalid("validation_failed", "'" + *field + "' must not contain U+0000", *field);
}

} // namespace switchboard::core::common
