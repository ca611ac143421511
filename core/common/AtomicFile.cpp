#include "core/common/AtomicFile.h"

#include "core/common/FileDescriptor.h"
#include "core/common/SecureRandom.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace switchboard::core::common {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    throw std::runtime_error("could not " + what + " " + path + ": " + std::strerror(errno));
}

} // namespace

void AtomicFile::write(const std::string& path, const std::string& content) {
    const std::filesystem::path target(path);
    const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    const auto temporary = (folder / ("." + target.filename().string() + ".tmp-" + SecureRandom::token(6))).string();

    struct stat original{};
    const mode_t mode = ::stat(path.c_str(), &original) == 0 ? (original.st_mode & 07777) : 0644;
    {
        FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
        if (file.get() < 0) fail("create", temporary);
        std::size_t written = 0;
        while (written < content.size()) {
            const auto n = ::write(file.get(), content.data() + written, content.size() - written);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                ::unlink(temporary.c_str());
                fail("write", temporary);
            }
            written += static_cast<std::size_t>(n);
        }
        if (::fsync(file.get()) != 0 || ::close(file.release()) != 0) {
            ::unlink(temporary.c_str());
            fail("flush", temporary);
        }
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        fail("replace", path);
    }
    FileDescriptor directory(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() >= 0) ::fsync(directory.get());
}

} // namespace switchboard::core::common
