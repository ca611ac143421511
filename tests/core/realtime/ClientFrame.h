#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace switchboard::tests {

/// Builds a frame the way a client sends it (masked), with knobs to break any rule the server must enforce.
class ClientFrame {
public:
    enum class Length { Minimal, Forced16, Forced64 };

    static constexpr std::uint8_t kContinuation = 0x0;
    static constexpr std::uint8_t kText = 0x1;
    static constexpr std::uint8_t kBinary = 0x2;
    static constexpr std::uint8_t kClose = 0x8;
    static constexpr std::uint8_t kPing = 0x9;
    static constexpr std::uint8_t kPong = 0xa;

    ClientFrame(std::uint8_t opcode, std::string_view payload) : _opcode(opcode), _payload(payload) {}

    ClientFrame& notFinal() {
        _fin = false;
        return *this;
    }
    ClientFrame& reservedBits(std::uint8_t bits) {
        _reserved = bits;
        return *this;
    }
    ClientFrame& unmasked() {
        _masked = false;
        return *this;
    }
    ClientFrame& length(Length form) {
        _lengthForm = form;
        return *this;
    }
    /// Announces `length` whatever the payload really is.
    ClientFrame& declaredLength(std::uint64_t length) {
        _declaredLength = length;
        return *this;
    }
    ClientFrame& maskKey(std::array<std::uint8_t, 4> key) {
        _maskKey = key;
        return *this;
    }

    std::string bytes() const {
        std::string out;
        out.push_back(static_cast<char>((_fin ? 0x80 : 0) | (_reserved & 0x70) | (_opcode & 0x0f)));
        const std::uint64_t length = _declaredLength.value_or(_payload.size());
        const char maskBit = _masked ? '\x80' : '\0';
        std::size_t lengthBytes = 0;
        if (_lengthForm == Length::Forced64 || (_lengthForm == Length::Minimal && length > 0xffff)) {
            out.push_back(static_cast<char>(maskBit | 127));
            lengthBytes = 8;
        } else if (_lengthForm == Length::Forced16 || length >= 126) {
            out.push_back(static_cast<char>(maskBit | 126));
            lengthBytes = 2;
        } else {
            out.push_back(static_cast<char>(maskBit | static_cast<char>(length)));
        }
        for (std::size_t i = lengthBytes; i > 0; --i) out.push_back(static_cast<char>(length >> (8 * (i - 1)) & 0xff));
        if (!_masked) return out + _payload;
        out.append(_maskKey.begin(), _maskKey.end());
        for (std::size_t i = 0; i < _payload.size(); ++i) {
            out.push_back(static_cast<char>(static_cast<std::uint8_t>(_payload[i]) ^ _maskKey[i % 4]));
        }
        return out;
    }

    /// The same frames as `serverFrames` (unmasked, as the server writes them), masked as a client sends them.
    static std::string maskServerFrames(std::string_view serverFrames, std::array<std::uint8_t, 4> key) {
        std::string out;
        while (!serverFrames.empty()) {
            const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(serverFrames.at(i)); };
            const std::uint8_t length7 = byte(1) & 0x7f;
            const std::size_t lengthBytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            std::uint64_t length = length7 < 126 ? length7 : 0;
            for (std::size_t i = 0; i < lengthBytes; ++i) length = length << 8 | byte(2 + i);
            const std::size_t headerSize = 2 + lengthBytes;
            ClientFrame frame(byte(0) & 0x0f, serverFrames.substr(headerSize, length));
            if ((byte(0) & 0x80) == 0) frame.notFinal();
            frame.reservedBits(byte(0) & 0x70).maskKey(key);
            frame.length(lengthBytes == 8 ? Length::Forced64 : lengthBytes == 2 ? Length::Forced16 : Length::Minimal);
            out += frame.bytes();
            serverFrames.remove_prefix(headerSize + length);
        }
        return out;
    }

private:
    std::uint8_t _opcode;
    std::string _payload;
    bool _fin = true;
    std::uint8_t _reserved = 0;
    bool _masked = true;
    Length _lengthForm = Length::Minimal;
    std::optional<std::uint64_t> _declaredLength;
    std::array<std::uint8_t, 4> _maskKey{0x37, 0xfa, 0x21, 0x3d};
};

} // namespace switchboard::tests
