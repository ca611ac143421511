#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <cstddef>
#include <string>

namespace switchboard::core::http {

/// What one request may take before the parser refuses it.
struct HttpParserLimits {
    /// The request line and the header fields (and a chunked body's trailer) together; beyond it 431.
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t maxHeaderCount = 100;
    /// The body after any chunked framing is removed; beyond it 413.
    std::size_t maxBodyBytes = 64 * 1024;
};

/// A request exactly as it came off the wire, framing removed: nothing is decoded or routed yet.
struct ParsedRequest {
    std::string method;
    /// The request target as sent (origin-form `/path?query`, absolute-form, or `*`).
    std::string target;
    /// 0 or 1, of HTTP/1.x.
    int versionMinor = 1;
    Poco::Net::NameValueCollection headers; // case-insensitive names
    std::string body;
    /// Whether the connection stays open after the answer (HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with
    /// `Connection: keep-alive`).
    bool keepAlive = true;
    /// The client waits for `100 Continue` before it sends its body.
    bool expectsContinue = false;
};

/// Reads HTTP/1.x requests incrementally from whatever pieces the socket delivers, strictly: the request line
/// and header fields as RFC 9112 writes them (CRLF line ends, no folding, no space before a colon, one Host),
/// a body framed by Content-Length or chunked, never both (a request that could be read two ways is how
/// requests get smuggled past a proxy). Runs on the event loop: it never blocks and keeps at most one
/// request plus what the client sent behind it.
///
/// After `Complete`, `take()` hands over the request and parsing goes on with the bytes already buffered
/// (pipelined requests): call `feed(nullptr, 0)` to parse those.
class HttpRequestParser {
public:
    enum class State {
        /// No byte of a request yet (a kept-alive connection between requests).
        Idle,
        /// Inside the request line and header fields.
        Head,
        /// The head is complete; the body is still arriving.
        Body,
        Complete,
        Failed,
    };

    explicit HttpRequestParser(HttpParserLimits limits) : _limits(limits) {}

    /// Appends bytes and parses as far as they go. Stops at the end of a complete request.
    State feed(const char* data, std::size_t size);
    State state() const { return _state; }

    /// The complete request; the parser then starts on the next one.
    ParsedRequest take();
    /// The head read so far (method, target, headers once the head is complete); meaningful in `Body`, and in
    /// `Failed` when the head was complete (a body too large is refused knowing the request it belonged to).
    const ParsedRequest& current() const { return _request; }
    bool headComplete() const { return _headComplete; }
    /// The body's length as the head announced it (Content-Length); 0 for a chunked body, whose length is unknown.
    std::size_t announcedBodyBytes() const { return _contentLength; }
    /// Body bytes received for the current request.
    std::size_t bodyBytes() const { return _request.body.size(); }

    /// The HTTP status that answers a failure (400, 413, 431, 501 or 505) and why, in words for the client.
    int failureStatus() const { return _failureStatus; }
    const std::string& failureReason() const { return _failureReason; }

    /// Bytes buffered and not yet part of a taken request.
    std::size_t bufferedBytes() const { return _buffer.size() - _consumed; }
    /// Hands over the bytes buffered behind the taken request, when the connection stops speaking HTTP.
    std::string takeBuffered();

private:
    enum class BodyFraming { None, Length, Chunked };
    enum class ChunkPart { Size, Data, DataEnd, Trailer };

    void parse();
    bool parseHead();
    bool parseRequestLine(std::string_view line);
    bool parseHeaderLine(std::string_view line);
    bool decideFraming();
    bool parseLengthBody();
    bool parseChunkedBody();
    /// The next CRLF-terminated line from the buffer, without its CRLF; false when it is not complete yet.
    bool nextLine(std::string_view& line, std::size_t limit, int statusWhenTooLong, const char* whatWhenTooLong);
    /// The bytes of a line whose CRLF has not arrived yet.
    std::size_t partialLineBytes() const;
    void fail(int status, std::string reason);
    void compact();

    const HttpParserLimits _limits;
    State _state = State::Idle;
    std::string _buffer;
    std::size_t _consumed = 0;
    /// Where the search for the end of the head resumes, so a head arriving byte by byte is not rescanned.
    std::size_t _scanned = 0;
    ParsedRequest _request;
    bool _headComplete = false;
    BodyFraming _framing = BodyFraming::None;
    std::size_t _contentLength = 0;
    ChunkPart _chunkPart = ChunkPart::Size;
    std::size_t _chunkRemaining = 0;
    std::size_t _trailerBytes = 0;
    int _failureStatus = 0;
    std::string _failureReason;
};

} // namespace switchboard::core::http
