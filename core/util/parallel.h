#pragma once

#include <cstdint>
#include <functional>

namespace qb {

// Number of threads parallelFor uses: the hardware concurrency, at least 1.
int workerThreadCount();

// Calls body(begin, end) on disjoint chunks covering [0, count), spread over workerThreadCount()
// threads, and returns when all are done. Chunks hold at least minChunk items (so small loops stay
// on the calling thread). The first exception thrown by a chunk is rethrown here after every
// thread has stopped. body must be safe to call concurrently on disjoint ranges.
void parallelFor(std::int64_t count, std::int64_t minChunk,
                 const std::function<void(std::int64_t begin, std::int64_t end)>& body);

} // namespace qb
