#include "switchboard/sdk/testing/FakeHttpClient.h"

#include <stdexcept>
#include <utility>

namespace switchboard::sdk::testing {

HttpResponse FakeHttpClient::send(const HttpRequest& request) {
    std::lock_guard lock(_mutex);
    _requests.push_back(request);
    if (_script.empty()) {
        throw std::logic_error("FakeHttpClient: no scripted answer left for " + request.method + " " + request.url);
    }
    auto answer = std::move(_script.front());
    _script.pop_front();
    if (auto* error = std::get_if<HttpError>(&answer)) throw *error;
    return std::get<HttpResponse>(std::move(answer));
}

void FakeHttpClient::respond(HttpResponse response) {
    std::lock_guard lock(_mutex);
    _script.emplace_back(std::move(response));
}

void FakeHttpClient::respond(int status, std::string body, Headers headers) {
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    respond(std::move(response));
}

void FakeHttpClient::fail(HttpError::Kind kind, const std::string& message) {
    std::lock_guard lock(_mutex);
    _script.emplace_back(HttpError(kind, message));
}

std::vector<HttpRequest> FakeHttpClient::requests() const {
    std::lock_guard lock(_mutex);
    return _requests;
}

std::size_t FakeHttpClient::requestCount() const {
    std::lock_guard lock(_mutex);
    return _requests.size();
}

std::size_t FakeHttpClient::remainingAnswers() const {
    std::lock_guard lock(_mutex);
    return _script.size();
}

} // namespace switchboard::sdk::testing
