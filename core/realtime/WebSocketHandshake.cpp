#include "core/realtime/WebSocketHandshake.h"

#include "core/common/Digest.h"

#include <Poco/SHA1Engine.h>

#include <algorithm>

namespace switchboard::core::realtime {

namespace {

constexpr std::string_view kAcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
constexpr std::size_t kKeyBytes = 16;
// Base64 of 16 bytes with its padding; unpadded or otherwise stretched spellings are refused.
constexpr std::size_t kKeyLength = 24;

char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

std::string_view trimWhitespace(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> headerValues(const WebSocketHandshake::Headers& headers, std::string_view name) {
    std::vector<std::string_view> values;
    for (const auto& [headerName, value] : headers) {
        if (equalsIgnoreCase(headerName, name)) values.push_back(trimWhitespace(value));
    }
    return values;
}

// True when any of the comma-separated tokens of any `name` header equals `token`, ignoring case.
bool hasToken(const WebSocketHandshake::Headers& headers, std::string_view name, std::string_view token) {
    for (std::string_view list : headerValues(headers, name)) {
        while (!list.empty()) {
            const std::size_t comma = list.find(',');
            if (equalsIgnoreCase(trimWhitespace(list.substr(0, comma)), token)) return true;
            list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
        }
    }
    return false;
}

WebSocketHandshake::Answer refuse(int status, std::string reason) {
    WebSocketHandshake::Answer answer;
    answer.status = status;
    answer.reason = std::move(reason);
    return answer;
}

std::string_view statusText(int status) {
    switch (status) {
    case 101: return "Switching Protocols";
    case 400: return "Bad Request";
    case 405: return "Method Not Allowed";
    case 426: return "Upgrade Required";
    default: return "Error";
    }
}

} // namespace

WebSocketHandshake::Answer WebSocketHandshake::evaluate(std::string_view method, std::string_view httpVersion,
                                                        const Headers& headers) {
    if (method != "GET") {
        Answer answer = refuse(405, "WebSocket upgrade needs GET");
        answer.headers.emplace_back("Allow", "GET");
        return answer;
    }
    if (httpVersion != "HTTP/1.1") return refuse(400, "WebSocket upgrade needs HTTP/1.1");
    if (!hasToken(headers, "Upgrade", "websocket")) return refuse(400, "missing Upgrade: websocket");
    if (!hasToken(headers, "Connection", "upgrade")) return refuse(400, "missing Connection: Upgrade");

    const auto versions = headerValues(headers, "Sec-WebSocket-Version");
    if (versions.size() != 1 || versions.front() != "13") {
        Answer answer = refuse(426, "unsupported Sec-WebSocket-Version");
        answer.headers.emplace_back("Sec-WebSocket-Version", "13");
        return answer;
    }

    const auto keys = headerValues(headers, "Sec-WebSocket-Key");
    if (keys.size() != 1) return refuse(400, "missing or repeated Sec-WebSocket-Key");
    const std::string_view key = keys.front();
    const auto nonce = common::Digest::base64Decode(key);
    if (key.size() != kKeyLength || !nonce || nonce->size() != kKeyBytes) {
        return refuse(400, "Sec-WebSocket-Key is not base64 of 16 bytes");
    }

    Answer answer;
    answer.status = 101;
    answer.headers = {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}, {"Sec-WebSocket-Accept", acceptKey(key)}};
    return answer;
}

std::string WebSocketHandshake::acceptKey(std::string_view clientKey) {
    Poco::SHA1Engine sha1;
    sha1.update(clientKey.data(), clientKey.size());
    sha1.update(kAcceptGuid.data(), kAcceptGuid.size());
    const auto& digest = sha1.digest();
    return common::Digest::base64(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::string WebSocketHandshake::responseText(const Answer& answer) {
    std::string text = "HTTP/1.1 " + std::to_string(answer.status) + " ";
    text += statusText(answer.status);
    text += "\r\n";
    for (const auto& [name, value] : answer.headers) text += name + ": " + value + "\r\n";
    if (!answer.accepted()) {
        text += "Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
                std::to_string(answer.reason.size()) + "\r\n";
    }
    text += "\r\n";
    if (!answer.accepted()) text += answer.reason;
    return text;
}

} // namespace switchboard::core::realtime
