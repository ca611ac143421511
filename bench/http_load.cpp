// Closed-loop load generator for POST /api/widget/messages.
//
// Creates --visitors conversations through POST /api/widget/init, then runs --connections threads, each with
// one keep-alive connection, that post messages round-robin for their share of the visitors: a new request
// starts as soon as the previous one is answered. Latencies of requests started after --warmup seconds are
// kept in full and sorted for the percentiles. At the end a sample of conversations is read back through
// GET /api/widget/messages to check that every acknowledged message was stored.

#include "bench/BenchSupport.h"
#include "bench/HubClient.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace switchboard::bench;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kUsage =
    "usage: switchboard_http_load --url http://127.0.0.1:PORT [options]\n"
    "  --visitors N      conversations created before the run (default 200)\n"
    "  --connections C   threads, one keep-alive connection each (default 32)\n"
    "  --duration S      measured seconds (default 10)\n"
    "  --warmup S        seconds of load before measuring starts (default 2)\n"
    "  --text-bytes B    length of each message text (default 80)\n"
    "  --widget ID       widget the visitors chat with (default bench)\n"
    "  --verify N        conversations read back after the run, 0 = none (default 50)\n";

struct Options {
    std::string url;
    int visitors = 200;
    int connections = 32;
    double durationS = 10;
    double warmupS = 2;
    int textBytes = 80;
    std::string widget = "bench";
    int verify = 50;
};

Options parseOptions(int argc, char** argv) {
    Options options;
    forEachOption(argc, argv, kUsage, [&](const std::string& name, const std::string& value) {
        if (name == "--url") options.url = value;
        else if (name == "--visitors") options.visitors = wholeNumber(name, value, 1);
        else if (name == "--connections") options.connections = wholeNumber(name, value, 1);
        else if (name == "--duration") options.durationS = decimal(name, value, 0.1);
        else if (name == "--warmup") options.warmupS = decimal(name, value, 0);
        else if (name == "--text-bytes") options.textBytes = wholeNumber(name, value, 1);
        else if (name == "--widget") options.widget = value;
        else if (name == "--verify") options.verify = wholeNumber(name, value, 0);
        else throw std::invalid_argument("unknown option " + name);
    });
    if (options.url.empty()) throw std::invalid_argument("--url is required");
    options.connections = std::min(options.connections, options.visitors);
    return options;
}

struct Visitor {
    VisitorCredentials credentials;
    /// Messages the hub answered 201 for; each visitor belongs to one thread, so no synchronisation.
    std::int64_t acknowledged = 0;
};

/// Keeps the first few failures for the report; every failure is counted by its thread.
class FailureLog {
public:
    void add(const std::string& what) {
        std::lock_guard lock(_mutex);
        if (_kept.size() < kKept) _kept.push_back(what);
    }

    void print() const {
        for (const auto& what : _kept) std::cout << "  " << what << "\n";
    }

private:
    static constexpr std::size_t kKept = 5;
    std::mutex _mutex;
    std::vector<std::string> _kept;
};

std::string percentEncode(const std::string& text) {
    std::string encoded;
    Poco::URI::encode(text, "&=+?#/", encoded);
    return encoded;
}

/// Visitor v is served by thread v % connections, during creation and under load alike.
std::vector<Visitor> createVisitors(const Options& options, const Poco::URI& base, FailureLog& failures) {
    std::vector<Visitor> visitors(static_cast<std::size_t>(options.visitors));
    std::atomic<int> failed{0};
    onThreads(options.connections, [&](int thread) {
        HubClient client(base.getHost(), base.getPort());
        for (int v = thread; v < options.visitors; v += options.connections) {
            try {
                visitors[static_cast<std::size_t>(v)].credentials = client.startVisitor(options.widget, v);
            } catch (const std::exception& error) {
                failures.add("init: " + describe(error));
                ++failed;
            }
        }
    });
    if (failed > 0) throw std::runtime_error(std::to_string(failed.load()) + " visitor(s) could not be created");
    return visitors;
}

struct ThreadResult {
    std::vector<double> latenciesMs;
    /// Failed requests, warm-up included.
    std::int64_t errors = 0;
    SteadyClock::time_point lastFinish{};
};

struct LoadResult {
    std::vector<double> latenciesMs; // sorted
    std::int64_t errors = 0;
    double measuredS = 0;
};

LoadResult runLoad(const Options& options, const Poco::URI& base, std::vector<Visitor>& visitors,
                   FailureLog& failures) {
    const std::string text = jsonString(messageText(options.textBytes));
    const auto runId = std::to_string(std::random_device{}());
    const auto start = SteadyClock::now();
    const auto measureFrom = start + std::chrono::duration_cast<SteadyClock::duration>(
                                         std::chrono::duration<double>(options.warmupS));
    const auto stopAt = measureFrom + std::chrono::duration_cast<SteadyClock::duration>(
                                          std::chrono::duration<double>(options.durationS));
    std::vector<ThreadResult> results(static_cast<std::size_t>(options.connections));

    onThreads(options.connections, [&](int thread) {
        auto& result = results[static_cast<std::size_t>(thread)];
        result.latenciesMs.reserve(1 << 16);
        std::vector<Visitor*> share;
        for (int v = thread; v < options.visitors; v += options.connections)
            share.push_back(&visitors[static_cast<std::size_t>(v)]);
        HubClient client(base.getHost(), base.getPort());
        const std::string idPrefix = "b" + runId + "-" + std::to_string(thread) + "-";
        std::string body;
        for (std::int64_t sent = 0;; ++sent) {
            const auto began = SteadyClock::now();
            if (began >= stopAt) break;
            auto& visitor = *share[static_cast<std::size_t>(sent) % share.size()];
            body = "{\"conversation_id\":\"" + visitor.credentials.conversationId + "\",\"text\":" + text +
                   ",\"client_msg_id\":\"" + idPrefix + std::to_string(sent) + "\"}";
            bool ok = false;
            try {
                auto reply = client.post("/api/widget/messages", body, visitor.credentials.token);
                ok = reply.status == 201;
                if (ok) ++visitor.acknowledged;
                else failures.add("message: " + reply.describe());
            } catch (const std::exception& error) {
                failures.add("message: " + describe(error));
            }
            const auto finished = SteadyClock::now();
            if (!ok) ++result.errors;
            if (began < measureFrom) continue;
            result.lastFinish = finished;
            if (ok) result.latenciesMs.push_back(std::chrono::duration<double, std::milli>(finished - began).count());
        }
    });

    LoadResult load;
    auto lastFinish = measureFrom;
    for (auto& result : results) {
        load.latenciesMs.insert(load.latenciesMs.end(), result.latenciesMs.begin(), result.latenciesMs.end());
        load.errors += result.errors;
        lastFinish = std::max(lastFinish, result.lastFinish);
    }
    std::sort(load.latenciesMs.begin(), load.latenciesMs.end());
    load.measuredS = std::chrono::duration<double>(lastFinish - measureFrom).count();
    return load;
}

/// Number of visitor messages stored in the conversation, read page by page.
std::int64_t storedVisitorMessages(HubClient& client, const Visitor& visitor) {
    std::int64_t count = 0;
    std::int64_t afterSeq = 0;
    for (;;) {
        auto reply = client.get("/api/widget/messages?conversation_id=" +
                                    percentEncode(visitor.credentials.conversationId) +
                                    "&limit=500&after_seq=" + std::to_string(afterSeq),
                                visitor.credentials.token);
        if (reply.status != 200) throw std::runtime_error(reply.describe());
        auto json = parseObject(reply.body);
        auto messages = json->getArray("messages");
        for (std::size_t i = 0; i < messages->size(); ++i) {
            auto message = messages->getObject(static_cast<unsigned>(i));
            if (message->getValue<std::string>("sender_type") == "visitor") ++count;
            afterSeq = message->getValue<std::int64_t>("seq");
        }
        if (!json->getValue<bool>("has_more") || messages->size() == 0) return count;
    }
}

/// Reads back an evenly spread sample of conversations; returns how many hold exactly what was acknowledged.
int verify(const Poco::URI& base, const std::vector<Visitor>& visitors, int sample) {
    HubClient client(base.getHost(), base.getPort());
    int matching = 0;
    const auto step = static_cast<double>(visitors.size()) / sample;
    for (int i = 0; i < sample; ++i) {
        const auto& visitor = visitors[static_cast<std::size_t>(i * step)];
        try {
            const auto stored = storedVisitorMessages(client, visitor);
            if (stored == visitor.acknowledged) ++matching;
            else
                std::cout << "  conversation " << visitor.credentials.conversationId << ": " << visitor.acknowledged
                          << " acknowledged, " << stored << " stored\n";
        } catch (const std::exception& error) {
            std::cout << "  conversation " << visitor.credentials.conversationId
                      << ": cannot read back: " << describe(error) << "\n";
        }
    }
    return matching;
}

int run(const Options& options) {
    const Poco::URI base(options.url);
    if (base.getScheme() != "http") throw std::invalid_argument("--url must be an http:// URL");
    std::printf("target       %s  widget=%s  visitors=%d  connections=%d  warmup=%gs  duration=%gs  text=%dB\n",
                options.url.c_str(), options.widget.c_str(), options.visitors, options.connections, options.warmupS,
                options.durationS, options.textBytes);

    FailureLog failures;
    const auto creating = SteadyClock::now();
    std::vector<Visitor> visitors;
    try {
        visitors = createVisitors(options, base, failures);
    } catch (const std::exception& error) {
        std::cout << "error: " << error.what() << "; first failures:\n";
        failures.print();
        return 1;
    }
    std::printf("visitors     %d created in %.2f s\n", options.visitors,
                std::chrono::duration<double>(SteadyClock::now() - creating).count());

    auto load = runLoad(options, base, visitors, failures);
    const auto& samples = load.latenciesMs;
    const double rate = load.measuredS > 0 ? static_cast<double>(samples.size()) / load.measuredS : 0;
    std::printf("messages/s   %.0f  (%zu acknowledged in %.2f s)\n", rate, samples.size(), load.measuredS);
    std::printf("latency ms   p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n", percentile(samples, 0.50),
                percentile(samples, 0.90), percentile(samples, 0.99), percentile(samples, 0.999),
                samples.empty() ? 0.0 : samples.back());
    std::printf("errors       %lld\n", static_cast<long long>(load.errors));
    if (load.errors > 0) {
        std::cout << "first failures:\n";
        failures.print();
    }

    const int sample = std::min(options.verify, options.visitors);
    int verified = sample;
    if (sample > 0) {
        verified = verify(base, visitors, sample);
        std::printf("verified %d/%d conversations\n", verified, sample);
    }
    std::printf("RESULT messages_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%lld "
                "verified=%d/%d\n",
                rate, percentile(samples, 0.50), percentile(samples, 0.90), percentile(samples, 0.99),
                percentile(samples, 0.999), samples.empty() ? 0.0 : samples.back(),
                static_cast<long long>(load.errors), verified, sample);
    return load.errors == 0 && verified == sample && !samples.empty() ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parseOptions(argc, argv);
    } catch (const std::invalid_argument& error) {
        std::cerr << "switchboard_http_load: " << error.what() << "\n" << kUsage;
        return 2;
    }
    try {
        return run(options);
    } catch (const Poco::Exception& error) {
        std::cerr << "switchboard_http_load: " << error.displayText() << "\n";
    } catch (const std::exception& error) {
        std::cerr << "switchboard_http_load: " << error.what() << "\n";
    }
    return 1;
}
