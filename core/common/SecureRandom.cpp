#include "core/common/SecureRandom.h"

#include "core/common/Digest.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace switchboard::core::common {

std::string SecureRandom::token(std::size_t bytes) {
    if (bytes == 0) throw std::invalid_argument("a token needs at least one random byte");
    std::string text = Digest::base64(SecureRandom::bytes(bytes));
    while (!text.empty() && text.back() == '=') text.pop_back();
    for (char& c : text) {
        if (c == '+') c = '-';
        else if (c == '/') c = '_';
    }
    return text;
}

std::string SecureRandom::uuid4() {
    std::string raw = bytes(16);
    raw[6] = static_cast<char>((raw[6] & 0x0f) | 0x40); // version 4
    raw[8] = static_cast<char>((raw[8] & 0x3f) | 0x80); // RFC 4122 variant
    const std::string hex = Digest::hex(raw);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20);
}

std::string SecureRandom::bytes(std::size_t count) {
    // The kernel's CSPRNG directly (the source OpenSSL seeds from), rather than OpenSSL's per-thread generators:
    // tokens are made rarely, and a generator per pooled HTTP thread is state nothing needs.
    std::string out(count, '\0');
    std::size_t filled = 0;
    while (filled < count) {
        const auto n = ::getrandom(out.data() + filled, count - filled, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(std::string("random generator failed: ") + std::strerror(errno));
        filled += static_cast<std::size_t>(n);
    }
    return out;
}

} // namespace switchboard::core::common
