#pragma once

#include <unistd.h>
#include <utility>

namespace switchboard::core::common {

/// Owns a POSIX file descriptor and closes it when it goes out of scope; -1 holds nothing.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : _fd(fd) {}
    ~FileDescriptor() {
        if (_fd >= 0) ::close(_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return _fd; }
    bool valid() const { return _fd >= 0; }
    /// Hands the descriptor over (e.g. to close it with its error checked).
    int release() { return std::exchange(_fd, -1); }

private:
    int _fd;
};

} // namespace switchboard::core::common
