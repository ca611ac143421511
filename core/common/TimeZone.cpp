#include "core/common/TimeZone.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace switchboard::core::common {

namespace {

/// Zone files are a few kilobytes; anything much larger is not one.
constexpr std::uintmax_t kMaxFileBytes = 1 << 20;
/// RFC 8536's bounds for a local time type's offset, -25:59:59 to +25:59:59.
constexpr std::int32_t kMinOffset = -93'599;
constexpr std::int32_t kMaxOffset = 93'599;

/// Big-endian reads over a file's bytes; running past the end means the file is truncated.
class ByteReader {
public:
    explicit ByteReader(std::string_view data) : _data(data) {}

    bool atEnd() const { return _pos == _data.size(); }

    std::string_view take(std::uint64_t count) {
        if (count > _data.size() - _pos) throw std::runtime_error("the file is truncated");
        const auto bytes = _data.substr(_pos, count);
        _pos += count;
        return bytes;
    }

    std::uint8_t byte() { return static_cast<std::uint8_t>(take(1)[0]); }

    std::uint64_t unsignedBigEndian(std::size_t size) {
        std::uint64_t value = 0;
        for (const char c : take(size)) value = (value << 8) | static_cast<std::uint8_t>(c);
        return value;
    }

    /// A two's-complement number of 4 or 8 bytes.
    std::int64_t signedBigEndian(std::size_t size) {
        const std::uint64_t value = unsignedBigEndian(size);
        if (size == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
        return static_cast<std::int64_t>(value);
    }

private:
    std::string_view _data;
    std::size_t _pos = 0;
};

struct TzifHeader {
    char version = 0;
    std::uint64_t isUtCount = 0;
    std::uint64_t isStdCount = 0;
    std::uint64_t leapCount = 0;
    std::uint64_t timeCount = 0;
    std::uint64_t typeCount = 0;
    std::uint64_t charCount = 0;

    /// Size of the data block that follows, with transition times of `timeSize` bytes.
    std::uint64_t dataBytes(std::uint64_t timeSize) const {
        return timeCount * (timeSize + 1) + typeCount * 6 + charCount + leapCount * (timeSize + 4) + isStdCount
             + isUtCount;
    }
};

TzifHeader readHeader(ByteReader& reader) {
    if (reader.take(4) != "TZif") throw std::runtime_error("it does not start with 'TZif'");
    TzifHeader header;
    header.version = static_cast<char>(reader.byte());
    if (header.version != '\0' && (header.version < '2' || header.version > '4')) {
        throw std::runtime_error("unsupported TZif version");
    }
    reader.take(15);
    header.isUtCount = reader.unsignedBigEndian(4);
    header.isStdCount = reader.unsignedBigEndian(4);
    header.leapCount = reader.unsignedBigEndian(4);
    header.timeCount = reader.unsignedBigEndian(4);
    header.typeCount = reader.unsignedBigEndian(4);
    header.charCount = reader.unsignedBigEndian(4);
    return header;
}

void checkCounts(const TzifHeader& header) {
    if (header.typeCount == 0 || header.charCount == 0) throw std::runtime_error("it has no local time types");
    if ((header.isStdCount != 0 && header.isStdCount != header.typeCount)
        || (header.isUtCount != 0 && header.isUtCount != header.typeCount)) {
        throw std::runtime_error("its indicator counts do not match its local time types");
    }
    if (header.leapCount != 0) throw std::runtime_error("zones with leap seconds are not supported");
}

/// Reads up to the newline that ends the footer's TZ string.
std::string_view readFooterLine(ByteReader& reader) {
    std::size_t length = 0;
    for (ByteReader probe = reader; probe.byte() != '\n';) ++length;
    const auto line = reader.take(length);
    reader.take(1);
    return line;
}

bool isAcceptableName(const std::string& name) {
    return !name.empty() && name.front() != '/' && name.find("..") == std::string::npos
        && name.find('\0') == std::string::npos;
}

struct ZoneCache {
    std::mutex mutex;
    std::map<std::pair<std::string, std::string>, std::shared_ptr<const TimeZone>> zones;
};

ZoneCache& zoneCache() {
    static ZoneCache cache;
    return cache;
}

} // namespace

TimeZone::TimeZone(std::string name, int initialOffset, std::vector<std::int64_t> transitions,
                   std::vector<int> offsetsAfter, std::optional<PosixTzRule> footer)
    : _name(std::move(name)),
      _initialOffset(initialOffset),
      _transitions(std::move(transitions)),
      _offsetsAfter(std::move(offsetsAfter)),
      _footer(std::move(footer)) {}

std::shared_ptr<const TimeZone> TimeZone::load(const std::string& name, const std::filesystem::path& root) {
    if (name == "UTC") {
        static const std::shared_ptr<const TimeZone> utc(new TimeZone("UTC", 0, {}, {}, std::nullopt));
        return utc;
    }
    if (!isAcceptableName(name)) {
        throw std::runtime_error("time zone name '" + name
                                 + "' is refused: it must be a relative name such as Europe/London, without '..'");
    }
    auto& cache = zoneCache();
    auto key = std::make_pair(root.string(), name);
    {
        std::lock_guard lock(cache.mutex);
        if (const auto found = cache.zones.find(key); found != cache.zones.end()) return found->second;
    }
    // Read outside the lock; when two threads race for one zone, the first to finish is kept.
    auto zone = read(name, root);
    std::lock_guard lock(cache.mutex);
    return cache.zones.emplace(std::move(key), std::move(zone)).first->second;
}

std::shared_ptr<const TimeZone> TimeZone::read(const std::string& name, const std::filesystem::path& root) {
    const auto path = root / name;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw std::runtime_error("unknown time zone '" + name + "': there is no zone file " + path.string());
    }
    const auto size = std::filesystem::file_size(path, error);
    if (error || size > kMaxFileBytes) {
        throw std::runtime_error("time zone '" + name + "': " + path.string() + " is not a zone file");
    }
    std::ifstream in(path, std::ios::binary);
    std::string data(std::istreambuf_iterator<char>(in), {});
    if (in.bad() || data.size() != size) {
        throw std::runtime_error("time zone '" + name + "': could not read " + path.string());
    }
    try {
        return parseTzif(name, data);
    } catch (const std::exception& e) {
        throw std::runtime_error("time zone '" + name + "': " + path.string() + " is not a valid zone file: "
                                 + e.what());
    }
}

std::shared_ptr<const TimeZone> TimeZone::parseTzif(const std::string& name, std::string_view data) {
    ByteReader reader(data);
    TzifHeader header = readHeader(reader);
    std::size_t timeSize = 4;
    if (header.version != '\0') {
        // Version 2 and later repeat the data with 64-bit times after the 32-bit block, which is skipped.
        reader.take(header.dataBytes(4));
        header = readHeader(reader);
        if (header.version == '\0') throw std::runtime_error("its second header has no version");
        timeSize = 8;
    }
    checkCounts(header);
    // Checked before anything is reserved, so that a corrupt count cannot ask for gigabytes.
    if (header.dataBytes(timeSize) > data.size()) throw std::runtime_error("the file is truncated");

    std::vector<std::int64_t> transitions;
    transitions.reserve(header.timeCount);
    for (std::uint64_t i = 0; i < header.timeCount; ++i) {
        const auto at = reader.signedBigEndian(timeSize);
        if (!transitions.empty() && at <= transitions.back()) {
            throw std::runtime_error("its transition times are not in ascending order");
        }
        transitions.push_back(at);
    }
    std::vector<std::uint8_t> typeIndices;
    typeIndices.reserve(header.timeCount);
    for (std::uint64_t i = 0; i < header.timeCount; ++i) {
        typeIndices.push_back(reader.byte());
        if (typeIndices.back() >= header.typeCount) throw std::runtime_error("a transition names a missing type");
    }
    std::vector<int> typeOffsets;
    for (std::uint64_t i = 0; i < header.typeCount; ++i) {
        const auto offset = reader.signedBigEndian(4);
        const auto isDst = reader.byte();
        const auto designation = reader.byte();
        if (offset < kMinOffset || offset > kMaxOffset || isDst > 1 || designation >= header.charCount) {
            throw std::runtime_error("local time type " + std::to_string(i) + " is out of range");
        }
        typeOffsets.push_back(static_cast<int>(offset));
    }
    reader.take(header.charCount + header.isStdCount + header.isUtCount);

    std::optional<PosixTzRule> footer;
    if (timeSize == 8) {
        if (reader.byte() != '\n') throw std::runtime_error("its footer does not start with a newline");
        if (const auto tz = readFooterLine(reader); !tz.empty()) footer = PosixTzRule::parse(tz);
    }
    if (!reader.atEnd()) throw std::runtime_error("there are stray bytes after its data");

    std::vector<int> offsetsAfter;
    offsetsAfter.reserve(typeIndices.size());
    for (const auto index : typeIndices) offsetsAfter.push_back(typeOffsets[index]);
    return std::shared_ptr<const TimeZone>(
        new TimeZone(name, typeOffsets.front(), std::move(transitions), std::move(offsetsAfter), std::move(footer)));
}

int TimeZone::offsetSeconds(std::int64_t epochSeconds) const {
    if (_footer && (_transitions.empty() || epochSeconds > _transitions.back())) {
        return _footer->offsetSeconds(epochSeconds);
    }
    const auto after = std::upper_bound(_transitions.begin(), _transitions.end(), epochSeconds);
    if (after == _transitions.begin()) return _initialOffset;
    return _offsetsAfter[static_cast<std::size_t>(after - _transitions.begin() - 1)];
}

std::optional<std::int64_t> TimeZone::nextTransitionSeconds(std::int64_t epochSeconds) const {
    const auto after = std::upper_bound(_transitions.begin(), _transitions.end(), epochSeconds);
    if (after != _transitions.end()) return *after;
    return _footer ? _footer->nextTransitionSeconds(epochSeconds) : std::nullopt;
}

} // namespace switchboard::core::common
