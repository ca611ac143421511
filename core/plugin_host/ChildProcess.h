#pragma once

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace switchboard::core::plugin_host {

/// A process the hub starts and owns, connected to it by a Unix stream socket: the child finds its end as file
/// descriptor 3 (`ChildSocketFd`) and inherits nothing else of the hub but standard output and error (standard
/// input is /dev/null; every other descriptor is closed in the child, whether or not it was opened close-on-exec).
///
/// Its exit can be waited for without a signal handler and without a thread: `exitFd()` (a pidfd) becomes
/// readable when the child has ended, and `reap()` then collects it. The destructor kills and reaps a child still
/// running, so that an owner that goes away never leaves a process or a zombie behind.
class ChildProcess {
public:
    /// The descriptor number of the child's end of the socket.
    static constexpr int ChildSocketFd = 3;

    /// How a child ended.
    struct Exit {
        /// The exit status, when it exited.
        std::optional<int> status;
        /// The signal that ended it, when one did (SIGSEGV, SIGKILL...).
        std::optional<int> signal;
        /// "exited with status 3", "killed by signal 11 (Segmentation fault)".
        std::string toString() const;
    };

    /// Starts `program` (a path; not searched for) with `arguments` (not counting the program). Throws
    /// std::system_error when the socket or the process cannot be made, or `program` cannot be run.
    static ChildProcess start(const std::string& program, const std::vector<std::string>& arguments);

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    pid_t pid() const { return _pid; }
    /// The hub's end of the socket (close-on-exec, blocking); owned by this object.
    int socket() const { return _socket; }
    /// Readable once the child has ended; owned by this object.
    int exitFd() const { return _exitFd; }

    /// Ends the child at once (SIGKILL); it can still be reaped. Nothing happens for a child already reaped.
    void kill();
    /// How the child ended, collecting it, or nullopt while it runs. Once collected, the same answer every time.
    std::optional<Exit> reap();
    /// Waits for the child to end and collects it.
    Exit wait();

private:
    ChildProcess(pid_t pid, int socket, int exitFd) : _pid(pid), _socket(socket), _exitFd(exitFd) {}
    void release() noexcept;

    pid_t _pid = -1;
    int _socket = -1;
    int _exitFd = -1;
    std::optional<Exit> _exit;
};

} // namespace switchboard::core::plugin_host
