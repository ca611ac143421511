#include "core/common/ApiErrorJson.h"

namespace switchboard::core::common {

Poco::JSON::Object::Ptr apiErrorJson(const ApiError& error) {
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object;
    detail->set("code", error.code());
    detail->set("message", std::string(error.what()));
    if (error.field()) detail->set("field", *error.field());
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("error", detail);
    return body;
}

} // namespace switchboard::core::common
