#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace switchboard::tests {

/// The folder the test plugin `name` (tests/plugins/<name>) is built into, alone.
inline std::string testPluginFolder(const std::string& name) {
    return std::string(SWITCHBOARD_TEST_PLUGIN_DIR) + "/" + name;
}

inline std::string testPluginFile(const std::string& name) { return testPluginFolder(name) + "/" + name + ".so"; }

/// An empty temporary folder, removed with everything in it.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::random_device random;
        _path = std::filesystem::temp_directory_path() / ("switchboard-plugins-" + std::to_string(random()));
        std::filesystem::create_directories(_path);
    }
    ~TemporaryFolder() { std::filesystem::remove_all(_path); }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    std::string path() const { return _path.string(); }
    /// Copies the test plugin `name` into this folder as `fileName`; returns the copy's path.
    std::string addPlugin(const std::string& name, const std::string& fileName) const {
        const auto target = _path / fileName;
        std::filesystem::copy_file(testPluginFile(name), target);
        return target.string();
    }

private:
    std::filesystem::path _path;
};

} // namespace switchboard::tests
