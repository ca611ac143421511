#include "switchboard/sdk/HttpClient.h"

#include "HeaderSearch.h"

namespace switchboard::sdk {

std::optional<std::string> HttpResponse::header(const std::string& name) const {
    return HeaderSearch::first(headers, name);
}

HttpError::HttpError(Kind kind, const std::string& message) : Error(message), _kind(kind) {}

HttpError::~HttpError() = default;

} // namespace switchboard::sdk
