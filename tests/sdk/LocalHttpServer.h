#pragma once

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace switchboard::sdk::tests {

/// A real HTTP server on 127.0.0.1 (a free port) for testing the HTTP client end to end. Paths:
///   /echo          200; the request's method, `X-Test` header and body come back (X-Echo-Method, X-Echo-Test, body)
///   /peer          200; the body is the client's address and port, which tells one connection from another
///   /status/<n>    answers status <n>
///   /redirect      302 to /echo
///   /big           200 with a body of `BigBodyBytes`
///   /hang          answers only after the next `releaseHungRequests`
class LocalHttpServer {
public:
    static constexpr std::size_t BigBodyBytes = 256 * 1024;

    LocalHttpServer();
    ~LocalHttpServer();

    std::uint16_t port() const;
    /// "http://127.0.0.1:<port><path>"
    std::string url(const std::string& path) const;
    void releaseHungRequests();

    /// What the handlers share with the test.
    struct Gate {
        std::mutex mutex;
        std::condition_variable released;
        /// Counts the releases; a hung request waits for it to move on from where it was when it arrived.
        std::uint64_t releases = 0;
    };

private:
    std::shared_ptr<Gate> _gate;
    /// The server's own threads, joined when it stops: POCO's default pool would leave a connection thread
    /// holding one of POCO's pooled buffers at exit, which LeakSanitizer reports.
    std::unique_ptr<Poco::ThreadPool> _threads;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
};

} // namespace switchboard::sdk::tests
