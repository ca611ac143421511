#include "core/store/DatabaseUrl.h"

#include <Poco/URI.h>

#include <stdexcept>

namespace switchboard::core::store {

namespace {

/// Quotes a libpq keyword value so that spaces, quotes and backslashes survive.
std::string libpqValue(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

DatabaseUrl DatabaseUrl::parse(const std::string& url) {
    DatabaseUrl result;
    if (url.rfind("sqlite:", 0) == 0) {
        result.dialect = Dialect::SQLite;
        result.connectorString = url.substr(7);
        if (result.connectorString.empty()) throw std::invalid_argument("sqlite URL has no file path");
        result.redacted = url;
        return result;
    }
    if (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0)
        throw std::invalid_argument("database URL must start with sqlite: or postgresql://");

    Poco::URI uri(url);
    result.dialect = Dialect::PostgreSQL;
    std::string conn = "host=" + libpqValue(uri.getHost().empty() ? "localhost" : uri.getHost());
    if (uri.getPort() != 0) conn += " port=" + std::to_string(uri.getPort());
    std::string user, password;
    const std::string& userInfo = uri.getUserInfo();
    if (auto colon = userInfo.find(':'); colon != std::string::npos) {
        Poco::URI::decode(userInfo.substr(0, colon), user);
        Poco::URI::decode(userInfo.substr(colon + 1), password);
    } else {
        Poco::URI::decode(userInfo, user);
    }
    if (!user.empty()) conn += " user=" + libpqValue(user);
    if (!password.empty()) conn += " password=" + libpqValue(password);
    std::string dbName = uri.getPath();
    if (!dbName.empty() && dbName.front() == '/') dbName.erase(0, 1);
    if (dbName.empty()) throw std::invalid_argument("postgresql URL names no database");
    conn += " dbname=" + libpqValue(dbName);
    for (const auto& [key, value] : uri.getQueryParameters()) conn += " " + key + "=" + libpqValue(value);
    result.connectorString = conn;

    Poco::URI safe(uri);
    if (!password.empty()) safe.setUserInfo(user + ":***");
    result.redacted = safe.toString();
    return result;
}

} // namespace switchboard::core::store
