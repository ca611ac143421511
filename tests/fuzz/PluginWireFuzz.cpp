// libFuzzer target for the plugin protocol (core/plugin_wire). Input: the first byte chooses a piece size (1-16),
// the rest is a byte stream from a peer, appended to a FrameDecoder in pieces of that size. Every frame taken out
// is decoded as a message; a call's or notice's params as its method says, and a result's as each method's
// result. Invariants: nothing but WireError is thrown (anything else escapes and fails the run); a failed decoder
// stays failed; what decodes encodes to text that frames, unframes and decodes to a value that encodes to the same
// text again; an error about a call names an id in range.
// Built and run by tests/fuzz/run.

#include "core/plugin_wire/FrameDecoder.h"
#include "core/plugin_wire/FrameEncoder.h"
#include "core/plugin_wire/MethodParamsCodec.h"
#include "core/plugin_wire/MethodResultCodec.h"
#include "core/plugin_wire/WireJson.h"
#include "core/plugin_wire/WireMessageCodec.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string>

using namespace switchboard::core::plugin_wire;
using switchboard::tests::fuzz::check;

namespace {

/// A small limit, so that inputs reach it.
constexpr std::size_t MaxFrameBytes = 4096;

/// `encode(decode(text))`, checked to be stable: decoding it again and encoding gives the same text.
template <typename Decode, typename Encode>
void checkStable(const Poco::JSON::Object::Ptr& json, Decode decode, Encode encode) {
    const auto once = WireJson::write(encode(decode(json)));
    const auto twice = WireJson::write(encode(decode(WireJson::parse(once))));
    check(once == twice);
}

void checkParams(Method method, const Poco::JSON::Object::Ptr& params) {
    try {
        checkStable(
            params, [&](const auto& json) { return MethodParamsCodec::decode(method, json); },
            [](const MethodParams& decoded) { return MethodParamsCodec::encode(decoded); });
    } catch (const WireError& error) {
        check(error.code() == ErrorCode::BadRequest);
    }
}

void checkResult(const Poco::JSON::Object::Ptr& result) {
    for (int i = 0; i < static_cast<int>(Method::Log); ++i) {
        const auto method = static_cast<Method>(i);
        try {
            checkStable(
                result, [&](const auto& json) { return MethodResultCodec::decode(method, json); },
                [](const MethodResult& decoded) { return MethodResultCodec::encode(decoded); });
        } catch (const WireError& error) {
            check(error.code() == ErrorCode::BadRequest);
        }
    }
}

/// The frame `text` encoded and decoded again, through a decoder of its own.
std::string reframed(const std::string& text) {
    const auto frame = FrameEncoder(MaxFrameBytes).encode(text);
    FrameDecoder decoder(MaxFrameBytes);
    decoder.append(frame.data(), frame.size());
    auto again = decoder.next();
    check(again.has_value() && decoder.bufferedBytes() == 0);
    return *again;
}

void checkFrame(const std::string& frame) {
    WireMessage message;
    try {
        message = WireMessageCodec::decode(frame);
    } catch (const WireError& error) {
        check(!error.callId() || (*error.callId() >= 1 && *error.callId() <= MaxCallId));
        return;
    }
    const auto text = WireMessageCodec::encode(message);
    if (text.size() <= MaxFrameBytes) check(reframed(text) == text);
    check(WireMessageCodec::encode(WireMessageCodec::decode(text)) == text);

    if (const auto* call = std::get_if<CallMessage>(&message)) {
        check(call->id >= 1 && call->id <= MaxCallId);
        checkParams(call->method, call->params);
    } else if (const auto* notice = std::get_if<NoticeMessage>(&message)) {
        checkParams(notice->method, notice->params);
    } else if (const auto* result = std::get_if<ResultMessage>(&message)) {
        checkResult(result->result);
    } else if (const auto* hello = std::get_if<HelloMessage>(&message)) {
        check(hello->protocolVersion == ProtocolVersion);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t piece = data[0] % 16 + 1;
    const char* stream = reinterpret_cast<const char*>(data + 1);
    const std::size_t length = size - 1;

    FrameDecoder decoder(MaxFrameBytes);
    for (std::size_t offset = 0; offset < length; offset += piece) {
        try {
            decoder.append(stream + offset, std::min(piece, length - offset));
            while (auto frame = decoder.next()) {
                check(!frame->empty() && frame->size() <= MaxFrameBytes);
                checkFrame(*frame);
            }
        } catch (const WireError& error) {
            check(decoder.failed() && error.code() == ErrorCode::BadRequest);
            check(decoder.bufferedBytes() == 0);
            try {
                decoder.next();
                check(false);
            } catch (const WireError& again) {
                check(std::string(again.what()) == error.what());
            }
            return 0;
        }
    }
    check(!decoder.failed());
    return 0;
}
