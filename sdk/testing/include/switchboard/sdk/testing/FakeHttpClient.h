#pragma once

#include "switchboard/sdk/HttpClient.h"

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

namespace switchboard::sdk::testing {

/// An HttpClient that answers from a script: each `send` takes the next scripted response, or throws the next
/// scripted HttpError, in the order they were added, and records the request. Sending with nothing left in the
/// script throws std::logic_error. Thread-safe.
class FakeHttpClient final : public HttpClient {
public:
    HttpResponse send(const HttpRequest& request) override;

    void respond(HttpResponse response);
    void respond(int status, std::string body = {}, Headers headers = {});
    void fail(HttpError::Kind kind, const std::string& message);

    /// Every request sent so far, oldest first.
    std::vector<HttpRequest> requests() const;
    std::size_t requestCount() const;
    /// The scripted answers not used yet.
    std::size_t remainingAnswers() const;

private:
    mutable std::mutex _mutex;
    std::deque<std::variant<HttpResponse, HttpError>> _script;
    std::vector<HttpRequest> _requests;
};

} // namespace switchboard::sdk::testing
