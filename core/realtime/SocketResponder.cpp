#include "core/realtime/SocketResponder.h"

#include "core/common/ApiErrorJson.h"
#include "core/realtime/WebSocketFrameEncoder.h"

#include <Poco/Logger.h>

namespace switchboard::core::realtime {

SocketResponder::SocketResponder(common::Executor& workers, LoopRouter& router) : _workers(workers), _router(router) {}

std::shared_ptr<const std::string> SocketResponder::textFrame(const std::string& engineText) {
    auto frame = std::make_shared<std::string>();
    WebSocketFrameEncoder::appendText(*frame, engineText);
    return frame;
}

void SocketResponder::sendEngine(SocketLoop& loop, Connection& connection, const std::string& engineText) {
    loop.send(connection, textFrame(engineText));
}

void SocketResponder::sendPacket(SocketLoop& loop, Connection& connection, const SocketIoPacket& packet) {
    sendEngine(loop, connection, packet.encodeMessage());
}

Poco::JSON::Object::Ptr SocketResponder::errorJson(const common::ApiError& error) {
    auto body = common::apiErrorJson(error);
    if (const auto* limited = dynamic_cast<const common::RateLimited*>(&error)) {
        body->getObject("error")->set("retry_after", limited->retryAfterS());
    }
    return body;
}

Poco::Dynamic::Var SocketResponder::resultOf(const Answer& work) {
    try {
        return work();
    } catch (const common::ApiError& e) {
        return errorJson(e);
    } catch (const std::exception& e) {
        Poco::Logger::get("realtime").error("socket request failed: %s", std::string(e.what()));
        return errorJson(common::ApiError(500, "internal_error", "the request failed; retry"));
    }
}

std::shared_ptr<const std::string> SocketResponder::ackFrame(std::uint64_t ackId, const Poco::Dynamic::Var& result) {
    return textFrame(SocketIoPacket::ack("/", ackId, {result}).encodeMessage());
}

void SocketResponder::refuse(SocketLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId,
                             const common::ApiError& error) {
    if (ackId) loop.send(connection, ackFrame(*ackId, errorJson(error)));
}

void SocketResponder::now(SocketLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId,
                          const Answer& work) const {
    const auto result = resultOf(work);
    if (ackId) loop.send(connection, ackFrame(*ackId, result));
}

void SocketResponder::onWorker(SocketLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId,
                               Answer work) const {
    const auto id = connection.id();
    const bool queued = _workers.submit([this, id, ackId, work = std::move(work)] {
        const auto result = resultOf(work);
        if (!ackId) return;
        _router.toConnection(id, [id, frame = ackFrame(*ackId, result)](SocketLoop& owner) {
            if (auto* alive = owner.find(id)) owner.send(*alive, frame);
        });
    });
    if (!queued) refuse(loop, connection, ackId, common::ApiError(503, "busy", "the hub is busy; retry"));
}

} // namespace switchboard::core::realtime
