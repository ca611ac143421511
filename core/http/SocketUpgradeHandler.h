#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <functional>
#include <optional>
#include <string>

namespace switchboard::core::http {

/// Answers `GET /socket.io/?EIO=4&transport=websocket` with the WebSocket upgrade and hands the socket, with
/// any bytes the client already sent behind its request, to the real-time loops; the HTTP thread is free again
/// as soon as the 101 is written. Anything else on that path gets a JSON error.
class SocketUpgradeHandler final : public Poco::Net::HTTPRequestHandler {
public:
    /// Takes over an upgraded socket: buffered bytes, the request's Origin, and the portal's session cookie
    /// when the request came from the hub's own origin (a cookie sent by another site's page is dropped).
    using Adopt = std::function<void(Poco::Net::StreamSocket socket, std::string buffered, std::string origin,
                                     std::optional<std::string> sessionToken)>;

    SocketUpgradeHandler(const Adopt& adopt, const std::atomic<bool>& ready) : _adopt(adopt), _ready(ready) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override;

    static constexpr const char* Path = "/socket.io/";

private:
    const Adopt& _adopt;
    const std::atomic<bool>& _ready;
};

} // namespace switchboard::core::http
