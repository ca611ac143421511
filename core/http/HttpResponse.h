#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <utility>
#include <vector>

namespace switchboard::core::http {

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    void json(int statusCode, const Poco::JSON::Object::Ptr& object);
    void json(int statusCode, const Poco::JSON::Array::Ptr& array);
    void noContent();
    void setHeader(const std::string& name, const std::string& value);
    /// The value of a header set so far, or empty.
    std::string header(const std::string& name) const;
    /// The answer as it goes on the wire: status line with the status's reason phrase, the headers, Content-Type
    /// and Content-Length, `Connection: close` unless `keepAlive`, and the body unless `headOnly` (an answer to
    /// HEAD, which says how long the body of GET would be).
    std::string toWire(bool keepAlive, bool headOnly) const;
};

} // namespace switchboard::core::http
