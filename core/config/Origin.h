#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchboard::core::config {

/// A web origin, `scheme://host[:port]`, as browsers send it in the `Origin` header. Scheme and host are kept
/// lower-case and the port is always explicit, so that `https://Example.com` equals `https://example.com:443`.
struct Origin {
    std::string scheme;
    std::string host;
    int port = 0;

    /// Accepts `http` and `https` origins only, without path, query, fragment or user info. On failure, `problem`
    /// (when given) says why.
    static std::optional<Origin> parse(std::string_view text, std::string* problem = nullptr);

    bool operator==(const Origin&) const = default;
};

/// True for `http(s)://host[:port]` optionally followed by a path, query or fragment.
bool isHttpUrl(std::string_view url);

} // namespace switchboard::core::config
