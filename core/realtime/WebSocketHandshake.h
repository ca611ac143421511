#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchboard::core::realtime {

/// The server's half of the RFC 6455 opening handshake (§4.2): decides whether an HTTP request may be upgraded
/// and words the answer. Knows nothing of sockets; the request arrives as plain strings.
class WebSocketHandshake {
public:
    /// Request headers; names in any letter case, a name may repeat.
    using Headers = std::multimap<std::string, std::string>;

    struct Answer {
        /// 101 when the upgrade goes ahead, otherwise the status to refuse with (400, 405 or 426).
        int status = 0;
        /// Why the request was refused; empty when it was accepted.
        std::string reason;
        /// Headers the answer must carry: Upgrade, Connection and Sec-WebSocket-Accept for a 101,
        /// Sec-WebSocket-Version for a 426, Allow for a 405.
        std::vector<std::pair<std::string, std::string>> headers;

        bool accepted() const { return status == 101; }
    };

    WebSocketHandshake() = delete;

    /// Accepts a GET over HTTP/1.1 with `Upgrade: websocket`, `upgrade` among the `Connection` tokens,
    /// `Sec-WebSocket-Version: 13` (anything else is a 426 naming the version we speak) and a
    /// `Sec-WebSocket-Key` in canonical base64 of 16 bytes. Subprotocols and extensions are never negotiated.
    static Answer evaluate(std::string_view method, std::string_view httpVersion, const Headers& headers);

    /// Sec-WebSocket-Accept for a client key: base64 of the SHA-1 of the key followed by the RFC's GUID.
    static std::string acceptKey(std::string_view clientKey);

    /// The complete HTTP/1.1 response: status line, headers, blank line and, for a refusal, the reason as a
    /// plain-text body (and `Connection: close`).
    static std::string responseText(const Answer& answer);
};

} // namespace switchboard::core::realtime
