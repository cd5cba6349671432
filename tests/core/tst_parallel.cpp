// The process-wide worker pool behind parallelFor: every index exactly once, callers on several
// threads at once, nested loops, exceptions.

#include "core/util/parallel.h"

#include <QTest>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace qb;

class TestParallel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coversEveryIndexOnce()
    {
        for (std::int64_t count : {1, 2, 3, 7, 64, 1000, 4099}) {
            std::vector<std::atomic<int>> hits(static_cast<std::size_t>(count));
            parallelFor(count, 1, [&](std::int64_t begin, std::int64_t end) {
                QVERIFY(begin < end);
                for (std::int64_t i = begin; i < end; ++i)
                    ++hits[static_cast<std::size_t>(i)];
            });
            for (const auto& h : hits)
                QCOMPARE(h.load(), 1);
        }
    }

    // Many small loops from several threads at once: the pool's hand-out and wake-up paths (a
    // race there once crashed a worker that found a batch emptied under its feet).
    void concurrentCallers()
    {
        std::atomic<long> total{0};
        std::vector<std::thread> callers;
        for (int c = 0; c < 4; ++c)
            callers.emplace_back([&] {
                for (int round = 0; round < 5000; ++round)
                    parallelFor(64, 1, [&](std::int64_t b, std::int64_t e) { total += e - b; });
            });
        for (auto& t : callers)
            t.join();
        QCOMPARE(total.load(), 4L * 5000 * 64);
    }

    void nestedLoopsRunSerially()
    {
        std::atomic<long> total{0};
        parallelFor(8, 1, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i)
                parallelFor(100, 1, [&](std::int64_t ib, std::int64_t ie) { total += ie - ib; });
        });
        QCOMPARE(total.load(), 800L);
    }

    void firstExceptionIsRethrown()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, parallelFor(100, 1, [](std::int64_t b, std::int64_t) {
                                     if (b == 0)
                                         throw std::runtime_error("chunk failed");
                                 }));
        // The pool still works afterwards.
        std::atomic<int> ran{0};
        parallelFor(10, 1, [&](std::int64_t b, std::int64_t e) { ran += int(e - b); });
        QCOMPARE(ran.load(), 10);
    }
};

QTEST_GUILESS_MAIN(TestParallel)
#include "tst_parallel.moc"
