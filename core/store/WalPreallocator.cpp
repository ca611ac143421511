#include "core/store/WalPreallocator.h"

#include "core/common/FileDescriptor.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace switchboard::core::store {

WalPreallocator::WalPreallocator(std::filesystem::path walPath, std::int64_t maxBytes)
    : _walPath(std::move(walPath)), _maxBytes(maxBytes) {}

std::int64_t WalPreallocator::reserve() {
    if (!_supported) return 0;
    // The log is opened afresh at each look: SQLite deletes it when its last connection closes and creates it again.
    // Closing this descriptor cannot drop any of SQLite's POSIX locks, which it takes on the database and the -shm
    // file, never on the log.
    const common::FileDescriptor file(::open(_walPath.c_str(), O_WRONLY | O_CLOEXEC));
    struct stat status {};
    if (!file.valid() || ::fstat(file.get(), &status) != 0) {
        _lastSize = -1;
        return 0;
    }
    const std::int64_t size = status.st_size;
    const std::int64_t growth = _lastSize < 0 ? 0 : std::max<std::int64_t>(0, size - _lastSize);
    _lastSize = size;
    const std::int64_t reserved = static_cast<std::int64_t>(status.st_blocks) * 512;
    if (growth == 0 || reserved - size >= growth * LowWaterLooks) return 0;

    const std::int64_t wanted = (size + growth * AheadLooks + Granule - 1) / Granule * Granule;
    const std::int64_t end = std::min(wanted, _maxBytes);
    if (end <= std::max(reserved, size)) return 0;
    // From the log's end, not from what is reserved: blocks SQLite wrote but the file system has not placed yet
    // count in st_blocks, and the range already reserved costs fallocate nothing.
    if (::fallocate(file.get(), FALLOC_FL_KEEP_SIZE, size, end - size) != 0) {
        const int error = errno;
        if (error == EOPNOTSUPP || error == ENOSYS) {
            _supported = false;
            Poco::Logger::get("store").information("the file system of %s cannot reserve space ahead; the log grows as "
                                                   "it is written",
                                                   _walPath.string());
        } else if (!_failureReported) {
            _failureReported = true;
            Poco::Logger::get("store").warning("could not reserve space for the write-ahead log %s: %s",
                                               _walPath.string(), std::string(std::strerror(error)));
        }
        return 0;
    }
    _failureReported = false;
    return end - std::max(reserved, size);
}

} // namespace switchboard::core::store
