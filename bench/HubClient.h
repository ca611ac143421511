#pragma once

#include "bench/BenchSupport.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace switchboard::bench {

struct HttpReply {
    int status = 0;
    std::string body;

    std::string describe() const { return "HTTP " + std::to_string(status) + " " + body.substr(0, 300); }
};

/// What a visitor needs to talk to the hub after POST /api/widget/init.
struct VisitorCredentials {
    std::string conversationId;
    std::string token;
};

/// One keep-alive HTTP connection to the hub's REST API, for the load generators' setup, load and read-back.
/// A request that fails at the socket level drops the connection, so the next request starts on a fresh one.
class HubClient {
public:
    HubClient(std::string host, Poco::UInt16 port) : _host(std::move(host)), _port(port) { open(); }

    HttpReply post(const std::string& path, const std::string& body, const std::string& token) {
        return send(Poco::Net::HTTPRequest::HTTP_POST, path, &body, token);
    }

    HttpReply get(const std::string& path, const std::string& token) {
        return send(Poco::Net::HTTPRequest::HTTP_GET, path, nullptr, token);
    }

    /// Starts the conversation of visitor number `n` on `widget`; throws std::runtime_error unless the hub
    /// answers 201.
    VisitorCredentials startVisitor(const std::string& widget, int n) {
        const auto number = std::to_string(n);
        const auto reply = post("/api/widget/init",
                                "{\"widget_id\":" + jsonString(widget) + ",\"name\":\"Bench Visitor " + number +
                                    "\",\"email\":\"visitor" + number + "@bench.example.com\"}",
                                "");
        if (reply.status != 201) throw std::runtime_error(reply.describe());
        const auto json = parseObject(reply.body);
        return {json->getValue<std::string>("conversation_id"), json->getValue<std::string>("visitor_token")};
    }

    /// Logs an agent in and returns the session token; throws std::runtime_error unless the hub answers 200.
    std::string login(const std::string& email, const std::string& password) {
        const auto reply = post("/api/auth/login",
                                "{\"email\":" + jsonString(email) + ",\"password\":" + jsonString(password) + "}", "");
        if (reply.status != 200) throw std::runtime_error(reply.describe());
        return parseObject(reply.body)->getValue<std::string>("token");
    }

private:
    void open() {
        _session = std::make_unique<Poco::Net::HTTPClientSession>(_host, _port);
        _session->setKeepAlive(true);
        _session->setTimeout(Poco::Timespan(30, 0));
    }

    HttpReply send(const std::string& method, const std::string& path, const std::string* body,
                   const std::string& token) {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!token.empty()) request.set("Authorization", "Bearer " + token);
        if (body) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(body->size()));
        }
        try {
            std::ostream& out = _session->sendRequest(request);
            if (body) out << *body;
            Poco::Net::HTTPResponse response;
            std::istream& in = _session->receiveResponse(response);
            HttpReply reply;
            reply.status = static_cast<int>(response.getStatus());
            Poco::StreamCopier::copyToString(in, reply.body);
            return reply;
        } catch (...) {
            open();
            throw;
        }
    }

    std::string _host;
    Poco::UInt16 _port;
    std::unique_ptr<Poco::Net::HTTPClientSession> _session;
};

} // namespace switchboard::bench
