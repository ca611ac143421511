#pragma once

#include <cstdint>
#include <string>

namespace switchboard::sdk {

/// A file that comes with a message. The hub sends none yet; channels that can carry files should handle them.
struct Attachment {
    /// The file's name as the sender gave it, e.g. "invoice.pdf".
    std::string name;
    /// e.g. "application/pdf".
    std::string contentType;
    std::int64_t sizeBytes = 0;
    /// Where the channel fetches the file from.
    std::string url;
};

} // namespace switchboard::sdk
