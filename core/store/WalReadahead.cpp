#include "core/store/WalReadahead.h"

#include "core/common/FileDescriptor.h"
#include "core/store/WalFormat.h"

#include <array>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace switchboard::core::store {

namespace {

constexpr std::uint32_t MagicLittleEndianChecksums = 0x377f0682;
constexpr std::uint32_t MagicBigEndianChecksums = 0x377f0683;

std::uint32_t bigEndian(const unsigned char* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) << 24 | static_cast<std::uint32_t>(bytes[1]) << 16 |
           static_cast<std::uint32_t>(bytes[2]) << 8 | static_cast<std::uint32_t>(bytes[3]);
}

/// The log header's page size and salts (bytes 8 and 16-23), or nullopt when the file does not start as a log.
struct LogHeader {
    std::int64_t pageSize;
    std::array<unsigned char, 8> salts;
};

std::optional<LogHeader> readHeader(int fd) {
    std::array<unsigned char, WalFormat::LogHeaderBytes> header{};
    if (::pread(fd, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size())) return std::nullopt;
    const auto magic = bigEndian(header.data());
    const auto pageSize = static_cast<std::int64_t>(bigEndian(header.data() + 8));
    const bool powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0;
    if ((magic != MagicLittleEndianChecksums && magic != MagicBigEndianChecksums) || !powerOfTwo) return std::nullopt;
    LogHeader result{pageSize, {}};
    std::copy(header.begin() + 16, header.begin() + 24, result.salts.begin());
    return result;
}

/// Whether frame `index` belongs to the log's current generation: its header repeats the log header's salts.
bool current(int fd, const LogHeader& header, std::int64_t index) {
    std::array<unsigned char, WalFormat::FrameHeaderBytes> frame{};
    const auto offset = WalFormat::frameOffset(index, header.pageSize);
    if (::pread(fd, frame.data(), frame.size(), offset) != static_cast<ssize_t>(frame.size())) return false;
    return std::equal(header.salts.begin(), header.salts.end(), frame.begin() + 8);
}

} // namespace

WalReadahead::WalReadahead(std::filesystem::path walPath) : _walPath(std::move(walPath)) {}

std::optional<std::int64_t> WalReadahead::look() {
    const common::FileDescriptor file(::open(_walPath.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat status {};
    const auto header = file.valid() && ::fstat(file.get(), &status) == 0 ? readHeader(file.get()) : std::nullopt;
    if (!header) {
        _lastPosition.reset();
        return std::nullopt;
    }
    // The current generation's frames are a prefix of the file: the first frame that is not one ends it.
    std::int64_t inside = 0;
    const auto bytesAfterHeader = static_cast<std::int64_t>(status.st_size) - WalFormat::LogHeaderBytes;
    std::int64_t outside = bytesAfterHeader / WalFormat::frameBytes(header->pageSize);
    if (outside > 0 && current(file.get(), *header, outside - 1)) inside = outside;
    while (inside < outside) {
        const auto middle = inside + (outside - inside) / 2;
        if (current(file.get(), *header, middle)) {
            inside = middle + 1;
        } else {
            outside = middle;
        }
    }
    const auto position = WalFormat::frameOffset(inside, header->pageSize);

    // Progress since the last look: from the last position, or from the log's start when it was started over since.
    const auto progress = !_lastPosition ? 0 : position >= *_lastPosition ? position - *_lastPosition : position;
    _lastPosition = position;
    const auto ahead = std::min<std::int64_t>(progress * AheadLooks, status.st_size - position);
    if (ahead > 0) ::posix_fadvise(file.get(), position, ahead, POSIX_FADV_WILLNEED);
    return position;
}

} // namespace switchboard::core::store
