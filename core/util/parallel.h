#pragma once

#include <cstdint>
#include <functional>

namespace qb {

// Number of threads parallelFor uses: the hardware concurrency (the calling thread and a shared
// pool of workers), at least 1.
int workerThreadCount();

// Calls body(begin, end) on disjoint chunks covering [0, count), spread over workerThreadCount()
// threads of one process-wide pool, and returns when all are done. Chunks hold at least minChunk
// items (so small loops stay on the calling thread). A parallelFor inside a chunk runs serially.
// The first exception thrown by a chunk is rethrown here after every chunk has stopped. body must
// be safe to call concurrently on disjoint ranges. Eigen products inside a chunk are
// single-threaded (Eigen is built without OpenMP): parallelism comes from here only.
void parallelFor(std::int64_t count, std::int64_t minChunk,
                 const std::function<void(std::int64_t begin, std::int64_t end)>& body);

// Rows per parallelFor chunk for rows of `rowWidth` values, so that each chunk handles at least
// ~64k values (smaller loops stay on the calling thread).
std::int64_t rowsPerChunk(std::int64_t rowWidth);

// Runs task(i) for every i in [0, count) on the worker threads, handing out one index at a time,
// so that tasks of unequal cost — or a thread slowed by other programs — still balance. Put the
// costly tasks first. Exceptions as for parallelFor.
void parallelTasks(std::int64_t count, const std::function<void(std::int64_t index)>& task);

} // namespace qb
