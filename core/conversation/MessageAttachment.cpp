#include "core/conversation/MessageAttachment.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <stdexcept>

namespace switchboard::core::conversation {

Poco::JSON::Array::Ptr MessageAttachment::toJson(const std::vector<MessageAttachment>& attachments) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& a : attachments) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("name", a.name);
        json->set("content_type", a.contentType);
        json->set("size_bytes", a.sizeBytes);
        json->set("url", a.url);
        array->add(json);
    }
    return array;
}

std::string MessageAttachment::toText(const std::vector<MessageAttachment>& attachments) {
    if (attachments.empty()) return {};
    std::ostringstream out;
    toJson(attachments)->stringify(out);
    return out.str();
}

std::vector<MessageAttachment> MessageAttachment::fromText(const std::string& text) {
    std::vector<MessageAttachment> attachments;
    if (text.empty()) return attachments;
    try {
        const auto array = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i) {
            const auto json = array->getObject(static_cast<unsigned>(i));
            if (!json) throw std::runtime_error("not an object");
            attachments.push_back({json->getValue<std::string>("name"), json->getValue<std::string>("content_type"),
                                   json->getValue<std::int64_t>("size_bytes"), json->getValue<std::string>("url")});
        }
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("unreadable message attachments in the database: " + e.displayText());
    } catch (const std::exception& e) {
        throw std::runtime_error("unreadable message attachments in the database: " + std::string(e.what()));
    }
    return attachments;
}

} // namespace switchboard::core::conversation
