#include "core/plugin_host/ChildProcess.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <system_error>
#include <unistd.h>

using switchboard::core::plugin_host::ChildProcess;

namespace {

/// A child that runs `script` in /bin/sh.
ChildProcess shell(const std::string& script) { return ChildProcess::start("/bin/sh", {"-c", script}); }

/// Everything the child writes on its socket until it closes it.
std::string readAll(int fd) {
    std::string text;
    char buffer[256];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
    return text;
}

} // namespace

TEST(ChildProcessTest, TheChildTalksOnDescriptorThree) {
    auto child = shell("read line <&3; echo \"got $line\" >&3");
    const std::string line = "hello\n";
    ASSERT_EQ(::write(child.socket(), line.data(), line.size()), static_cast<ssize_t>(line.size()));
    EXPECT_EQ(readAll(child.socket()), "got hello\n");
    const auto exit = child.wait();
    EXPECT_EQ(exit.status, 0);
    EXPECT_FALSE(exit.signal);
}

TEST(ChildProcessTest, TheChildInheritsNoOtherDescriptorOfTheHub) {
    // Opened without close-on-exec, as a library might: still not the child's.
    const int leaked = ::open("/dev/null", O_RDONLY);
    ASSERT_GE(leaked, 0);
    // `exec` redirects for good, so the shell keeps no copy of its standard output on a descriptor of its own.
    auto child = shell("exec >&3; ls /proc/$$/fd");
    const auto listed = readAll(child.socket());
    ::close(leaked);
    EXPECT_EQ(listed, "0\n1\n2\n3\n");
}

TEST(ChildProcessTest, SaysHowTheChildEnded) {
    auto exited = shell("exit 3");
    EXPECT_EQ(exited.wait().toString(), "exited with status 3");

    auto crashed = shell("kill -SEGV $$");
    const auto exit = crashed.wait();
    EXPECT_EQ(exit.signal, SIGSEGV);
    EXPECT_EQ(exit.toString(), "killed by signal 11 (Segmentation fault)");
}

TEST(ChildProcessTest, ARunningChildIsNotReapedAndCanBeKilled) {
    auto child = shell("read never <&3");
    EXPECT_FALSE(child.reap());
    pollfd ended{child.exitFd(), POLLIN, 0};
    EXPECT_EQ(::poll(&ended, 1, 0), 0);

    child.kill();
    EXPECT_EQ(::poll(&ended, 1, 10'000), 1);
    const auto exit = child.reap();
    ASSERT_TRUE(exit);
    EXPECT_EQ(exit->signal, SIGKILL);
    EXPECT_EQ(child.reap()->signal, SIGKILL);
    child.kill(); // reaped: nothing to signal
}

TEST(ChildProcessTest, DestroyingTheOwnerEndsAndCollectsTheChild) {
    pid_t pid = -1;
    {
        auto child = shell("read never <&3");
        pid = child.pid();
        EXPECT_EQ(::kill(pid, 0), 0);
    }
    // Killed and reaped: no such process any more, not even a zombie.
    EXPECT_EQ(::kill(pid, 0), -1);
}

TEST(ChildProcessTest, AProgramThatCannotRunIsAnError) {
    EXPECT_THROW(ChildProcess::start("/nonexistent/switchboard", {}), std::system_error);
}
