#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace switchboard::core::http {

/// The files of the web root (widget, demo page, portal) held in memory with their gzip form and ETag.
///
/// A file is read on first request and read again when its size or modification time changes, so an edited
/// page is served without a restart while an unchanged one costs no disk read or compression.
class StaticFileCache {
public:
    struct File {
        std::string body;
        /// The body gzip-compressed; empty when compression would not make it smaller.
        std::string gzipped;
        /// A strong validator: a quoted hash of the body.
        std::string etag;
    };

    explicit StaticFileCache(std::filesystem::path root) : _root(std::move(root)) {}

    /// `relativePath` is a path below the root built by the caller from checked names; nullptr when no regular
    /// file is there.
    std::shared_ptr<const File> get(const std::string& relativePath);

private:
    struct Entry {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        std::shared_ptr<const File> file;
    };

    static std::shared_ptr<const File> load(const std::filesystem::path& path);

    std::filesystem::path _root;
    std::mutex _mutex;
    std::map<std::string, Entry> _entries;
};

} // namespace switchboard::core::http
