#include "core/plugin_wire/WireJson.h"

#include "core/plugin_wire/JsonTextCheck.h"
#include "core/plugin_wire/WireError.h"

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <set>
#include <sstream>
#include <vector>

namespace switchboard::core::plugin_wire {

namespace {

/// Poco's handler, refusing a key that an object already has (Poco would keep the last value silently).
class UniqueKeyHandler : public Poco::JSON::ParseHandler {
public:
    void reset() override {
        ParseHandler::reset();
        _keys.clear();
    }
    void startObject() override {
        _keys.emplace_back();
        ParseHandler::startObject();
    }
    void endObject() override {
        _keys.pop_back();
        ParseHandler::endObject();
    }
    void key(const std::string& name) override {
        if (!_keys.back().insert(name).second)
            throw WireError(ErrorCode::BadRequest, "an object holds the key '" + name + "' twice");
        ParseHandler::key(name);
    }

private:
    std::vector<std::set<std::string>> _keys;
};

} // namespace

Poco::JSON::Object::Ptr WireJson::parse(std::string_view text) {
    JsonTextCheck::check(text);
    Poco::Dynamic::Var value;
    try {
        Poco::JSON::Parser parser(new UniqueKeyHandler);
        parser.setDepth(MaxDepth);
        value = parser.parse(std::string(text));
    } catch (const Poco::Exception& error) {
        throw WireError(ErrorCode::BadRequest, "the message is not JSON: " + error.message());
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw WireError(ErrorCode::BadRequest, "a message must be a JSON object");
    return value.extract<Poco::JSON::Object::Ptr>();
}

std::string WireJson::write(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(object, out);
    std::string text = out.str();
    JsonTextCheck::check(text);
    return text;
}

} // namespace switchboard::core::plugin_wire
