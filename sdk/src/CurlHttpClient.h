#pragma once

#include "switchboard/sdk/HttpClient.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace switchboard::sdk {

class AddressPolicy;

/// What outgoing requests may do (hub.yaml's `outbound` block).
struct OutboundPolicy {
    /// Host names and IP literals that may be reached although they are not public, e.g. "127.0.0.1" in tests.
    std::vector<std::string> allowedHosts;
    int connectTimeoutMs = 5000;
    /// For the whole request: name resolution, connection, sending and the answer.
    int totalTimeoutMs = 15000;
    std::size_t maxResponseBytes = 65536;
};

/// The host's HttpClient, over libcurl. Each request resolves the URL's host itself, refuses it if any of its
/// addresses is not public and not allow-listed, and pins the connection to the addresses it checked, so that the
/// name cannot resolve elsewhere between the check and the connection. Redirects are returned, not followed; no
/// proxy from the environment is used. Thread-safe: every request has its own curl handle.
///
/// The hub's own: it lives in the SDK library, beside what it shares with HttpClient, but is no part of the plugin
/// contract, so its header is not installed. A plugin gets its HttpClient from HostServices.
class CurlHttpClient final : public HttpClient {
public:
    explicit CurlHttpClient(OutboundPolicy policy);
    ~CurlHttpClient() override;

    HttpResponse send(const HttpRequest& request) override;
    /// What `send` checks of `url` before it connects, without sending anything: throws HttpError of kind Refused
    /// for a malformed URL, a scheme other than http and https, or a host with an address (resolved now) the policy
    /// refuses, and of kind Connect when the name does not resolve.
    void check(const std::string& url) const;

private:
    OutboundPolicy _policy;
    std::unique_ptr<const AddressPolicy> _addresses;
};

} // namespace switchboard::sdk
