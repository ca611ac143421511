#pragma once

#include <Poco/JSON/Array.h>

#include <cstdint>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

/// A file that comes with a message. The hub takes no uploads yet; the model, the database and the channels'
/// `Delivery` already carry files, so that adding them changes no contract.
struct MessageAttachment {
    /// The file's name as the sender gave it, e.g. "invoice.pdf".
    std::string name;
    std::string contentType;
    std::int64_t sizeBytes = 0;
    /// Where the file is fetched from.
    std::string url;

    bool operator==(const MessageAttachment&) const = default;

    /// As the API writes them: `[{"name", "content_type", "size_bytes", "url"}]`.
    static Poco::JSON::Array::Ptr toJson(const std::vector<MessageAttachment>& attachments);
    /// As the database keeps them: the API's JSON text, or empty for none.
    static std::string toText(const std::vector<MessageAttachment>& attachments);
    /// What `toText` wrote; throws std::runtime_error for text it did not write.
    static std::vector<MessageAttachment> fromText(const std::string& text);
};

} // namespace switchboard::core::conversation
