#include "core/app/BuiltinPluginFolder.h"

#include <array>

namespace switchboard::core::app {

std::string BuiltinPluginFolder::of(const std::filesystem::path& binary) {
    const auto prefix = binary.parent_path().parent_path();
    const std::array candidates{prefix / "plugins", prefix / "lib" / "switchboard" / "plugins"};
    for (const auto& folder : candidates) {
        std::error_code error;
        if (std::filesystem::is_directory(folder, error)) return folder.lexically_normal().string();
    }
    return "";
}

std::string BuiltinPluginFolder::ofThisProcess() {
    std::error_code error;
    const auto binary = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? "" : of(binary);
}

} // namespace switchboard::core::app
