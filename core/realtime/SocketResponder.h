#pragma once

#include "core/common/ApiError.h"
#include "core/common/Executor.h"
#include "core/realtime/LoopRouter.h"
#include "core/realtime/SocketIoPacket.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace switchboard::core::realtime {

/// Answers a client's events: runs the work (here on the loop, or on a worker) and acknowledges its result, or
/// its error as the REST API's error object, whenever the client asked for an acknowledgement.
class SocketResponder {
public:
    SocketResponder(common::Executor& workers, LoopRouter& router);

    using Answer = std::function<Poco::Dynamic::Var()>;
    /// Runs `work` here, on the loop (it must not block), and acks its result or its error.
    void now(SocketLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId, const Answer& work) const;
    /// Runs `work` on a worker and acks its result on the connection's loop, if the socket is still there. When
    /// the workers are saturated, acks 503 `busy` at once.
    void onWorker(SocketLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId, Answer work) const;
    /// Acks `error` at once.
    static void refuse(SocketLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId,
                       const common::ApiError& error);

    static void sendPacket(SocketLoop& loop, Connection& connection, const SocketIoPacket& packet);
    static void sendEngine(SocketLoop& loop, Connection& connection, const std::string& engineText);
    /// A WebSocket text frame carrying an Engine.IO packet, shared by every socket it goes to.
    static std::shared_ptr<const std::string> textFrame(const std::string& engineText);
    /// The API's error object; a rate limit's also tells when to retry, as `retry_after` (seconds).
    static Poco::JSON::Object::Ptr errorJson(const common::ApiError& error);

private:
    /// `work`'s result, or the error it threw.
    static Poco::Dynamic::Var resultOf(const Answer& work);
    static std::shared_ptr<const std::string> ackFrame(std::uint64_t ackId, const Poco::Dynamic::Var& result);

    common::Executor& _workers;
    LoopRouter& _router;
};

} // namespace switchboard::core::realtime
