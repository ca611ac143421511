#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace switchboard::tests {

/// A path of its own in the temporary folder, for a file a test creates; the file is removed afterwards.
class ScratchPath {
public:
    explicit ScratchPath(const std::string& name) {
        std::random_device random;
        _path = std::filesystem::temp_directory_path() / ("switchboard-" + std::to_string(random()) + "-" + name);
    }
    ~ScratchPath() { std::filesystem::remove(_path); }
    ScratchPath(const ScratchPath&) = delete;
    ScratchPath& operator=(const ScratchPath&) = delete;

    const std::filesystem::path& path() const { return _path; }

private:
    std::filesystem::path _path;
};

} // namespace switchboard::tests
