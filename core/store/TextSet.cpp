#include "core/store/TextSet.h"

#include <Poco/JSON/Array.h>

#include <sstream>

namespace switchboard::core::store {

const std::string& TextSet::values(Dialect dialect) {
    static const std::string sqlite = "(SELECT value FROM json_each(?))";
    static const std::string postgres = "(SELECT json_array_elements_text(CAST(? AS json)) AS value)";
    return dialect == Dialect::PostgreSQL ? postgres : sqlite;
}

std::string TextSet::bind(const std::vector<std::string>& texts) {
    Poco::JSON::Array array;
    for (const auto& text : texts) array.add(text);
    std::ostringstream out;
    array.stringify(out);
    return out.str();
}

} // namespace switchboard::core::store
