#include "core/http/StaticFileCache.h"

#include "core/common/Digest.h"

#include <Poco/DeflatingStream.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace switchboard::core::http {

namespace {

std::string gzip(const std::string& data) {
    std::ostringstream out;
    Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP, 9);
    deflater.write(data.data(), static_cast<std::streamsize>(data.size()));
    deflater.close();
    return out.str();
}

} // namespace

std::shared_ptr<const StaticFileCache::File> StaticFileCache::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    auto file = std::make_shared<File>();
    std::ostringstream content;
    content << in.rdbuf();
    file->body = content.str();
    file->gzipped = gzip(file->body);
    if (file->gzipped.size() >= file->body.size()) file->gzipped.clear();
    file->etag = "\"" + common::Digest::sha256Hex(file->body).substr(0, 32) + "\"";
    return file;
}

std::shared_ptr<const StaticFileCache::File> StaticFileCache::get(const std::string& relativePath) {
    const auto path = _root / relativePath;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return nullptr;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return nullptr;
    const auto modified = std::filesystem::last_write_time(path, error);
    if (error) return nullptr;

    std::lock_guard lock(_mutex);
    auto& entry = _entries[relativePath];
    if (!entry.file || entry.size != size || entry.modified != modified) {
        entry.file = load(path);
        entry.size = size;
        entry.modified = modified;
        if (!entry.file) {
            _entries.erase(relativePath);
            return nullptr;
        }
    }
    return entry.file;
}

} // namespace switchboard::core::http
