#pragma once

#include "switchboard/sdk/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchboard::sdk {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "POST";
    /// http or https only.
    std::string url;
    Headers headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;
    Headers headers;
    /// At most the host's `outbound.max_response_bytes`; `truncated` says whether more was discarded.
    std::string body;
    bool truncated = false;
    std::int64_t elapsedMs = 0;

    /// The first header of that name, compared case-insensitively.
    std::optional<std::string> header(const std::string& name) const;
};

/// Why a request got no HTTP answer.
class HttpError : public Error {
public:
    enum class Kind {
        /// The URL is malformed, not http(s), or names an address the host's outbound policy refuses (loopback,
        /// private and other non-public addresses unless allow-listed). Retrying cannot help.
        Refused,
        /// The name did not resolve, or the connection failed.
        Connect,
        /// The connect or total time limit ran out.
        Timeout,
        /// Anything else on the way (TLS, a broken connection).
        Transfer,
    };

    HttpError(Kind kind, const std::string& message);
    ~HttpError() override;
    Kind kind() const { return _kind; }

private:
    Kind _kind;
};

/// Outgoing HTTP as the host allows it: time limits, a response size cap, no redirects followed, and the SSRF
/// guard (the name is resolved, checked, and the connection made to the address that was checked).
class HttpClient {
public:
    virtual ~HttpClient();
    /// Throws HttpError when there is no answer; any answer, 5xx included, is returned.
    virtual HttpResponse send(const HttpRequest& request) = 0;
};

} // namespace switchboard::sdk
