#include "core/util/parallel.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace qb {

int workerThreadCount()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(std::int64_t count, std::int64_t minChunk,
                 const std::function<void(std::int64_t, std::int64_t)>& body)
{
    if (count <= 0)
        return;
    minChunk = std::max<std::int64_t>(1, minChunk);
    const std::int64_t threads = std::clamp<std::int64_t>(count / minChunk, 1, workerThreadCount());
    if (threads == 1) {
        body(0, count);
        return;
    }

    std::exception_ptr firstError;
    std::mutex errorMutex;
    auto runChunk = [&](std::int64_t t) {
        const std::int64_t begin = count * t / threads;
        const std::int64_t end = count * (t + 1) / threads;
        try {
            body(begin, end);
        } catch (...) {
            const std::lock_guard lock(errorMutex);
            if (!firstError)
                firstError = std::current_exception();
        }
    };

    std::vector<std::jthread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    for (std::int64_t t = 1; t < threads; ++t)
        pool.emplace_back(runChunk, t);
    runChunk(0);
    pool.clear(); // joins
    if (firstError)
        std::rethrow_exception(firstError);
}

} // namespace qb
