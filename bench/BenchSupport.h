#pragma once

// Helpers the load generators share: command-line parsing, JSON quoting, percentiles, error texts, threads.

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace switchboard::bench {

/// Calls `apply(name, value)` for every `--name value` or `--name=value` argument; prints `usage` and exits
/// on --help. Throws std::invalid_argument when an option lacks its value.
template <typename Apply>
void forEachOption(int argc, char** argv, const char* usage, Apply apply) {
    for (int i = 1; i < argc; ++i) {
        std::string name = argv[i];
        std::string value;
        if (auto equals = name.find('='); equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
        } else if (name == "--help" || name == "-h") {
            std::cout << usage;
            std::exit(0);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            throw std::invalid_argument(name + " needs a value");
        }
        apply(name, value);
    }
}

inline int wholeNumber(const std::string& name, const std::string& value, int minimum) {
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

/// A non-negative decimal number (seconds, a rate) of at least `minimum`.
inline double decimal(const std::string& name, const std::string& value, double minimum) {
    std::size_t used = 0;
    double parsed = 0;
    try {
        parsed = std::stod(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || !(parsed >= minimum))
        throw std::invalid_argument(name + " must be a number of at least " + std::to_string(minimum));
    return parsed;
}

/// `text` as a JSON string literal; the texts the generators send need no escapes beyond quote and backslash.
inline std::string jsonString(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

/// A chat message of `bytes` characters that reads like one.
inline std::string messageText(int bytes) {
    const std::string words = "hello, I have a question about my order and the delivery date. ";
    std::string text;
    text.reserve(static_cast<std::size_t>(bytes));
    while (static_cast<int>(text.size()) < bytes) text += words[text.size() % words.size()];
    return text;
}

/// Nearest-rank percentile of sorted samples; 0 when there are none.
inline double percentile(const std::vector<double>& sorted, double fraction) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

inline std::string describe(const std::exception& error) {
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&error)) return poco->displayText();
    return error.what();
}

inline Poco::JSON::Object::Ptr parseObject(const std::string& body) {
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

} // namespace switchboard::bench
