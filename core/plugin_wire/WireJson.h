#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

namespace switchboard::core::plugin_wire {

/// A message's JSON text, both ways, as the plugin protocol allows it: one object, UTF-8, no U+0000 in any string
/// or key, integers within 64 bits, no key twice in an object, nesting at most MaxDepth deep.
class WireJson {
public:
    static constexpr std::size_t MaxDepth = 32;

    /// The object `text` holds. Throws WireError (`bad_request`) for anything else.
    static Poco::JSON::Object::Ptr parse(std::string_view text);

    /// The object as condensed text (keys in byte order). Throws WireError (`bad_request`) when a string in it is
    /// not UTF-8 or holds U+0000: the peer would refuse it.
    static std::string write(const Poco::JSON::Object::Ptr& object);
};

} // namespace switchboard::core::plugin_wire
