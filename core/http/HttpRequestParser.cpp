#include "core/http/HttpRequestParser.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace switchboard::core::http {

namespace {

constexpr std::string_view Crlf = "\r\n";
constexpr std::string_view HeadEnd = "\r\n\r\n";
/// A chunk-size line with its extensions; nothing legitimate comes close.
constexpr std::size_t MaxChunkLineBytes = 1024;
/// Hex digits of a chunk size: 15 keep the size far from overflowing std::size_t.
constexpr std::size_t MaxChunkSizeDigits = 15;
/// Decimal digits of a Content-Length for the same reason.
constexpr std::size_t MaxLengthDigits = 18;
/// Bytes already parsed that are worth moving out of the buffer's front.
constexpr std::size_t CompactAfterBytes = 4096;

/// RFC 9110 `tchar`: what a method and a header name are made of.
bool isTokenChar(unsigned char c) {
    if (c >= '0' && c <= '9') return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool isToken(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return isTokenChar(static_cast<unsigned char>(c)); });
}

/// A field value's bytes: visible ASCII, space, tab and obs-text; never another control character.
bool isFieldValue(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c == '\t' || (c >= 0x20 && c != 0x7f);
    });
}

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// Calls `each` for every comma-separated element of every value of header `name`, trimmed, empty ones skipped.
template <class Each>
void forEachListElement(const Poco::Net::NameValueCollection& headers, const std::string& name, Each each) {
    for (auto it = headers.find(name); it != headers.end() && Poco::icompare(it->first, name) == 0; ++it) {
        std::string_view rest = it->second;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto element = trimSpaces(rest.substr(0, comma));
            if (!element.empty()) each(element);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
}

std::size_t countOf(const Poco::Net::NameValueCollection& headers, const std::string& name) {
    std::size_t count = 0;
    for (auto it = headers.find(name); it != headers.end() && Poco::icompare(it->first, name) == 0; ++it) ++count;
    return count;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

HttpRequestParser::State HttpRequestParser::feed(const char* data, std::size_t size) {
    if (_state == State::Failed) return _state;
    if (size > 0) _buffer.append(data, size);
    if (_state != State::Complete) parse();
    return _state;
}

ParsedRequest HttpRequestParser::take() {
    ParsedRequest taken = std::move(_request);
    _request = ParsedRequest{};
    _state = State::Idle;
    _headComplete = false;
    _framing = BodyFraming::None;
    _contentLength = 0;
    _chunkPart = ChunkPart::Size;
    _chunkRemaining = 0;
    _trailerBytes = 0;
    compact();
    return taken;
}

std::string HttpRequestParser::takeBuffered() {
    std::string rest = _buffer.substr(_consumed);
    _buffer.clear();
    _consumed = 0;
    _scanned = 0;
    return rest;
}

void HttpRequestParser::parse() {
    while (true) {
        switch (_state) {
        case State::Idle:
        case State::Head:
            if (!parseHead()) return;
            _headComplete = true;
            if (!decideFraming()) return;
            _state = _framing == BodyFraming::None ? State::Complete : State::Body;
            break;
        case State::Body:
            if (_framing == BodyFraming::Length ? parseLengthBody() : parseChunkedBody()) _state = State::Complete;
            return;
        case State::Complete:
        case State::Failed:
            return;
        }
    }
}

bool HttpRequestParser::parseHead() {
    if (_state == State::Idle) {
        // Empty lines before a request line are skipped (RFC 9112 §2.2): some clients send one after a body.
        while (_buffer.compare(_consumed, Crlf.size(), Crlf) == 0) _consumed += Crlf.size();
        compact();
        if (bufferedBytes() == 0 || (bufferedBytes() == 1 && _buffer[_consumed] == '\r')) return false;
        _state = State::Head;
        _scanned = _consumed;
    }
    // The request line alone over the limit is 414 however the bytes arrive: decided by where its end falls, not by
    // whether it has arrived yet when the limit is passed.
    const auto lineEnd = _buffer.find(Crlf, _consumed);
    if ((lineEnd == std::string::npos ? partialLineBytes() : lineEnd - _consumed) > _limits.maxHeaderBytes) {
        fail(414, "the request line is too long");
        return false;
    }
    const auto from = std::max(_scanned, _consumed + HeadEnd.size() - 1) - (HeadEnd.size() - 1);
    const auto end = _buffer.find(HeadEnd, from);
    if (end == std::string::npos) {
        _scanned = _buffer.size();
        // Until the request line has ended, the 414 above has the say: past the limit here it is a line of just the
        // limit with a CR last, and the next byte tells whether that CR ends it.
        if (lineEnd != std::string::npos && bufferedBytes() > _limits.maxHeaderBytes)
            fail(431, "the request's header fields are too large");
        return false;
    }
    const auto headBytes = end + HeadEnd.size() - _consumed;
    if (headBytes > _limits.maxHeaderBytes) {
        fail(431, "the request's header fields are too large");
        return false;
    }
    std::string_view head(_buffer.data() + _consumed, end - _consumed);
    _consumed += headBytes;
    bool first = true;
    while (true) {
        const auto lineEnd = head.find(Crlf);
        const auto line = head.substr(0, lineEnd);
        if (first ? !parseRequestLine(line) : !parseHeaderLine(line)) return false;
        first = false;
        if (lineEnd == std::string_view::npos) break;
        head.remove_prefix(lineEnd + Crlf.size());
    }
    return true;
}

bool HttpRequestParser::parseRequestLine(std::string_view line) {
    const auto firstSpace = line.find(' ');
    const auto lastSpace = line.rfind(' ');
    if (firstSpace == std::string_view::npos || firstSpace == lastSpace) {
        fail(400, "malformed request line");
        return false;
    }
    const auto method = line.substr(0, firstSpace);
    const auto target = line.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const auto version = line.substr(lastSpace + 1);
    const bool targetValid = !target.empty() && std::all_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    if (!isToken(method) || !targetValid) {
        fail(400, "malformed request line");
        return false;
    }
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' || version[5] < '0' ||
        version[5] > '9' || version[7] < '0' || version[7] > '9') {
        fail(400, "malformed HTTP version");
        return false;
    }
    if (version[5] != '1' || version[7] > '1') {
        fail(505, "only HTTP/1.0 and HTTP/1.1 are served");
        return false;
    }
    _request.method = std::string(method);
    _request.target = std::string(target);
    _request.versionMinor = version[7] - '0';
    return true;
}

bool HttpRequestParser::parseHeaderLine(std::string_view line) {
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        fail(400, "folded header lines are not accepted");
        return false;
    }
    const auto colon = line.find(':');
    const auto name = line.substr(0, colon);
    if (colon == std::string_view::npos || !isToken(name)) {
        fail(400, "malformed header field");
        return false;
    }
    const auto value = trimSpaces(line.substr(colon + 1));
    if (!isFieldValue(value)) {
        fail(400, "invalid character in header field " + std::string(name));
        return false;
    }
    if (_request.headers.size() >= _limits.maxHeaderCount) {
        fail(431, "too many header fields");
        return false;
    }
    _request.headers.add(std::string(name), std::string(value));
    return true;
}

bool HttpRequestParser::decideFraming() {
    const auto& headers = _request.headers;
    const bool http11 = _request.versionMinor == 1;
    const auto hosts = countOf(headers, "Host");
    if (hosts > 1 || (http11 && hosts == 0)) {
        fail(400, http11 && hosts == 0 ? "an HTTP/1.1 request needs a Host header" : "more than one Host header");
        return false;
    }

    bool closeAsked = false;
    bool keepAliveAsked = false;
    forEachListElement(headers, "Connection", [&](std::string_view token) {
        if (equalsIgnoringCase(token, "close")) closeAsked = true;
        if (equalsIgnoringCase(token, "keep-alive")) keepAliveAsked = true;
    });
    _request.keepAlive = !closeAsked && (http11 || keepAliveAsked);
    _request.expectsContinue = http11 && equalsIgnoringCase(headers.get("Expect", ""), "100-continue");

    if (headers.has("Transfer-Encoding")) {
        if (!http11 || headers.has("Content-Length")) {
            fail(400, http11 ? "Content-Length and Transfer-Encoding together" : "Transfer-Encoding in HTTP/1.0");
            return false;
        }
        std::size_t codings = 0;
        bool onlyChunked = true;
        forEachListElement(headers, "Transfer-Encoding", [&](std::string_view coding) {
            ++codings;
            onlyChunked = onlyChunked && equalsIgnoringCase(coding, "chunked");
        });
        if (codings != 1 || !onlyChunked) {
            fail(501, "only the chunked transfer coding is supported");
            return false;
        }
        _framing = BodyFraming::Chunked;
        return true;
    }

    bool lengthSeen = false;
    bool lengthValid = true;
    forEachListElement(headers, "Content-Length", [&](std::string_view digits) {
        std::size_t value = 0;
        const bool isNumber = !digits.empty() && digits.size() <= MaxLengthDigits &&
                              std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        for (char c : isNumber ? digits : std::string_view()) value = value * 10 + static_cast<std::size_t>(c - '0');
        if (!isNumber || (lengthSeen && value != _contentLength)) lengthValid = false;
        _contentLength = value;
        lengthSeen = true;
    });
    if (!lengthValid || (headers.has("Content-Length") && !lengthSeen)) {
        fail(400, "invalid Content-Length");
        return false;
    }
    if (_contentLength > _limits.maxBodyBytes) {
        fail(413, "the request body exceeds " + std::to_string(_limits.maxBodyBytes) + " bytes");
        return false;
    }
    _framing = _contentLength > 0 ? BodyFraming::Length : BodyFraming::None;
    return true;
}

bool HttpRequestParser::parseLengthBody() {
    const auto take = std::min(_contentLength - _request.body.size(), bufferedBytes());
    _request.body.append(_buffer, _consumed, take);
    _consumed += take;
    compact();
    return _request.body.size() == _contentLength;
}

bool HttpRequestParser::parseChunkedBody() {
    while (true) {
        switch (_chunkPart) {
        case ChunkPart::Size: {
            std::string_view line;
            if (!nextLine(line, MaxChunkLineBytes, 400, "chunk size line too long")) return false;
            const auto extension = line.find(';');
            const auto digits = trimSpaces(line.substr(0, extension));
            const bool isHex = !digits.empty() && digits.size() <= MaxChunkSizeDigits &&
                               std::all_of(digits.begin(), digits.end(),
                                           [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
            if (!isHex || !isFieldValue(line)) {
                fail(400, "malformed chunk size");
                return false;
            }
            std::size_t size = 0;
            for (char c : digits) {
                const auto digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10;
                size = size * 16 + static_cast<std::size_t>(digit);
            }
            if (size > _limits.maxBodyBytes - _request.body.size()) {
                fail(413, "the request body exceeds " + std::to_string(_limits.maxBodyBytes) + " bytes");
                return false;
            }
            _chunkRemaining = size;
            _chunkPart = size == 0 ? ChunkPart::Trailer : ChunkPart::Data;
            break;
        }
        case ChunkPart::Data: {
            const auto take = std::min(_chunkRemaining, bufferedBytes());
            _request.body.append(_buffer, _consumed, take);
            _consumed += take;
            _chunkRemaining -= take;
            compact();
            if (_chunkRemaining > 0) return false;
            _chunkPart = ChunkPart::DataEnd;
            break;
        }
        case ChunkPart::DataEnd:
            if (bufferedBytes() < Crlf.size()) return false;
            if (_buffer.compare(_consumed, Crlf.size(), Crlf) != 0) {
                fail(400, "chunk data not followed by CRLF");
                return false;
            }
            _consumed += Crlf.size();
            _chunkPart = ChunkPart::Size;
            break;
        case ChunkPart::Trailer: {
            // Trailer fields are checked for shape and size, and not kept: nothing here reads them.
            std::string_view line;
            const auto allowance = _limits.maxHeaderBytes - std::min(_trailerBytes, _limits.maxHeaderBytes);
            if (!nextLine(line, allowance, 431, "the request's trailer fields are too large")) return false;
            if (line.empty()) return true;
            _trailerBytes += line.size() + Crlf.size();
            const auto colon = line.find(':');
            if (colon == std::string_view::npos || !isToken(line.substr(0, colon)) ||
                !isFieldValue(line.substr(colon + 1))) {
                fail(400, "malformed trailer field");
                return false;
            }
            break;
        }
        }
    }
}

bool HttpRequestParser::nextLine(std::string_view& line, std::size_t limit, int statusWhenTooLong,
                                 const char* whatWhenTooLong) {
    const auto end = _buffer.find(Crlf, _consumed);
    const auto length = end == std::string::npos ? partialLineBytes() : end - _consumed;
    if (length > limit) {
        fail(statusWhenTooLong, whatWhenTooLong);
        return false;
    }
    if (end == std::string::npos) return false;
    line = std::string_view(_buffer.data() + _consumed, length);
    _consumed = end + Crlf.size();
    return true;
}

std::size_t HttpRequestParser::partialLineBytes() const {
    // A CR at the end may be the first half of the line's CRLF: it is not counted, so that a line just at its limit
    // is judged the same whether its CRLF arrives in one piece or in two.
    return bufferedBytes() - (bufferedBytes() > 0 && _buffer.back() == '\r' ? 1 : 0);
}

void HttpRequestParser::fail(int status, std::string reason) {
    _state = State::Failed;
    _failureStatus = status;
    _failureReason = std::move(reason);
}

void HttpRequestParser::compact() {
    if (_consumed == 0 || (_consumed < CompactAfterBytes && _consumed < _buffer.size())) return;
    _buffer.erase(0, _consumed);
    _scanned = _scanned > _consumed ? _scanned - _consumed : 0;
    _consumed = 0;
    if (_buffer.empty()) _buffer.shrink_to_fit(); // an idle kept-alive connection holds no buffer
}

} // namespace switchboard::core::http
