// Closed-loop load generator for POST /api/widget/messages.
//
// Creates --visitors conversations through POST /api/widget/init, then runs --connections threads, each with
// one keep-alive connection, that post messages round-robin for their share of the visitors: a new request
// starts as soon as the previous one is answered. Latencies of requests started after --warmup seconds are
// kept in full and sorted for the percentiles. At the end a sample of conversations is read back through
// GET /api/widget/messages to check that every acknowledged message was stored.

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

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

int wholeNumber(const std::string& name, const std::string& value, int minimum) {
    std::size_t used = 0;
    int parsed = 0;
    try {
        parsed = std::stoi(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || parsed < minimum)
        throw std::invalid_argument(name + " must be a whole number of at least " + std::to_string(minimum));
    return parsed;
}

double seconds(const std::string& name, const std::string& value, double minimum) {
    std::size_t used = 0;
    double parsed = 0;
    try {
        parsed = std::stod(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || !(parsed >= minimum))
        throw std::invalid_argument(name + " must be a number of seconds of at least " + std::to_string(minimum));
    return parsed;
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string name = argv[i];
        std::string value;
        if (auto equals = name.find('='); equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
        } else if (name == "--help" || name == "-h") {
            std::cout << kUsage;
            std::exit(0);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            throw std::invalid_argument(name + " needs a value");
        }
        if (name == "--url") options.url = value;
        else if (name == "--visitors") options.visitors = wholeNumber(name, value, 1);
        else if (name == "--connections") options.connections = wholeNumber(name, value, 1);
        else if (name == "--duration") options.durationS = seconds(name, value, 0.1);
        else if (name == "--warmup") options.warmupS = seconds(name, value, 0);
        else if (name == "--text-bytes") options.textBytes = wholeNumber(name, value, 1);
        else if (name == "--widget") options.widget = value;
        else if (name == "--verify") options.verify = wholeNumber(name, value, 0);
        else throw std::invalid_argument("unknown option " + name);
    }
    if (options.url.empty()) throw std::invalid_argument("--url is required");
    options.connections = std::min(options.connections, options.visitors);
    return options;
}

struct Response {
    int status = 0;
    std::string body;
};

/// One keep-alive connection to the hub. A request that fails at the socket level drops the connection, so
/// the next request starts on a fresh one.
class Connection {
public:
    explicit Connection(const Poco::URI& base) : _host(base.getHost()), _port(base.getPort()) { open(); }

    Response post(const std::string& path, const std::string& body, const std::string& token) {
        return send(Poco::Net::HTTPRequest::HTTP_POST, path, &body, token);
    }

    Response get(const std::string& path, const std::string& token) {
        return send(Poco::Net::HTTPRequest::HTTP_GET, path, nullptr, token);
    }

private:
    void open() {
        _session = std::make_unique<Poco::Net::HTTPClientSession>(_host, _port);
        _session->setKeepAlive(true);
        _session->setTimeout(Poco::Timespan(30, 0));
    }

    Response send(const std::string& method, const std::string& path, const std::string* body,
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
            Response result;
            result.status = static_cast<int>(response.getStatus());
            Poco::StreamCopier::copyToString(in, result.body);
            return result;
        } catch (...) {
            open();
            throw;
        }
    }

    std::string _host;
    Poco::UInt16 _port;
    std::unique_ptr<Poco::Net::HTTPClientSession> _session;
};

struct Visitor {
    std::string conversationId;
    std::string token;
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

std::string jsonString(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::string percentEncode(const std::string& text) {
    std::string encoded;
    Poco::URI::encode(text, "&=+?#/", encoded);
    return encoded;
}

std::string describe(const std::exception& error) {
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&error)) return poco->displayText();
    return error.what();
}

std::string describe(const Response& response) {
    return "HTTP " + std::to_string(response.status) + " " + response.body.substr(0, 300);
}

Poco::JSON::Object::Ptr parseObject(const std::string& body) {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

/// Runs `work(thread index)` on `count` threads and waits for all of them.
template <typename Work>
void onThreads(int count, Work work) {
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(count));
    for (int t = 0; t < count; ++t) threads.emplace_back(work, t);
    for (auto& thread : threads) thread.join();
}

/// Visitor v is served by thread v % connections, during creation and under load alike.
std::vector<Visitor> createVisitors(const Options& options, const Poco::URI& base, FailureLog& failures) {
    std::vector<Visitor> visitors(static_cast<std::size_t>(options.visitors));
    std::atomic<int> failed{0};
    onThreads(options.connections, [&](int thread) {
        Connection connection(base);
        for (int v = thread; v < options.visitors; v += options.connections) {
            const auto n = std::to_string(v);
            const std::string body = "{\"widget_id\":" + jsonString(options.widget) + ",\"name\":\"Bench Visitor " + n +
                                     "\",\"email\":\"visitor" + n + "@bench.example.com\"}";
            try {
                auto response = connection.post("/api/widget/init", body, "");
                if (response.status != 201) {
                    failures.add("init: " + describe(response));
                    ++failed;
                    continue;
                }
                auto json = parseObject(response.body);
                auto& visitor = visitors[static_cast<std::size_t>(v)];
                visitor.conversationId = json->getValue<std::string>("conversation_id");
                visitor.token = json->getValue<std::string>("visitor_token");
            } catch (const std::exception& error) {
                failures.add("init: " + describe(error));
                ++failed;
            }
        }
    });
    if (failed > 0) throw std::runtime_error(std::to_string(failed.load()) + " visitor(s) could not be created");
    return visitors;
}

std::string messageText(int bytes) {
    std::string text;
    text.reserve(static_cast<std::size_t>(bytes));
    const std::string words = "hello, I have a question about my order and the delivery date. ";
    while (static_cast<int>(text.size()) < bytes) text += words[text.size() % words.size()];
    return text;
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
        Connection connection(base);
        const std::string idPrefix = "b" + runId + "-" + std::to_string(thread) + "-";
        std::string body;
        for (std::int64_t sent = 0;; ++sent) {
            const auto began = SteadyClock::now();
            if (began >= stopAt) break;
            auto& visitor = *share[static_cast<std::size_t>(sent) % share.size()];
            body = "{\"conversation_id\":\"" + visitor.conversationId + "\",\"text\":" + text +
                   ",\"client_msg_id\":\"" + idPrefix + std::to_string(sent) + "\"}";
            bool ok = false;
            try {
                auto response = connection.post("/api/widget/messages", body, visitor.token);
                ok = response.status == 201;
                if (ok) ++visitor.acknowledged;
                else failures.add("message: " + describe(response));
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

/// Nearest-rank percentile of sorted samples.
double percentile(const std::vector<double>& sorted, double fraction) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

/// Number of visitor messages stored in the conversation, read page by page.
std::int64_t storedVisitorMessages(Connection& connection, const Visitor& visitor) {
    std::int64_t count = 0;
    std::int64_t afterSeq = 0;
    for (;;) {
        auto response = connection.get("/api/widget/messages?conversation_id=" + percentEncode(visitor.conversationId) +
                                           "&limit=500&after_seq=" + std::to_string(afterSeq),
                                       visitor.token);
        if (response.status != 200) throw std::runtime_error(describe(response));
        auto json = parseObject(response.body);
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
    Connection connection(base);
    int matching = 0;
    const auto step = static_cast<double>(visitors.size()) / sample;
    for (int i = 0; i < sample; ++i) {
        const auto& visitor = visitors[static_cast<std::size_t>(i * step)];
        try {
            const auto stored = storedVisitorMessages(connection, visitor);
            if (stored == visitor.acknowledged) ++matching;
            else
                std::cout << "  conversation " << visitor.conversationId << ": " << visitor.acknowledged
                          << " acknowledged, " << stored << " stored\n";
        } catch (const std::exception& error) {
            std::cout << "  conversation " << visitor.conversationId << ": cannot read back: " << describe(error)
                      << "\n";
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
