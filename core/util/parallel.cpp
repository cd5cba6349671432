#include "core/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace qb {

namespace {

// Set on the pool's worker threads: a parallelFor called from inside a task runs serially, so
// nested loops cannot wait on workers that are waiting on them.
thread_local bool t_insideWorker = false;

// A fixed set of worker threads shared by every parallelFor of the process. Idle workers block on
// a condition variable rather than spin, so a busy machine (other programs, two jobs of the GUI,
// ctest running tests side by side) does not lose time slices to spinning threads.
class WorkerPool {
public:
    static WorkerPool& instance()
    {
        static WorkerPool pool;
        return pool;
    }

    int threads() const { return static_cast<int>(m_workers.size()) + 1; }

    // Runs task(i) for i in [0, count) on the workers and the calling thread; returns when every
    // task has finished and no worker holds the batch any more. task must not throw.
    void run(int count, const std::function<void(int)>& task)
    {
        Batch batch(task, count);
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(&batch);
        }
        m_wake.notify_all();
        const int completed = work(batch); // the caller takes its share too
        std::unique_lock lock(m_mutex);
        std::erase(m_queue, &batch);
        batch.finished += completed;
        // The batch lives on this stack frame: wait until every task ran and every worker that
        // picked it has let go of it.
        batch.done.wait(lock, [&] { return batch.finished == batch.count && batch.users == 0; });
    }

    ~WorkerPool()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_workers.clear(); // joins
    }

private:
    struct Batch {
        Batch(const std::function<void(int)>& task, int count)
            : task(task)
            , count(count)
        {
        }
        const std::function<void(int)>& task;
        int count;
        std::atomic<int> next{0};
        // Guarded by the pool's mutex:
        int finished = 0; // tasks completed
        int users = 0;    // workers between picking the batch and reporting back
        std::condition_variable done;
    };

    WorkerPool()
    {
        const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        for (int i = 1; i < hardware; ++i)
            m_workers.emplace_back([this] { workerLoop(); });
    }

    // Takes task indices of `batch` until none is left; returns how many it ran.
    static int work(Batch& batch)
    {
        int completed = 0;
        for (int i = batch.next.fetch_add(1); i < batch.count; i = batch.next.fetch_add(1)) {
            batch.task(i);
            ++completed;
        }
        return completed;
    }

    static bool hasTasks(const Batch* batch) { return batch->next.load() < batch->count; }

    void workerLoop()
    {
        t_insideWorker = true;
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [&] {
                return m_stopping || std::any_of(m_queue.begin(), m_queue.end(), hasTasks);
            });
            if (m_stopping)
                return;
            // Tasks are handed out without the lock, so the batch seen by the wait may have run
            // dry since: look again, and go back to waiting if nothing is left.
            const auto found = std::find_if(m_queue.begin(), m_queue.end(), hasTasks);
            if (found == m_queue.end())
                continue;
            Batch* batch = *found;
            ++batch->users;
            lock.unlock();
            const int completed = work(*batch);
            lock.lock();
            batch->finished += completed;
            --batch->users;
            if (batch->finished == batch->count && batch->users == 0)
                batch->done.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Batch*> m_queue; // batches that may still have tasks to hand out
    bool m_stopping = false;
    std::vector<std::jthread> m_workers;
};

} // namespace

int workerThreadCount()
{
    return WorkerPool::instance().threads();
}

void parallelFor(std::int64_t count, std::int64_t minChunk,
                 const std::function<void(std::int64_t, std::int64_t)>& body)
{
    if (count <= 0)
        return;
    minChunk = std::max<std::int64_t>(1, minChunk);
    const std::int64_t chunks =
        t_insideWorker ? 1 : std::clamp<std::int64_t>(count / minChunk, 1, workerThreadCount());
    if (chunks == 1) {
        body(0, count);
        return;
    }
    std::exception_ptr firstError;
    std::mutex errorMutex;
    WorkerPool::instance().run(static_cast<int>(chunks), [&](int chunk) {
        const std::int64_t begin = count * chunk / chunks;
        const std::int64_t end = count * (chunk + 1) / chunks;
        try {
            body(begin, end);
        } catch (...) {
            const std::lock_guard lock(errorMutex);
            if (!firstError)
                firstError = std::current_exception();
        }
    });
    if (firstError)
        std::rethrow_exception(firstError);
}

std::int64_t rowsPerChunk(std::int64_t rowWidth)
{
    return std::max<std::int64_t>(1, (std::int64_t(1) << 16) / std::max<std::int64_t>(rowWidth, 1));
}

void parallelTasks(std::int64_t count, const std::function<void(std::int64_t)>& task)
{
    std::atomic<std::int64_t> next{0};
    parallelFor(std::min<std::int64_t>(count, workerThreadCount()), 1,
                [&](std::int64_t, std::int64_t) {
                    for (std::int64_t i = next++; i < count; i = next++)
                        task(i);
                });
}

} // namespace qb
