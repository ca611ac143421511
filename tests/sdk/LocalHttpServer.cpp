#include "LocalHttpServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace switchboard::sdk::tests {

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<LocalHttpServer::Gate> gate) : _gate(std::move(gate)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        const std::string& path = request.getURI();
        if (path == "/echo") {
            response.set("X-Echo-Method", request.getMethod());
            response.set("X-Echo-Test", request.get("X-Test", ""));
            response.set("X-Echo-Content-Type", request.get("Content-Type", "(none)"));
            response.sendBuffer(body.data(), body.size());
        } else if (path == "/peer") {
            const std::string peer = request.clientAddress().toString();
            response.sendBuffer(peer.data(), peer.size());
        } else if (path.starts_with("/status/")) {
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(std::stoi(path.substr(8))));
            response.send() << "status page";
        } else if (path == "/redirect") {
            response.redirect("/echo");
        } else if (path == "/big") {
            const std::string big(LocalHttpServer::BigBodyBytes, 'x');
            response.sendBuffer(big.data(), big.size());
        } else if (path == "/hang") {
            std::unique_lock lock(_gate->mutex);
            const std::uint64_t arrivedAfter = _gate->releases;
            _gate->released.wait(lock, [&] { return _gate->releases != arrivedAfter; });
            response.send() << "late";
        } else {
            response.setStatus(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
            response.send();
        }
    }

private:
    std::shared_ptr<LocalHttpServer::Gate> _gate;
};

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(std::shared_ptr<LocalHttpServer::Gate> gate) : _gate(std::move(gate)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(_gate);
    }

private:
    std::shared_ptr<LocalHttpServer::Gate> _gate;
};

} // namespace

LocalHttpServer::LocalHttpServer()
    : _gate(std::make_shared<Gate>()), _threads(std::make_unique<Poco::ThreadPool>(2, 16)) {
    const Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    _server = std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(_gate), *_threads, socket,
                                                      new Poco::Net::HTTPServerParams);
    _server->start();
}

LocalHttpServer::~LocalHttpServer() {
    releaseHungRequests();
    _server->stopAll(true);
    _threads->joinAll();
}

std::uint16_t LocalHttpServer::port() const { return _server->port(); }

std::string LocalHttpServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port()) + path;
}

void LocalHttpServer::releaseHungRequests() {
    {
        std::lock_guard lock(_gate->mutex);
        ++_gate->releases;
    }
    _gate->released.notify_all();
}

} // namespace switchboard::sdk::tests
