#include "core/app/FileLimit.h"

#include <Poco/Logger.h>

#include <sys/resource.h>

namespace switchboard::core::app {

void raiseFileLimit(std::size_t wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        Poco::Logger::get("hub").warning(
            "the open-file limit is %Lu, below the %z that server.max_connections needs; new clients will be refused "
            "sooner (raise it with ulimit -n or LimitNOFILE=)",
            static_cast<Poco::UInt64>(limit.rlim_cur), wanted);
    }
}

} // namespace switchboard::core::app
