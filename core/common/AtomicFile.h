#pragma once

#include <string>

namespace switchboard::core::common {

/// Replaces a file's content all at once: written to a temporary file in the same folder, flushed to disk, then
/// renamed over the original (and the folder flushed), so that a reader or a crash sees the old content or the
/// new, never a mix. Keeps the original's permissions. Throws std::runtime_error naming the file.
class AtomicFile {
public:
    static void write(const std::string& path, const std::string& content);
};

} // namespace switchboard::core::common
