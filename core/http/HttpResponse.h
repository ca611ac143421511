#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerResponse.h>

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
    /// Sends status, headers and body through POCO's server response.
    void writeTo(Poco::Net::HTTPServerResponse& out) const;
};

} // namespace switchboard::core::http
