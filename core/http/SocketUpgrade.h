#pragma once

#include "core/common/ApiError.h"
#include "core/http/HttpRequest.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchboard::core::http {

/// Decides a request to the real-time endpoint `/socket.io/?EIO=4&transport=...`: the WebSocket upgrade, or one of
/// the Engine.IO long-polling requests (open a session, poll it, post packets to it), with what the socket or
/// session starts with; or the JSON error that refuses it. Runs on the event loop: nothing here waits.
class SocketUpgrade {
public:
    static constexpr const char* Path = "/socket.io/";

    /// WebSocket: a new session on a WebSocket; SessionUpgrade: a WebSocket to move the long-polling session `sid`
    /// to; PollingOpen, Poll, PollPost: the long-polling requests.
    enum class Kind { Refused, WebSocket, SessionUpgrade, PollingOpen, Poll, PollPost };

    struct Outcome {
        Kind kind = Kind::Refused;
        /// The 101 answer, for a WebSocket.
        std::string answer;
        /// The session a poll or a post is for.
        std::string sid;
        /// The page's Origin when it is not the hub's own; empty for the hub's pages and non-browser clients.
        std::string origin;
        /// The portal's session cookie, when it may count: from the hub's own pages, or sent with an Authorization
        /// header (a browser attaches the cookie to any page's requests; another site cannot forge that header).
        std::optional<std::string> sessionToken;
        /// Set when the request is refused; the answer is then this error, closing the connection.
        std::optional<common::ApiError> refusal;
        std::vector<std::pair<std::string, std::string>> refusalHeaders;
    };

    static bool isSocketPath(const std::string& path) { return path.rfind(Path, 0) == 0; }
    /// `versionMinor` of HTTP/1.x; `ready` is false while the hub is still starting.
    static Outcome evaluate(const HttpRequest& request, int versionMinor, bool ready);

private:
    static Outcome refused(common::ApiError error);
    static Outcome polling(const HttpRequest& request, Outcome outcome);
};

} // namespace switchboard::core::http
