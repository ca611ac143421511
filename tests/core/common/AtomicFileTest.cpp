#include "core/common/AtomicFile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>

using switchboard::core::common::AtomicFile;
namespace fs = std::filesystem;

namespace {

class AtomicFileTest : public ::testing::Test {
protected:
    AtomicFileTest() {
        std::random_device random;
        folder = fs::temp_directory_path() / ("switchboard-atomic-" + std::to_string(random()));
        fs::create_directories(folder);
    }
    ~AtomicFileTest() override { fs::remove_all(folder); }

    static std::string read(const fs::path& path) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    fs::path folder;
};

} // namespace

TEST_F(AtomicFileTest, ReplacesTheContentKeepsThePermissionsAndLeavesNoTemporaryFile) {
    const auto path = folder / "demo.yaml";
    std::ofstream(path) << "old\n";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    AtomicFile::write(path.string(), "new content\n");
    EXPECT_EQ(read(path), "new content\n");
    EXPECT_EQ(fs::status(path).permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 1);
}

TEST_F(AtomicFileTest, CreatesAMissingFileAndNamesTheFileWhenItCannotWrite) {
    AtomicFile::write((folder / "fresh.yaml").string(), "x");
    EXPECT_EQ(read(folder / "fresh.yaml"), "x");
    try {
        AtomicFile::write((folder / "no-such-folder" / "a.yaml").string(), "x");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no-such-folder"), std::string::npos);
    }
}
