#include "core/http/HttpResponse.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>

#include <sstream>

namespace switchboard::core::http {

namespace {

/// RFC 9110's reason phrase for the statuses the hub sends; POCO's table spells some as RFC 2616 did.
std::string reasonPhrase(int status) {
    switch (status) {
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 422:
        return "Unprocessable Content";
    case 504:
        return "Gateway Timeout";
    default:
        return Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    }
}

template <class T>
std::string stringify(const T& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

} // namespace

void HttpResponse::json(int statusCode, const Poco::JSON::Object::Ptr& object) {
    status = statusCode;
    contentType = "application/json";
    body = stringify(object);
}

void HttpResponse::json(int statusCode, const Poco::JSON::Array::Ptr& array) {
    status = statusCode;
    contentType = "application/json";
    body = stringify(array);
}

void HttpResponse::noContent() {
    status = 204;
    contentType.clear();
    body.clear();
}

void HttpResponse::setHeader(const std::string& name, const std::string& value) {
    for (auto& [key, existing] : headers) {
        if (Poco::icompare(key, name) == 0) {
            existing = value;
            return;
        }
    }
    headers.emplace_back(name, value);
}

std::string HttpResponse::header(const std::string& name) const {
    for (const auto& [key, value] : headers)
        if (Poco::icompare(key, name) == 0) return value;
    return {};
}

std::string HttpResponse::toWire(bool keepAlive, bool headOnly) const {
    std::string wire;
    wire.reserve(256 + body.size());
    wire += "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) + "\r\n";
    for (const auto& [name, value] : headers) wire += name + ": " + value + "\r\n";
    // 1xx, 204 and 304 carry no body and no length (RFC 9110 §8.6).
    const bool bodyless = status < 200 || status == 204 || status == 304;
    if (!bodyless) {
        if (!contentType.empty()) wire += "Content-Type: " + contentType + "\r\n";
        wire += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    if (!keepAlive) wire += "Connection: close\r\n";
    wire += "\r\n";
    if (!bodyless && !headOnly) wire += body;
    return wire;
}

} // namespace switchboard::core::http
