#pragma once

#include "core/common/EnumNames.h"
#include "core/plugin_wire/WireError.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace switchboard::core::plugin_wire {

/// Reads the fields of one JSON object of a message, strictly: every field has one type, `null` is no value, an
/// absent field is refused unless it is read as optional, and `finish` refuses a field nothing read. Every
/// refusal is a WireError (`bad_request`) naming the field's path from the message (`params.delivery.attempt`,
/// `params.delivery.history[2].text`).
class ObjectReader {
public:
    /// `path` names the object itself ("params", "params.delivery").
    ObjectReader(Poco::JSON::Object::Ptr object, std::string path);

    /// The object itself.
    const Poco::JSON::Object::Ptr& json() const { return _object; }
    const std::string& path() const { return _path; }
    /// The path of the field `key` of this object.
    std::string pathOf(const std::string& key) const;

    std::string string(const std::string& key);
    std::optional<std::string> optionalString(const std::string& key);
    std::int64_t integer(const std::string& key);
    std::optional<std::int64_t> optionalInteger(const std::string& key);
    /// An integer that fits in an `int`.
    int int32(const std::string& key);
    std::optional<int> optionalInt32(const std::string& key);
    bool boolean(const std::string& key);
    ObjectReader object(const std::string& key);
    /// An array of objects.
    std::vector<ObjectReader> objects(const std::string& key);
    std::vector<std::string> strings(const std::string& key);
    /// An object whose values are all strings.
    std::map<std::string, std::string> stringMap(const std::string& key);

    /// A string that one of the names of `names` names.
    template <typename Enum, std::size_t Count>
    Enum named(const std::string& key, const common::EnumNames<Enum, Count>& names) {
        const auto text = string(key);
        if (const auto value = names.parse(text)) return *value;
        throw WireError(ErrorCode::BadRequest, "must be " + names.list(), pathOf(key));
    }

    /// A string that `parse` (an SDK enum's name function) knows; `what` follows "must be a " in the refusal.
    template <typename Parse>
    auto parsed(const std::string& key, Parse parse, const std::string& what) {
        const auto text = string(key);
        if (const auto value = parse(text)) return *value;
        throw WireError(ErrorCode::BadRequest, "must be a " + what, pathOf(key));
    }

    /// Throws for the first field (in key order) that no getter asked for.
    void finish() const;

private:
    /// The field's value; throws when it is absent or null.
    Poco::Dynamic::Var required(const std::string& key);
    /// The field's value, or nullopt when it is absent; throws when it is null.
    std::optional<Poco::Dynamic::Var> present(const std::string& key);
    WireError wrongType(const std::string& key, const std::string& expected) const;
    std::int64_t asInteger(const Poco::Dynamic::Var& value, const std::string& key) const;
    int asInt32(std::int64_t value, const std::string& key) const;

    Poco::JSON::Object::Ptr _object;
    std::string _path;
    std::set<std::string> _read;
};

} // namespace switchboard::core::plugin_wire
