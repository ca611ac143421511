#include "HmacSha256.h"

#include "switchboard/sdk/Error.h"

#include <openssl/hmac.h>

namespace switchboard::sdk {

std::string HmacSha256::digest(std::string_view key, std::string_view data) {
    std::string mac(Size, '\0');
    unsigned int length = 0;
    const unsigned char* result = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                                       reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                                       reinterpret_cast<unsigned char*>(mac.data()), &length);
    if (result == nullptr || length != Size) throw Error("HMAC-SHA256 failed");
    return mac;
}

} // namespace switchboard::sdk
