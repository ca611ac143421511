#include "core/http/HttpRequest.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/String.h>

namespace switchboard::core::http {

std::optional<std::string> HttpRequest::queryParam(const std::string& name) const {
    auto found = query.find(name);
    if (found == query.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> HttpRequest::bearerToken() const {
    const std::string value = header("Authorization");
    if (value.size() <= 7 || Poco::icompare(value.substr(0, 7), "Bearer ") != 0) return std::nullopt;
    std::string token = Poco::trim(value.substr(7));
    if (token.empty()) return std::nullopt;
    return token;
}

std::optional<std::string> HttpRequest::cookie(const std::string& name) const {
    Poco::Net::NameValueCollection cookies;
    for (auto it = headers.find("Cookie"); it != headers.end() && Poco::icompare(it->first, "Cookie") == 0; ++it)
        Poco::Net::MessageHeader::splitParameters(it->second.begin(), it->second.end(), cookies);
    if (!cookies.has(name)) return std::nullopt;
    return cookies.get(name);
}

} // namespace switchboard::core::http
