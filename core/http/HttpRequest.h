#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <optional>
#include <string>

namespace switchboard::core::http {

/// A request as the routes see it: already read, size-checked and decoded, independent of the server class.
struct HttpRequest {
    std::string method;
    std::string path;
    /// The request target as received: the path with its query string, still encoded.
    std::string target;
    std::map<std::string, std::string> query;
    Poco::Net::NameValueCollection headers; // case-insensitive names
    std::string body;
    /// The client's address (the peer, or X-Forwarded-For when the peer is a trusted proxy).
    std::string clientIp;
    /// Values of `{name}` segments of the matched route.
    std::map<std::string, std::string> pathParams;

    std::string header(const std::string& name) const { return headers.get(name, ""); }
    std::optional<std::string> queryParam(const std::string& name) const;
    const std::string& pathParam(const std::string& name) const { return pathParams.at(name); }
    /// The token of an `Authorization: Bearer <token>` header.
    std::optional<std::string> bearerToken() const;
    std::optional<std::string> cookie(const std::string& name) const;
};

} // namespace switchboard::core::http
