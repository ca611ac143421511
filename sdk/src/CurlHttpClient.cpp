#include "CurlHttpClient.h"

#include "AddressPolicy.h"
#include "HeaderSearch.h"
#include "HostResolver.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <new>
#include <string_view>
#include <vector>

namespace switchboard::sdk {

namespace {

using EasyHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;
using SteadyClock = std::chrono::steady_clock;

std::once_flag curlInitialised;

/// Easy handles kept between requests: a handle keeps the connections its requests left open, so the next request
/// to the same host and port skips the connection set-up. A handle is reset before it is kept, so no option of one
/// request reaches the next; what may be reused is only an open connection, and onConnected checks its address
/// like a new one's. Shared by every client: the checks belong to the request, not to the handle.
class HandleCache {
public:
    EasyHandle take() {
        {
            std::lock_guard lock(_mutex);
            if (!_idle.empty()) {
                EasyHandle handle = std::move(_idle.back());
                _idle.pop_back();
                return handle;
            }
        }
        EasyHandle handle(curl_easy_init(), curl_easy_cleanup);
        if (!handle) throw std::bad_alloc();
        return handle;
    }

    void keep(EasyHandle handle) {
        curl_easy_reset(handle.get());
        std::lock_guard lock(_mutex);
        if (_idle.size() < MaxIdle) _idle.push_back(std::move(handle));
    }

private:
    static constexpr std::size_t MaxIdle = 64;

    std::mutex _mutex;
    std::vector<EasyHandle> _idle;
};

HandleCache& handleCache() {
    static HandleCache cache;
    return cache;
}

/// A handle from the cache for one request, given back when the request is over.
class BorrowedHandle {
public:
    BorrowedHandle() : _handle(handleCache().take()) {}
    ~BorrowedHandle() { handleCache().keep(std::move(_handle)); }
    BorrowedHandle(const BorrowedHandle&) = delete;
    BorrowedHandle& operator=(const BorrowedHandle&) = delete;

    CURL* get() const { return _handle.get(); }

private:
    EasyHandle _handle;
};

/// The request's URL as curl parsed it; the same parse is what curl connects to.
struct Target {
    UrlHandle url{nullptr, curl_url_cleanup};
    /// As curl holds it: an IPv6 literal keeps its brackets.
    std::string host;
    std::string port;
};

/// What the callbacks of one transfer share.
struct Transfer {
    HttpResponse response;
    std::size_t maxBodyBytes = 0;
    const std::vector<std::string>* checkedAddresses = nullptr;
    bool reachedUncheckedAddress = false;
};

std::string urlPart(CURLU* url, CURLUPart part, unsigned int flags = 0) {
    char* value = nullptr;
    if (curl_url_get(url, part, &value, flags) != CURLUE_OK) return {};
    std::string text(value);
    curl_free(value);
    return text;
}

Target parseTarget(const std::string& url) {
    Target target;
    target.url.reset(curl_url());
    if (!target.url) throw std::bad_alloc();
    if (curl_url_set(target.url.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        throw HttpError(HttpError::Kind::Refused, "the URL is malformed");
    }
    const std::string scheme = urlPart(target.url.get(), CURLUPART_SCHEME);
    if (scheme != "http" && scheme != "https") {
        throw HttpError(HttpError::Kind::Refused, "only http and https URLs are allowed");
    }
    target.host = urlPart(target.url.get(), CURLUPART_HOST);
    target.port = urlPart(target.url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    if (target.host.empty()) throw HttpError(HttpError::Kind::Refused, "the URL names no host");
    return target;
}

bool isToken(std::string_view text) {
    static constexpr std::string_view Punctuation = "!#$%&'*+-.^_`|~";
    return !text.empty() && std::ranges::all_of(text, [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               Punctuation.find(c) != std::string_view::npos;
    });
}

/// A line break in a method or header would let a caller's data add headers or a second request.
void checkShape(const HttpRequest& request) {
    if (!isToken(request.method)) throw HttpError(HttpError::Kind::Refused, "the request method is malformed");
    for (const auto& [name, value] : request.headers) {
        if (!isToken(name) || value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
            throw HttpError(HttpError::Kind::Refused, "a request header is malformed");
        }
    }
}

/// The addresses the request may connect to: every address of the host, each of them permitted.
std::vector<std::string> checkedAddresses(const std::string& host, const AddressPolicy& policy) {
    const auto literal = AddressPolicy::canonical(host);
    const std::vector<std::string> addresses = literal ? std::vector{*literal} : HostResolver::resolve(host);
    for (const auto& address : addresses) {
        if (!policy.permits(host, address)) {
            const std::string subject = literal ? address : host + " resolves to " + address + ", which";
            throw HttpError(HttpError::Kind::Refused, subject + " is not a public address and is not allow-listed");
        }
    }
    return addresses;
}

/// A CURLOPT_RESOLVE entry that makes curl connect to `addresses` instead of resolving `host` again.
std::string pinning(const Target& target, const std::vector<std::string>& addresses) {
    std::string entry = target.host + ":" + target.port + ":";
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        if (i > 0) entry += ",";
        const bool isV6 = addresses[i].find(':') != std::string::npos;
        entry += isV6 ? "[" + addresses[i] + "]" : addresses[i];
    }
    return entry;
}

void append(HeaderList& list, const std::string& line) {
    curl_slist* head = curl_slist_append(list.get(), line.c_str());
    if (head == nullptr) throw std::bad_alloc();
    list.release();
    list.reset(head);
}

HeaderList requestHeaders(const HttpRequest& request) {
    HeaderList list(nullptr, curl_slist_free_all);
    for (const auto& [name, value] : request.headers) {
        // "Name;" is how curl is told to send a header with an empty value.
        append(list, value.empty() ? name + ";" : name + ": " + value);
    }
    // Unless the caller chose otherwise: no 100-continue round trip, and no form content type made up by curl.
    if (!HeaderSearch::first(request.headers, "Expect")) append(list, "Expect:");
    if (!HeaderSearch::first(request.headers, "Content-Type")) append(list, "Content-Type:");
    return list;
}

std::string_view withoutSurroundingSpace(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::size_t onHeaderLine(char* data, std::size_t size, std::size_t count, void* context) {
    Headers& headers = static_cast<Transfer*>(context)->response.headers;
    const std::size_t length = size * count;
    const std::string_view line(data, length);
    const std::string_view content = withoutSurroundingSpace(line);
    if (line.starts_with("HTTP/")) {
        // A status line starts the headers of a new response (the final one, after any 1xx).
        headers.clear();
    } else if (line.starts_with(' ') || line.starts_with('\t')) {
        if (!headers.empty() && !content.empty()) headers.back().second.append(" ").append(content);
    } else if (const std::size_t colon = content.find(':'); colon != std::string_view::npos) {
        headers.emplace_back(std::string(content.substr(0, colon)),
                             std::string(withoutSurroundingSpace(content.substr(colon + 1))));
    }
    return length;
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* context) {
    Transfer& transfer = *static_cast<Transfer*>(context);
    const std::size_t length = size * count;
    const std::size_t room = transfer.maxBodyBytes - transfer.response.body.size();
    if (length <= room) {
        transfer.response.body.append(data, length);
        return length;
    }
    transfer.response.body.append(data, room);
    transfer.response.truncated = true;
    return CURL_WRITEFUNC_ERROR;
}

// Pinning already makes curl connect to a checked address; this makes sure of it before anything is sent.
int onConnected(void* context, char* primaryIp, char*, int, int) {
    Transfer& transfer = *static_cast<Transfer*>(context);
    const auto connected = AddressPolicy::canonical(primaryIp);
    if (connected && std::ranges::find(*transfer.checkedAddresses, *connected) != transfer.checkedAddresses->end()) {
        return CURL_PREREQFUNC_OK;
    }
    transfer.reachedUncheckedAddress = true;
    return CURL_PREREQFUNC_ABORT;
}

HttpError::Kind kindOf(CURLcode code) {
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return HttpError::Kind::Timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return HttpError::Kind::Connect;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return HttpError::Kind::Refused;
    default:
        return HttpError::Kind::Transfer;
    }
}

long millisecondsSince(SteadyClock::time_point start) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start).count());
}

void setMethodAndBody(CURL* curl, const HttpRequest& request) {
    if (request.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (request.method == "GET" && request.body.empty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        if (request.method != "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
}

} // namespace

CurlHttpClient::CurlHttpClient(OutboundPolicy policy)
    : _policy(std::move(policy)), _addresses(std::make_unique<const AddressPolicy>(_policy.allowedHosts)) {
    std::call_once(curlInitialised, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw Error("libcurl failed to initialise");
    });
}

CurlHttpClient::~CurlHttpClient() = default;

void CurlHttpClient::check(const std::string& url) const { checkedAddresses(parseTarget(url).host, *_addresses); }

HttpResponse CurlHttpClient::send(const HttpRequest& request) {
    const auto started = SteadyClock::now();
    checkShape(request);
    const Target target = parseTarget(request.url);
    const std::vector<std::string> addresses = checkedAddresses(target.host, *_addresses);

    const long remainingMs = _policy.totalTimeoutMs - millisecondsSince(started);
    if (remainingMs <= 0) {
        throw HttpError(HttpError::Kind::Timeout, "resolving " + target.host + " took the whole time limit");
    }

    const BorrowedHandle curl;
    HeaderList pinned(nullptr, curl_slist_free_all);
    if (!AddressPolicy::canonical(target.host)) append(pinned, pinning(target, addresses));
    const HeaderList headers = requestHeaders(request);
    Transfer transfer;
    transfer.maxBodyBytes = _policy.maxResponseBytes;
    transfer.checkedAddresses = &addresses;
    std::array<char, CURL_ERROR_SIZE> errorText{};

    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_CURLU, target.url.get());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle, CURLOPT_PROXY, "");
    curl_easy_setopt(handle, CURLOPT_RESOLVE, pinned.get());
    curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, onConnected);
    curl_easy_setopt(handle, CURLOPT_PREREQDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    const long connectTimeoutMs = std::max(1L, std::min<long>(_policy.connectTimeoutMs, remainingMs));
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMs);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, remainingMs);
    curl_easy_setopt(handle, CURLOPT_USERAGENT, "Switchboard");
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    setMethodAndBody(handle, request);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorText.data());

    CURLcode code = curl_easy_perform(handle);
    long newConnections = 0;
    curl_easy_getinfo(handle, CURLINFO_NUM_CONNECTS, &newConnections);
    if (transfer.reachedUncheckedAddress && newConnections == 0) {
        // A kept connection leads to an address the host no longer resolves to: nothing was sent on it, so the
        // request goes again on a new connection, to the addresses just checked.
        transfer.reachedUncheckedAddress = false;
        const long leftMs = _policy.totalTimeoutMs - millisecondsSince(started);
        if (leftMs <= 0) {
            throw HttpError(HttpError::Kind::Timeout, "the time limit ran out before a connection was made");
        }
        curl_easy_setopt(handle, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                         std::max(1L, std::min<long>(_policy.connectTimeoutMs, leftMs)));
        curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, leftMs);
        code = curl_easy_perform(handle);
    }
    if (transfer.reachedUncheckedAddress) {
        throw HttpError(HttpError::Kind::Refused, "the connection went to an address that was not checked");
    }
    if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && transfer.response.truncated)) {
        throw HttpError(kindOf(code), errorText[0] != '\0' ? errorText.data() : curl_easy_strerror(code));
    }
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    transfer.response.status = static_cast<int>(status);
    transfer.response.elapsedMs = millisecondsSince(started);
    return std::move(transfer.response);
}

} // namespace switchboard::sdk
