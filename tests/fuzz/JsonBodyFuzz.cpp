// libFuzzer target for the request body reader (core/http/JsonBody). Input: a request body. It is either refused
// with 400 `invalid_json`, or with 422 `validation_failed` when a string holds U+0000, or accepted; an accepted body is blank or well-formed UTF-8 text of one JSON object with
// nothing after it but whitespace, whose condensed form parses back to itself, and every typed accessor on each
// of its keys either answers or refuses with a 4xx ApiError naming that key. Any other exception, or a broken
// invariant, traps.
// Built and run by tests/fuzz/run.

#include "core/common/ApiError.h"
#include "core/common/Validation.h"
#include "core/http/JsonBody.h"
#include "tests/fuzz/FuzzCheck.h"

#include <Poco/JSON/Stringifier.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

using switchboard::core::common::ApiError;
using switchboard::core::common::isValidUtf8;
using switchboard::core::http::JsonBody;
using switchboard::tests::fuzz::check;

namespace {

std::string condensed(const JsonBody& body) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(body.object(), out);
    return out.str();
}

/// Whether JSON text escapes U+0000 (`\u0000`) somewhere; an escaped backslash followed by "u0000" is not one.
bool escapesNul(const std::string& text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '\\') continue;
        if (text.compare(i + 1, 5, "u0000") == 0) return true;
        ++i; // the escaped character, whatever it is
    }
    return false;
}

/// Runs one accessor; a refusal must be a client error that names `key` (or a dotted path below it).
template <typename Read>
void access(const std::string& key, Read read) {
    try {
        read();
    } catch (const ApiError& error) {
        check(error.status() == 400 || error.status() == 422);
        check(error.field() && error.field()->starts_with(key));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::optional<JsonBody> body;
    try {
        body.emplace(JsonBody::parse(text));
    } catch (const ApiError& error) {
        if (error.status() == 422) { // U+0000 in a string value (JsonNulCheck)
            check(error.code() == "validation_failed" && escapesNul(text));
        } else {
            check(error.status() == 400 && error.code() == "invalid_json");
        }
        return 0;
    }
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
    check(blank || isValidUtf8(text));
    if (!blank) { // one object and nothing after it but whitespace
        check(text[text.find_first_not_of(" \t\r\n")] == '{');
        check(text[text.find_last_not_of(" \t\r\n")] == '}');
    }
    check(!blank || body->object()->size() == 0);

    const std::string once = condensed(*body);
    check(isValidUtf8(once));
    check(!escapesNul(once));
    check(condensed(JsonBody::parse(once)) == once);

    std::vector<std::string> keys;
    body->object()->getNames(keys);
    for (const auto& key : keys) {
        check(isValidUtf8(key));
        check(body->contains(key));
        access(key, [&] { check(!body->optString(key) || isValidUtf8(*body->optString(key))); });
        access(key, [&] { body->optInteger(key); });
        access(key, [&] { body->optBool(key); });
        access(key, [&] { body->optStringArray(key); });
        access(key, [&] { body->optStringMap(key); });
        access(key, [&] { body->requireString(key); });
    }
    try {
        body->requireAnyOf({"subject", "priority"});
        check(body->contains("subject") || body->contains("priority"));
    } catch (const ApiError& error) {
        check(error.status() == 422 && !body->contains("subject") && !body->contains("priority"));
    }
    return 0;
}
