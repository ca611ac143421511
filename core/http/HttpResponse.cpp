#include "core/http/HttpResponse.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <sstream>

namespace switchboard::core::http {

namespace {

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

void HttpResponse::writeTo(Poco::Net::HTTPServerResponse& out) const {
    out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    for (const auto& [name, value] : headers) out.add(name, value);
    if (status == 204 || status == 304) {
        out.send();
        return;
    }
    if (!contentType.empty()) out.setContentType(contentType);
    out.setContentLength64(static_cast<Poco::Int64>(body.size()));
    out.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

} // namespace switchboard::core::http
