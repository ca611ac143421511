// libFuzzer target: arbitrary bytes as what a client sends on an HTTP connection. The parser must read the same
// requests (or fail the same way) whether the bytes arrive at once or in pieces, keep to its limits, and refuse
// only with a status it documents; anything else traps.

#include "core/http/HttpRequestParser.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using switchboard::core::http::HttpParserLimits;
using switchboard::core::http::HttpRequestParser;
using switchboard::core::http::ParsedRequest;

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

HttpParserLimits limits() {
    HttpParserLimits result;
    result.maxHeaderBytes = 1024;
    result.maxHeaderCount = 16;
    result.maxBodyBytes = 2048;
    return result;
}

/// What one reading of the input produced: each request taken, then how it ended.
struct Reading {
    std::vector<std::string> requests;
    HttpRequestParser::State end = HttpRequestParser::State::Idle;
    int failureStatus = 0;
};

std::string describe(const ParsedRequest& request) {
    std::string text = request.method + ' ' + request.target + ' ' + std::to_string(request.versionMinor) + ' ' +
                       (request.keepAlive ? 'k' : 'c') + (request.expectsContinue ? 'e' : '-') + '\n';
    for (const auto& [name, value] : request.headers) text += name + ':' + value + '\n';
    return text + '\n' + request.body;
}

Reading read(std::string_view input, std::size_t piece) {
    const auto bounds = limits();
    HttpRequestParser parser(bounds);
    Reading reading;
    const auto takeAll = [&] {
        while (parser.state() == HttpRequestParser::State::Complete) {
            const auto request = parser.take();
            check(request.body.size() <= bounds.maxBodyBytes);
            check(request.headers.size() <= bounds.maxHeaderCount);
            check(!request.method.empty() && !request.target.empty());
            reading.requests.push_back(describe(request));
            parser.feed(nullptr, 0);
        }
    };
    for (std::size_t at = 0; at < input.size(); at += piece) {
        parser.feed(input.data() + at, std::min(piece, input.size() - at));
        takeAll();
    }
    reading.end = parser.state();
    if (reading.end == HttpRequestParser::State::Failed) {
        reading.failureStatus = parser.failureStatus();
        const int status = reading.failureStatus;
        check(status == 400 || status == 413 || status == 414 || status == 431 || status == 501 || status == 505);
        check(!parser.failureReason().empty());
    }
    return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t piece = 1 + data[0] % 17;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto whole = read(input, input.size() + 1);
    const auto pieces = read(input, piece);
    check(whole.requests == pieces.requests);
    check(whole.end == pieces.end);
    check(whole.failureStatus == pieces.failureStatus);
    return 0;
}
