#include "core/plugin_host/ChildProcess.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>
#include <utility>

// glibc 2.36's header declares these without C linkage (fixed in 2.37).
extern "C" {
#include <sys/pidfd.h>
}

extern char** environ;

namespace switchboard::core::plugin_host {

namespace {

[[noreturn]] void fail(int error, const std::string& what) { throw std::system_error(error, std::generic_category(), what); }

/// Closes a descriptor on every way out of start().
struct OwnedFd {
    int fd = -1;
    ~OwnedFd() {
        if (fd >= 0) ::close(fd);
    }
    int release() { return std::exchange(fd, -1); }
};

/// File actions and attributes of posix_spawn, destroyed on every way out.
struct SpawnSetup {
    posix_spawn_file_actions_t actions;
    SpawnSetup() { posix_spawn_file_actions_init(&actions); }
    ~SpawnSetup() { posix_spawn_file_actions_destroy(&actions); }
};

ChildProcess::Exit exitOf(int status) {
    ChildProcess::Exit exit;
    if (WIFEXITED(status)) exit.status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
    return exit;
}

} // namespace

std::string ChildProcess::Exit::toString() const {
    if (signal) return "killed by signal " + std::to_string(*signal) + " (" + ::strsignal(*signal) + ")";
    return "exited with status " + std::to_string(status.value_or(-1));
}

ChildProcess ChildProcess::start(const std::string& program, const std::vector<std::string>& arguments) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) fail(errno, "socketpair");
    OwnedFd hubEnd{pair[0]};
    OwnedFd childEnd{pair[1]};
    if (childEnd.fd == ChildSocketFd) {
        // dup2 onto itself would keep close-on-exec set: move it out of the way first.
        OwnedFd moved{::fcntl(childEnd.fd, F_DUPFD_CLOEXEC, ChildSocketFd + 1)};
        if (moved.fd < 0) fail(errno, "fcntl");
        std::swap(childEnd.fd, moved.fd);
    }

    SpawnSetup setup;
    int error = posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (error == 0) error = posix_spawn_file_actions_adddup2(&setup.actions, childEnd.fd, ChildSocketFd);
    // The hub's other descriptors (client sockets, the database) are none of the child's business.
    if (error == 0) error = posix_spawn_file_actions_addclosefrom_np(&setup.actions, ChildSocketFd + 1);
    if (error != 0) fail(error, "posix_spawn_file_actions");

    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    error = ::posix_spawn(&pid, program.c_str(), &setup.actions, nullptr, argv.data(), environ);
    if (error != 0) fail(error, "cannot run " + program);

    const int exitFd = ::pidfd_open(pid, 0);
    if (exitFd < 0) {
        const int openError = errno;
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        fail(openError, "pidfd_open");
    }
    return ChildProcess(pid, hubEnd.release(), exitFd);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : _pid(std::exchange(other._pid, -1)), _socket(std::exchange(other._socket, -1)),
      _exitFd(std::exchange(other._exitFd, -1)), _exit(std::move(other._exit)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        release();
        _pid = std::exchange(other._pid, -1);
        _socket = std::exchange(other._socket, -1);
        _exitFd = std::exchange(other._exitFd, -1);
        _exit = std::move(other._exit);
    }
    return *this;
}

ChildProcess::~ChildProcess() { release(); }

void ChildProcess::release() noexcept {
    if (_pid > 0 && !_exit) {
        kill();
        wait();
    }
    if (_socket >= 0) ::close(_socket);
    if (_exitFd >= 0) ::close(_exitFd);
    _pid = _socket = _exitFd = -1;
}

void ChildProcess::kill() {
    // Through the pidfd: never a signal to another process that reused a reaped child's pid.
    if (_exitFd >= 0 && !_exit) ::pidfd_send_signal(_exitFd, SIGKILL, nullptr, 0);
}

std::optional<ChildProcess::Exit> ChildProcess::reap() {
    if (_exit || _pid <= 0) return _exit;
    int status = 0;
    const pid_t done = ::waitpid(_pid, &status, WNOHANG);
    if (done == _pid) _exit = exitOf(status);
    // Collected elsewhere (SIGCHLD set to be ignored): ended, how is not known.
    if (done < 0 && errno == ECHILD) _exit = Exit{};
    return _exit;
}

ChildProcess::Exit ChildProcess::wait() {
    while (!reap()) {
        pollfd ended{_exitFd, POLLIN, 0};
        if (::poll(&ended, 1, -1) < 0 && errno != EINTR) fail(errno, "poll");
    }
    return *_exit;
}

} // namespace switchboard::core::plugin_host
