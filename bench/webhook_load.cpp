// Signed-webhook delivery benchmark: a load generator for POST /api/handover/request together with the two
// receivers the hub delivers to.
//
// The fast receiver verifies every delivery's Standard Webhooks signature and answers 200 at once; the slow one
// holds each delivery for --slow-hold-s before answering 200. Both listen on 127.0.0.1, on different ports, so
// they are different destinations to the hub. --connections threads create handover requests (POST
// /api/widget/init for a new visitor, then POST /api/handover/request), every 1/--slow-share-th of them for the
// slow method, the rest for the fast one.
//
// Two phases:
//   live     requests are created for --warmup + --duration seconds while both receivers answer; deliveries are
//            counted at the fast receiver (per second, steady state, overall) with their delay from the
//            request's creation (the payload's `timestamp`) to receipt; then every fast request must arrive.
//   backlog  the fast receiver answers 503 with Retry-After set to a release time --backlog-s ahead, while
//            requests are created until just before it; from the release on it answers 200 and the time until
//            the whole backlog has arrived is taken. The outbox then delivers as fast as it can, with no
//            request creation competing for the hub or the machine.

#include "bench/BenchSupport.h"
#include "bench/HubClient.h"

#include <Poco/Base64Decoder.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using namespace switchboard::bench;
using SteadyClock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

constexpr const char* kUsage =
    "usage: switchboard_webhook_load --url http://127.0.0.1:PORT --fast-port P --slow-port Q --secret S [options]\n"
    "  --fast-port P         port of the receiver that answers at once (its URL is the fast method's)\n"
    "  --slow-port Q         port of the receiver that holds each delivery (the slow method's)\n"
    "  --secret S            the methods' signing secret, \"whsec_<base64>\" or the key itself\n"
    "  --widget ID           widget the requests are made on (default bench)\n"
    "  --fast-method NAME    handover method that posts to the fast receiver (default fast)\n"
    "  --slow-method NAME    handover method that posts to the slow receiver (default slow)\n"
    "  --slow-share F        share of requests made for the slow method (default 0.01)\n"
    "  --slow-hold-s S       how long the slow receiver holds each delivery (default 10)\n"
    "  --connections C       threads creating requests, one keep-alive connection each (default 16)\n"
    "  --duration S          measured seconds of the live phase (default 10)\n"
    "  --warmup S            seconds of the live phase before measuring starts (default 2)\n"
    "  --backlog-s S         seconds of creating requests while the fast receiver answers 503; 0 skips the\n"
    "                        backlog phase (default 20)\n"
    "  --drain-s S           longest wait for the fast deliveries after a phase (default 120)\n"
    "  --receiver-threads N  threads of the fast receiver (default 64)\n"
    "  --hub-pid PID         read the hub's CPU time per phase from /proc/PID (default: not measured)\n"
    "  --agent-email E       with --agent-password: cross-check the hub's pending requests at the end\n"
    "  --agent-password P    (defaults: SWITCHBOARD_ADMIN_EMAIL and SWITCHBOARD_ADMIN_PASSWORD)\n";

struct Options {
    std::string url;
    int fastPort = 0;
    int slowPort = 0;
    std::string secret;
    std::string widget = "bench";
    std::string fastMethod = "fast";
    std::string slowMethod = "slow";
    double slowShare = 0.01;
    double slowHoldS = 10;
    int connections = 16;
    double durationS = 10;
    double warmupS = 2;
    double backlogS = 20;
    double drainS = 120;
    int receiverThreads = 64;
    int hubPid = 0;
    std::string agentEmail;
    std::string agentPassword;
};

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

Options parseOptions(int argc, char** argv) {
    Options options;
    options.agentEmail = environment("SWITCHBOARD_ADMIN_EMAIL");
    options.agentPassword = environment("SWITCHBOARD_ADMIN_PASSWORD");
    forEachOption(argc, argv, kUsage, [&](const std::string& name, const std::string& value) {
        if (name == "--url") options.url = value;
        else if (name == "--fast-port") options.fastPort = wholeNumber(name, value, 1);
        else if (name == "--slow-port") options.slowPort = wholeNumber(name, value, 1);
        else if (name == "--secret") options.secret = value;
        else if (name == "--widget") options.widget = value;
        else if (name == "--fast-method") options.fastMethod = value;
        else if (name == "--slow-method") options.slowMethod = value;
        else if (name == "--slow-share") options.slowShare = decimal(name, value, 0);
        else if (name == "--slow-hold-s") options.slowHoldS = decimal(name, value, 0);
        else if (name == "--connections") options.connections = wholeNumber(name, value, 1);
        else if (name == "--duration") options.durationS = decimal(name, value, 0.1);
        else if (name == "--warmup") options.warmupS = decimal(name, value, 0);
        else if (name == "--backlog-s") options.backlogS = decimal(name, value, 0);
        else if (name == "--drain-s") options.drainS = decimal(name, value, 1);
        else if (name == "--receiver-threads") options.receiverThreads = wholeNumber(name, value, 1);
        else if (name == "--hub-pid") options.hubPid = wholeNumber(name, value, 1);
        else if (name == "--agent-email") options.agentEmail = value;
        else if (name == "--agent-password") options.agentPassword = value;
        else throw std::invalid_argument("unknown option " + name);
    });
    if (options.url.empty()) throw std::invalid_argument("--url is required");
    if (options.fastPort == 0 || options.slowPort == 0)
        throw std::invalid_argument("--fast-port and --slow-port are required");
    if (options.fastPort > 65535 || options.slowPort > 65535) throw std::invalid_argument("ports go up to 65535");
    if (options.secret.empty()) throw std::invalid_argument("--secret is required");
    if (options.slowShare > 1) throw std::invalid_argument("--slow-share must be at most 1");
    return options;
}

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(SystemClock::now().time_since_epoch()).count();
}

SteadyClock::duration seconds(double s) {
    return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(s));
}

double secondsBetween(SteadyClock::time_point from, SteadyClock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

/// Checks Standard Webhooks signatures: `webhook-signature` holds space-separated `v1,<base64 HMAC-SHA256 of
/// "id.timestamp.body">`, one of which must match; the timestamp must be within five minutes of now.
class SignatureVerifier {
public:
    explicit SignatureVerifier(const std::string& secret) : _key(keyOf(secret)) {}

    bool verify(const std::string& id, const std::string& timestamp, const std::string& signatures,
                const std::string& body) const {
        std::int64_t seconds = 0;
        try {
            std::size_t used = 0;
            seconds = std::stoll(timestamp, &used);
            if (used != timestamp.size()) return false;
        } catch (const std::exception&) {
            return false;
        }
        if (std::llabs(seconds - wallMs() / 1000) > ToleranceS) return false;

        const std::string content = id + "." + timestamp + "." + body;
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int macLength = 0;
        if (!HMAC(EVP_sha256(), _key.data(), static_cast<int>(_key.size()),
                  reinterpret_cast<const unsigned char*>(content.data()), content.size(), mac, &macLength))
            return false;
        unsigned char encoded[2 * EVP_MAX_MD_SIZE];
        const int encodedLength = EVP_EncodeBlock(encoded, mac, static_cast<int>(macLength));
        const std::string_view expected(reinterpret_cast<const char*>(encoded),
                                        static_cast<std::size_t>(encodedLength));

        std::string_view rest = signatures;
        while (!rest.empty()) {
            const auto space = rest.find(' ');
            const auto candidate = rest.substr(0, space);
            rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
            if (!candidate.starts_with("v1,")) continue;
            const auto signature = candidate.substr(3);
            if (signature.size() == expected.size() &&
                CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0)
                return true;
        }
        return false;
    }

private:
    static constexpr std::int64_t ToleranceS = 300;

    static std::string keyOf(const std::string& secret) {
        constexpr std::string_view Prefix = "whsec_";
        if (!secret.starts_with(Prefix)) return secret;
        std::istringstream encoded(secret.substr(Prefix.size()));
        Poco::Base64Decoder decoder(encoded);
        return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    }

    std::string _key;
};

/// The text of `"name":"<value>"` in a JSON object the hub wrote (compact, no escapes in the values read here).
std::optional<std::string> jsonText(const std::string& body, const std::string& name) {
    const std::string key = "\"" + name + "\":\"";
    const auto start = body.find(key);
    if (start == std::string::npos) return std::nullopt;
    const auto from = start + key.size();
    const auto end = body.find('"', from);
    if (end == std::string::npos) return std::nullopt;
    return body.substr(from, end - from);
}

/// "2026-11-21T13:58:21.123Z" as milliseconds since the epoch.
std::optional<std::int64_t> isoMs(const std::string& text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &year, &month, &day, &hour, &minute, &second,
                    &millis) != 7)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) return std::nullopt;
    const auto midnight = std::chrono::sys_days(date).time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(midnight).count() +
           ((hour * 60 + minute) * 60 + second) * 1000LL + millis;
}

/// A delivery a receiver answered 200.
struct Receipt {
    std::string requestId;
    SteadyClock::time_point at;
    /// From the request's creation (payload `timestamp`) to receipt.
    double delayMs = 0;
    std::int64_t createdAtMs = 0;
};

/// What the receivers saw, shared by their threads.
class ReceiptBook {
public:
    void accepted(const std::string& webhookId, Receipt receipt, bool slow) {
        std::lock_guard lock(_mutex);
        if (!_acceptedIds.insert(webhookId).second) {
            ++_duplicates;
            return;
        }
        (slow ? _slow : _fast).push_back(std::move(receipt));
    }

    void refused() { ++_refused; }
    void badSignature() { ++_badSignatures; }
    void malformed() { ++_malformed; }

    std::size_t fastCount() const {
        std::lock_guard lock(_mutex);
        return _fast.size();
    }

    /// Copies of the accepted receipts so far.
    std::vector<Receipt> fast() const {
        std::lock_guard lock(_mutex);
        return _fast;
    }
    std::vector<Receipt> slow() const {
        std::lock_guard lock(_mutex);
        return _slow;
    }

    std::int64_t duplicates() const {
        std::lock_guard lock(_mutex);
        return _duplicates;
    }
    std::int64_t refusedCount() const { return _refused; }
    std::int64_t badSignatures() const { return _badSignatures; }
    std::int64_t malformedCount() const { return _malformed; }

private:
    mutable std::mutex _mutex;
    std::unordered_set<std::string> _acceptedIds;
    std::vector<Receipt> _fast;
    std::vector<Receipt> _slow;
    std::int64_t _duplicates = 0;
    std::atomic<std::int64_t> _refused{0};
    std::atomic<std::int64_t> _badSignatures{0};
    std::atomic<std::int64_t> _malformed{0};
};

/// How a receiver answers: the fast one refuses until a release time during the backlog phase, the slow one
/// holds every delivery.
struct ReceiverBehaviour {
    bool slow = false;
    std::chrono::milliseconds hold{0};
    /// Epoch ms before which deliveries are answered 503 with `Retry-After` set to it; 0 = never.
    std::atomic<std::int64_t> refuseUntilMs{0};
    /// Ends the holds early when the run is over.
    std::mutex mutex;
    std::condition_variable closing;
    bool closed = false;
};

class ReceiverHandler : public Poco::Net::HTTPRequestHandler {
public:
    ReceiverHandler(const SignatureVerifier& verifier, ReceiptBook& book, ReceiverBehaviour& behaviour)
        : _verifier(verifier), _book(book), _behaviour(behaviour) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        const auto arrived = SteadyClock::now();
        const auto arrivedMs = wallMs();
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        const auto& id = request.get("webhook-id", "");
        if (!_verifier.verify(id, request.get("webhook-timestamp", ""), request.get("webhook-signature", ""), body)) {
            _book.badSignature();
            answer(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, "bad signature");
            return;
        }
        const auto requestId = jsonText(body, "request_id");
        const auto created = jsonText(body, "timestamp");
        const auto createdMs = created ? isoMs(*created) : std::nullopt;
        if (!requestId || !createdMs) {
            _book.malformed();
            answer(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "no request_id or timestamp");
            return;
        }
        if (const auto until = _behaviour.refuseUntilMs.load(); arrivedMs < until) {
            _book.refused();
            response.set("Retry-After", Poco::DateTimeFormatter::format(Poco::Timestamp(until * 1000),
                                                                        Poco::DateTimeFormat::HTTP_FORMAT));
            answer(response, Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "not yet");
            return;
        }
        _book.accepted(id, {*requestId, arrived, static_cast<double>(arrivedMs - *createdMs), *createdMs},
                       _behaviour.slow);
        if (_behaviour.hold.count() > 0) {
            std::unique_lock lock(_behaviour.mutex);
            _behaviour.closing.wait_for(lock, _behaviour.hold, [&] { return _behaviour.closed; });
        }
        answer(response, Poco::Net::HTTPResponse::HTTP_OK, "ok");
    }

private:
    static void answer(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                       const std::string& text) {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setContentLength(static_cast<std::streamsize>(text.size()));
        response.send() << text;
    }

    const SignatureVerifier& _verifier;
    ReceiptBook& _book;
    ReceiverBehaviour& _behaviour;
};

class ReceiverFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ReceiverFactory(const SignatureVerifier& verifier, ReceiptBook& book, ReceiverBehaviour& behaviour)
        : _verifier(verifier), _book(book), _behaviour(behaviour) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new ReceiverHandler(_verifier, _book, _behaviour);
    }

private:
    const SignatureVerifier& _verifier;
    ReceiptBook& _book;
    ReceiverBehaviour& _behaviour;
};

/// One receiver: a Poco HTTP server on 127.0.0.1:port with a thread pool of its own.
class Receiver {
public:
    Receiver(int port, int threads, const SignatureVerifier& verifier, ReceiptBook& book, ReceiverBehaviour& behaviour)
        : _behaviour(behaviour), _pool(2, threads) {
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(threads);
        params->setMaxQueued(4096);
        params->setKeepAlive(true);
        params->setMaxKeepAliveRequests(0);
        params->setKeepAliveTimeout(Poco::Timespan(60, 0));
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), 1024);
        _server = std::make_unique<Poco::Net::HTTPServer>(new ReceiverFactory(verifier, book, behaviour), _pool, socket,
                                                          params);
        _server->start();
    }

    ~Receiver() {
        {
            std::lock_guard lock(_behaviour.mutex);
            _behaviour.closed = true;
        }
        _behaviour.closing.notify_all();
        _server->stopAll(true);
        _pool.joinAll();
    }

private:
    ReceiverBehaviour& _behaviour;
    Poco::ThreadPool _pool;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
};

/// CPU time of the hub, of this process and of the whole machine, to say who was busy during a phase.
struct CpuSample {
    std::optional<double> hubS;
    double ownS = 0;
    double machineBusyS = 0;
    double machineTotalS = 0;

    static CpuSample take(int hubPid) {
        CpuSample sample;
        const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
        if (hubPid > 0) {
            std::ifstream file("/proc/" + std::to_string(hubPid) + "/stat");
            const std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
            // Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
            if (const auto close = stat.rfind(')'); close != std::string::npos) {
                std::istringstream fields(stat.substr(close + 2));
                std::string field;
                double ticks = 0;
                for (int i = 3; i <= 15 && fields >> field; ++i)
                    if (i >= 14) ticks += std::stod(field);
                sample.hubS = ticks / tick;
            }
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        sample.ownS = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        std::ifstream stat("/proc/stat");
        std::string cpu;
        stat >> cpu;
        double value = 0;
        for (int i = 0; i < 10 && stat >> value; ++i) {
            sample.machineTotalS += value / tick;
            if (i != 3 && i != 4) sample.machineBusyS += value / tick; // idle, iowait
        }
        return sample;
    }

    static void print(const CpuSample& before, const CpuSample& after) {
        const double total = after.machineTotalS - before.machineTotalS;
        if (total <= 0) return;
        const double busy = after.machineBusyS - before.machineBusyS;
        const double own = after.ownS - before.ownS;
        std::printf("  cpu        machine %.0f%% busy;", 100 * busy / total);
        if (before.hubS && after.hubS) {
            const double hub = *after.hubS - *before.hubS;
            std::printf(" hub %.2f s (%.0f%%),", hub, 100 * hub / total);
            std::printf(" this generator %.2f s (%.0f%%), everything else %.0f%%\n", own, 100 * own / total,
                        std::max(0.0, 100 * (busy - hub - own) / total));
        } else {
            std::printf(" this generator %.2f s (%.0f%%)\n", own, 100 * own / total);
        }
    }
};

/// A request the hub answered 201 for.
struct Created {
    std::string id;
    bool slow = false;
};

struct CreationResult {
    std::vector<Created> created;
    std::int64_t errors = 0;
    std::vector<double> latenciesMs; // init + request together, sorted
    SteadyClock::time_point ended{};
};

/// Creates requests on --connections threads until `stopAt`; request number n goes to the slow method when
/// n * share crosses a whole number, which spreads the slow ones evenly.
class RequestMaker {
public:
    RequestMaker(const Options& options, const Poco::URI& base) : _options(options), _base(base) {}

    CreationResult run(SteadyClock::time_point stopAt) {
        std::vector<CreationResult> perThread(static_cast<std::size_t>(_options.connections));
        onThreads(_options.connections, [&](int thread) {
            auto& result = perThread[static_cast<std::size_t>(thread)];
            HubClient client(_base.getHost(), _base.getPort());
            while (SteadyClock::now() < stopAt) {
                const auto n = _next++;
                const bool slow = static_cast<std::int64_t>(static_cast<double>(n + 1) * _options.slowShare) >
                                  static_cast<std::int64_t>(static_cast<double>(n) * _options.slowShare);
                const auto began = SteadyClock::now();
                try {
                    const auto visitor = client.startVisitor(_options.widget, static_cast<int>(n));
                    const auto reply = client.post(
                        "/api/handover/request",
                        "{\"conversation_id\":\"" + visitor.conversationId + "\",\"requested_method\":" +
                            jsonString(slow ? _options.slowMethod : _options.fastMethod) + "}",
                        visitor.token);
                    if (reply.status != 201) throw std::runtime_error("handover request: " + reply.describe());
                    const auto request = parseObject(reply.body)->getObject("request");
                    result.created.push_back({request->getValue<std::string>("id"), slow});
                    result.latenciesMs.push_back(
                        std::chrono::duration<double, std::milli>(SteadyClock::now() - began).count());
                } catch (const std::exception& error) {
                    if (result.errors++ == 0) {
                        std::lock_guard lock(_mutex);
                        if (_firstErrors.size() < 5) _firstErrors.push_back(describe(error));
                    }
                }
            }
        });
        CreationResult all;
        for (auto& result : perThread) {
            all.created.insert(all.created.end(), result.created.begin(), result.created.end());
            all.latenciesMs.insert(all.latenciesMs.end(), result.latenciesMs.begin(), result.latenciesMs.end());
            all.errors += result.errors;
        }
        std::sort(all.latenciesMs.begin(), all.latenciesMs.end());
        all.ended = SteadyClock::now();
        return all;
    }

    void printErrors() const {
        std::lock_guard lock(_mutex);
        for (const auto& what : _firstErrors) std::cout << "    " << what << "\n";
    }

private:
    const Options& _options;
    const Poco::URI& _base;
    std::atomic<std::int64_t> _next{0};
    mutable std::mutex _mutex;
    std::vector<std::string> _firstErrors;
};

std::size_t countSlow(const std::vector<Created>& created) {
    return static_cast<std::size_t>(
        std::count_if(created.begin(), created.end(), [](const Created& c) { return c.slow; }));
}

/// Waits until the fast receiver has accepted `wanted` deliveries in all, or `limit` has passed.
bool waitForFast(const ReceiptBook& book, std::size_t wanted, SteadyClock::duration limit) {
    const auto deadline = SteadyClock::now() + limit;
    while (book.fastCount() < wanted) {
        if (SteadyClock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

/// Fast requests in `created` the receiver has not accepted.
std::size_t missingFast(const std::vector<Created>& created, const std::vector<Receipt>& receipts) {
    std::unordered_set<std::string> seen;
    for (const auto& receipt : receipts) seen.insert(receipt.requestId);
    return static_cast<std::size_t>(std::count_if(created.begin(), created.end(),
                                                  [&](const Created& c) { return !c.slow && !seen.count(c.id); }));
}

/// Accepted deliveries per whole second from `from`, as a list for the report.
std::string perSecond(const std::vector<Receipt>& receipts, SteadyClock::time_point from) {
    std::vector<int> buckets;
    for (const auto& receipt : receipts) {
        if (receipt.at < from) continue;
        const auto second = static_cast<std::size_t>(secondsBetween(from, receipt.at));
        if (buckets.size() <= second) buckets.resize(second + 1);
        ++buckets[second];
    }
    std::string list;
    for (const auto count : buckets) list += (list.empty() ? "" : " ") + std::to_string(count);
    return list;
}

struct LiveFigures {
    std::size_t fastCreated = 0;
    std::size_t delivered = 0;
    double steadyPerS = 0;
    double overallPerS = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    bool ok = true;
};

/// Creation and delivery together: --warmup + --duration seconds of creating, then waits for the fast deliveries.
LiveFigures livePhase(const Options& options, RequestMaker& maker, const ReceiptBook& book) {
    std::printf("live         %g s of warm-up, %g s measured\n", options.warmupS, options.durationS);
    LiveFigures figures;
    const auto cpuBefore = CpuSample::take(options.hubPid);
    const auto start = SteadyClock::now();
    const auto startWallMs = wallMs();
    const auto measureFrom = start + seconds(options.warmupS);
    const auto live = maker.run(measureFrom + seconds(options.durationS));
    const auto slow = countSlow(live.created);
    figures.fastCreated = live.created.size() - slow;
    const double creationS = secondsBetween(start, live.ended);
    std::printf("  created    %zu requests (%zu fast, %zu slow) in %.2f s: %.0f/s; init + request p50 %.2f ms, p99 "
                "%.2f ms; %lld errors\n",
                live.created.size(), figures.fastCreated, slow, creationS,
                static_cast<double>(live.created.size()) / creationS, percentile(live.latenciesMs, 0.5),
                percentile(live.latenciesMs, 0.99), static_cast<long long>(live.errors));
    if (live.errors > 0) {
        figures.ok = false;
        maker.printErrors();
    }
    const bool drained = waitForFast(book, figures.fastCreated, seconds(options.drainS));
    const auto receipts = book.fast();
    CpuSample::print(cpuBefore, CpuSample::take(options.hubPid));

    std::size_t inWindow = 0;
    std::vector<double> delays;
    auto last = start;
    for (const auto& receipt : receipts) {
        if (receipt.at >= measureFrom && receipt.at < live.ended) ++inWindow;
        if (receipt.createdAtMs >= startWallMs + static_cast<std::int64_t>(options.warmupS * 1000))
            delays.push_back(receipt.delayMs);
        last = std::max(last, receipt.at);
    }
    std::sort(delays.begin(), delays.end());
    figures.delivered = receipts.size();
    figures.steadyPerS = static_cast<double>(inWindow) / secondsBetween(measureFrom, live.ended);
    figures.overallPerS = last > start ? static_cast<double>(receipts.size()) / secondsBetween(start, last) : 0;
    figures.p50Ms = percentile(delays, 0.5);
    figures.p99Ms = percentile(delays, 0.99);
    std::printf("  delivered  %zu of %zu fast; steady %.0f/s (while creating, after warm-up), overall %.0f/s (first "
                "request to last receipt, %.2f s)\n",
                receipts.size(), figures.fastCreated, figures.steadyPerS, figures.overallPerS,
                secondsBetween(start, last));
    std::printf("  delay ms   creation to receipt: p50 %.1f  p99 %.1f  max %.1f  (%zu requests made after warm-up)\n",
                figures.p50Ms, figures.p99Ms, delays.empty() ? 0.0 : delays.back(), delays.size());
    std::printf("  per second %s\n", perSecond(receipts, start).c_str());
    if (!drained) {
        std::printf("  MISSING    %zu fast deliveries did not arrive within %g s\n",
                    missingFast(live.created, receipts), options.drainS);
        figures.ok = false;
    }
    return figures;
}

/// Receipts per second between the 10th and the 90th percentile of their times: the drain without its start (the
/// outbox finding the backlog) and its tail.
double middleRate(const std::vector<Receipt>& receipts) {
    std::vector<SteadyClock::time_point> times;
    for (const auto& receipt : receipts) times.push_back(receipt.at);
    if (times.size() < 10) return 0;
    std::sort(times.begin(), times.end());
    const auto first = times.size() / 10;
    const auto last = times.size() * 9 / 10;
    const double spanS = secondsBetween(times[first], times[last]);
    return spanS > 0 ? static_cast<double>(last - first) / spanS : 0;
}

struct DrainFigures {
    std::size_t backlog = 0;
    double perS = 0;
    double middlePerS = 0;
    bool ok = true;
};

/// The fast receiver refuses until a release time --backlog-s ahead while requests are created; from then on it
/// accepts, and the drain of what piled up is timed.
DrainFigures backlogPhase(const Options& options, RequestMaker& maker, const ReceiptBook& book,
                          ReceiverBehaviour& fastBehaviour) {
    DrainFigures figures;
    const auto releaseMs = (wallMs() + static_cast<std::int64_t>(options.backlogS * 1000)) / 1000 * 1000 + 1000;
    fastBehaviour.refuseUntilMs = releaseMs;
    const auto release = SteadyClock::now() + std::chrono::milliseconds(releaseMs - wallMs());
    std::printf("backlog      the fast receiver answers 503 (Retry-After: the release time) for %.1f s\n",
                static_cast<double>(releaseMs - wallMs()) / 1000);
    const auto before = book.fastCount();
    const auto refusedBefore = book.refusedCount();
    const auto backlog = maker.run(release - std::chrono::milliseconds(500));
    const auto slow = countSlow(backlog.created);
    figures.backlog = backlog.created.size() - slow;
    std::printf("  created    %zu requests (%zu fast, %zu slow); %lld errors\n", backlog.created.size(),
                figures.backlog, slow, static_cast<long long>(backlog.errors));
    if (backlog.errors > 0) {
        figures.ok = false;
        maker.printErrors();
    }
    std::this_thread::sleep_until(release);
    std::printf("  refused    %lld deliveries before the release\n",
                static_cast<long long>(book.refusedCount() - refusedBefore));

    const auto cpuBefore = CpuSample::take(options.hubPid);
    const bool drained = waitForFast(book, before + figures.backlog, seconds(options.drainS));
    const auto receipts = book.fast();
    CpuSample::print(cpuBefore, CpuSample::take(options.hubPid));
    const std::vector<Receipt> drainedReceipts(receipts.begin() + static_cast<std::ptrdiff_t>(before), receipts.end());
    auto last = release;
    for (const auto& receipt : drainedReceipts) last = std::max(last, receipt.at);
    const double drainS = secondsBetween(release, last);
    figures.perS = drainS > 0 ? static_cast<double>(drainedReceipts.size()) / drainS : 0;
    figures.middlePerS = middleRate(drainedReceipts);
    std::printf("  drained    %zu of %zu fast in %.2f s after the release: %.0f/s overall, %.0f/s from the 10th to "
                "the 90th percentile\n",
                drainedReceipts.size(), figures.backlog, drainS, figures.perS, figures.middlePerS);
    std::printf("  per second %s\n", perSecond(drainedReceipts, release).c_str());
    if (!drained) {
        std::printf("  MISSING    %zu fast deliveries did not arrive within %g s\n",
                    missingFast(backlog.created, drainedReceipts), options.drainS);
        figures.ok = false;
    }
    return figures;
}

/// Asks the hub, as an agent, which requests of the widget are still pending: only slow ones may be.
bool noFastRequestPending(const Options& options, const Poco::URI& base) {
    try {
        HubClient client(base.getHost(), base.getPort());
        const auto token = client.login(options.agentEmail, options.agentPassword);
        std::size_t pending = 0;
        std::size_t pendingFast = 0;
        std::string cursor;
        do {
            std::string path = "/api/handover/requests?status=pending&limit=100&widget_id=" + options.widget;
            if (!cursor.empty()) {
                std::string encoded;
                Poco::URI::encode(cursor, "&=+?#/", encoded);
                path += "&cursor=" + encoded;
            }
            const auto reply = client.get(path, token);
            if (reply.status != 200) throw std::runtime_error(reply.describe());
            const auto page = parseObject(reply.body);
            const auto requests = page->getArray("requests");
            for (std::size_t i = 0; i < requests->size(); ++i) {
                ++pending;
                const auto method = requests->getObject(static_cast<unsigned>(i))->getValue<std::string>("method");
                if (method != options.slowMethod) ++pendingFast;
            }
            cursor = page->isNull("next_cursor") ? "" : page->getValue<std::string>("next_cursor");
        } while (!cursor.empty());
        std::printf("hub          %zu requests still pending, %zu of them fast (the rest wait for the slow receiver)\n",
                    pending, pendingFast);
        return pendingFast == 0;
    } catch (const std::exception& error) {
        std::printf("hub          cannot list pending requests: %s\n", describe(error).c_str());
        return false;
    }
}

int run(const Options& options) {
    const Poco::URI base(options.url);
    if (base.getScheme() != "http") throw std::invalid_argument("--url must be an http:// URL");
    std::printf("target       %s  widget=%s  fast=%s (127.0.0.1:%d)  slow=%s (127.0.0.1:%d, holds %gs, %.2g%% of "
                "requests)  connections=%d\n",
                options.url.c_str(), options.widget.c_str(), options.fastMethod.c_str(), options.fastPort,
                options.slowMethod.c_str(), options.slowPort, options.slowHoldS, 100 * options.slowShare,
                options.connections);

    const SignatureVerifier verifier(options.secret);
    ReceiptBook book;
    ReceiverBehaviour fastBehaviour;
    ReceiverBehaviour slowBehaviour;
    slowBehaviour.slow = true;
    slowBehaviour.hold = std::chrono::milliseconds(static_cast<std::int64_t>(options.slowHoldS * 1000));
    Receiver fastReceiver(options.fastPort, options.receiverThreads, verifier, book, fastBehaviour);
    Receiver slowReceiver(options.slowPort, 32, verifier, book, slowBehaviour);
    RequestMaker maker(options, base);

    const auto live = livePhase(options, maker, book);
    const auto drain = options.backlogS > 0 ? backlogPhase(options, maker, book, fastBehaviour) : DrainFigures{};
    bool ok = live.ok && drain.ok;

    std::printf("slow         %zu deliveries received (each held %g s)\n", book.slow().size(), options.slowHoldS);
    std::printf("checks       duplicates %lld, bad signatures %lld, unreadable payloads %lld\n",
                static_cast<long long>(book.duplicates()), static_cast<long long>(book.badSignatures()),
                static_cast<long long>(book.malformedCount()));
    if (book.badSignatures() > 0 || book.malformedCount() > 0) ok = false;
    if (!options.agentEmail.empty() && !options.agentPassword.empty() && !noFastRequestPending(options, base))
        ok = false;

    std::printf("RESULT live_created=%zu live_delivered=%zu steady_per_s=%.0f overall_per_s=%.0f p50_ms=%.1f "
                "p99_ms=%.1f backlog=%zu drain_per_s=%.0f drain_p10_p90_per_s=%.0f duplicates=%lld "
                "bad_signatures=%lld\n",
                live.fastCreated, live.delivered, live.steadyPerS, live.overallPerS, live.p50Ms, live.p99Ms,
                drain.backlog, drain.perS, drain.middlePerS, static_cast<long long>(book.duplicates()),
                static_cast<long long>(book.badSignatures()));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    // Each phase's lines as they are printed, also into a file or a pipe.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    Options options;
    try {
        options = parseOptions(argc, argv);
    } catch (const std::invalid_argument& error) {
        std::cerr << "switchboard_webhook_load: " << error.what() << "\n" << kUsage;
        return 2;
    }
    try {
        return run(options);
    } catch (const Poco::Exception& error) {
        std::cerr << "switchboard_webhook_load: " << error.displayText() << "\n";
    } catch (const std::exception& error) {
        std::cerr << "switchboard_webhook_load: " << error.what() << "\n";
    }
    return 1;
}
