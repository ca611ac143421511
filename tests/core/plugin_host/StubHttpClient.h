#pragma once

#include <switchboard/sdk/HttpClient.h>

namespace switchboard::tests {

/// Answers every request with 204 and counts them; the plugin host never sends any itself.
class StubHttpClient final : public sdk::HttpClient {
public:
    sdk::HttpResponse send(const sdk::HttpRequest&) override {
        ++requests;
        sdk::HttpResponse response;
        response.status = 204;
        return response;
    }
    int requests = 0;
};

} // namespace switchboard::tests
