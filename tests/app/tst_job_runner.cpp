// JobRunner: work on a pool thread, delivery on the GUI thread only for a job that succeeded and
// is still current; progress pairs (fraction, text) as reported; cancellation, failures (qb::Error,
// std::bad_alloc, other exceptions), superseded jobs that never deliver, slots that run side by
// side, and destruction while a job runs. Synchronisation by signals, semaphores and QTRY_*, never
// by fixed sleeps (the 1 ms sleeps below are the work's own polling loop).

#include "app/gui/job_runner.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <new>
#include <stdexcept>

using namespace qb;
using Outcome = JobRunner::Outcome;

namespace {

constexpr int kTimeoutMs = 10'000;
// The polling loops give up after this many 1 ms naps (about 20 s): long enough that ending
// "promptly" cannot be mistaken for hitting the limit, short enough that a broken runner fails
// the test instead of hanging it.
constexpr int kSafetyIterations = 20'000;

const QString kMain = QStringLiteral("main");

// What a test work function saw, shared with the GUI side.
struct Probe {
    std::atomic<bool> running{false};
    std::atomic<bool> sawCancel{false};
    std::atomic<bool> exited{false};
    std::atomic<int> delivered{0};
};

// Work that polls for cancellation every millisecond, reporting progress as it goes; it returns a
// delivery (which must never run once cancelled) or, with `throwOnCancel`, throws Cancelled.
JobRunner::Work untilCancelled(std::shared_ptr<Probe> probe, bool throwOnCancel = false)
{
    return [probe, throwOnCancel](Progress& progress) -> JobRunner::Delivery {
        probe->running = true;
        for (int i = 0; i < kSafetyIterations; ++i) {
            if (progress.isCancelled()) {
                probe->sawCancel = true;
                break;
            }
            progress.report(double(i) / kSafetyIterations, QStringLiteral("iteration %1").arg(i));
            QThread::msleep(1);
        }
        probe->exited = true;
        if (throwOnCancel)
            progress.throwIfCancelled();
        return [probe] { ++probe->delivered; };
    };
}

// Lets every pool thread finish and the GUI thread handle what they posted, so that "did not
// happen" can be checked.
void drainJobs()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeoutMs));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

struct Finished {
    QString slot;
    quint64 id = 0;
    QString title;
    Outcome outcome = Outcome::Failed;
    QString message;
    double seconds = -1;
};

Finished finishedAt(const QSignalSpy& spy, int i)
{
    const QList<QVariant>& args = spy.at(i);
    return {args.at(0).toString(),       args.at(1).toULongLong(), args.at(2).toString(),
            args.at(3).value<Outcome>(), args.at(4).toString(),    args.at(5).toDouble()};
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Jobs of different slots must be able to run at once even on a 1- or 2-core machine.
        QThreadPool::globalInstance()->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    }

    void cleanup() { drainJobs(); }

    void succeedsAndDeliversOnTheGuiThread()
    {
        JobRunner runner;
        QSignalSpy started(&runner, &JobRunner::jobStarted);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::atomic<QThread*> workThread{nullptr};
        QThread* deliveryThread = nullptr;
        int deliveries = 0;
        int deliveredValue = 0;
        int deliveriesSeenAtFinish = -1;
        connect(&runner, &JobRunner::jobFinished, this,
                [&] { deliveriesSeenAtFinish = deliveries; });

        const quint64 id =
            runner.start(kMain, QStringLiteral("Adding"), [&](Progress&) -> JobRunner::Delivery {
                workThread = QThread::currentThread();
                const int sum = 40 + 2;
                return [&, sum] {
                    deliveryThread = QThread::currentThread();
                    ++deliveries;
                    deliveredValue = sum;
                };
            });
        QVERIFY(id > 0);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toString(), kMain);
        QCOMPARE(started.at(0).at(1).toULongLong(), id);
        QCOMPARE(started.at(0).at(2).toString(), QStringLiteral("Adding"));
        QVERIFY(runner.isRunning(kMain));
        QVERIFY(!runner.isIdle());
        QCOMPARE(runner.title(kMain), QStringLiteral("Adding"));

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        const Finished f = finishedAt(finished, 0);
        QCOMPARE(f.slot, kMain);
        QCOMPARE(f.id, id);
        QCOMPARE(f.title, QStringLiteral("Adding"));
        QCOMPARE(f.outcome, Outcome::Succeeded);
        QCOMPARE(f.message, QString());
        QVERIFY(f.seconds >= 0.0 && f.seconds < kTimeoutMs / 1000.0);

        QCOMPARE(deliveries, 1);
        QCOMPARE(deliveredValue, 42);
        QCOMPARE(deliveriesSeenAtFinish, 1); // delivered before jobFinished
        QCOMPARE(deliveryThread, QThread::currentThread());
        QCOMPARE(deliveryThread, qApp->thread());
        QVERIFY(workThread.load());
        QVERIFY(workThread.load() != qApp->thread());

        QVERIFY(runner.isIdle());
        QVERIFY(!runner.isRunning(kMain));
        QCOMPARE(runner.title(kMain), QString());
        QCOMPARE(runner.elapsedSeconds(kMain), 0.0);
        drainJobs();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(deliveries, 1);
    }

    // Each jobProgress pairs a fraction with the text reported with it, fractions rising.
    void progressPairsFractionAndText()
    {
        JobRunner runner;
        QSignalSpy progressSpy(&runner, &JobRunner::jobProgress);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QSemaphore go;
        QSemaphore reported;
        const quint64 id = runner.start(
            kMain, QStringLiteral("Steps"), [&](Progress& progress) -> JobRunner::Delivery {
                if (!go.tryAcquire(1, kTimeoutMs))
                    throw Error(QStringLiteral("the test never let the job go"));
                for (int step = 1; step <= 4; ++step)
                    progress.report(step / 4.0, QStringLiteral("step %1").arg(step));
                reported.release();
                return {};
            });
        // Report only once the runner watches the job, and let the GUI thread see the reports
        // only after all of them were made: a text read at delivery time would be the last one.
        go.release();
        QVERIFY(reported.tryAcquire(1, kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finishedAt(finished, 0).outcome, Outcome::Succeeded);

        // Progress signals may be thinned out, but the first and the last always arrive.
        QVERIFY(progressSpy.count() >= 2);
        double previous = 0.0;
        for (int i = 0; i < progressSpy.count(); ++i) {
            const QList<QVariant>& args = progressSpy.at(i);
            QCOMPARE(args.at(0).toString(), kMain);
            QCOMPARE(args.at(1).toULongLong(), id);
            const double fraction = args.at(2).toDouble();
            const QString text = args.at(3).toString();
            QVERIFY2(fraction > previous, qPrintable(QString::number(fraction)));
            previous = fraction;
            const int step = qRound(fraction * 4.0);
            QCOMPARE(fraction, step / 4.0);
            QCOMPARE(text, QStringLiteral("step %1").arg(step));
        }
        QCOMPARE(progressSpy.first().at(2).toDouble(), 0.25);
        QCOMPARE(progressSpy.last().at(2).toDouble(), 1.0);
        QCOMPARE(progressSpy.last().at(3).toString(), QStringLiteral("step 4"));
    }

    // Reports without a text arrive too, with an empty text.
    void progressWithoutText()
    {
        JobRunner runner;
        QSignalSpy progressSpy(&runner, &JobRunner::jobProgress);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QSemaphore go;
        runner.start(kMain, QStringLiteral("Quiet"),
                     [&](Progress& progress) -> JobRunner::Delivery {
                         if (!go.tryAcquire(1, kTimeoutMs))
                             throw Error(QStringLiteral("the test never let the job go"));
                         progress.report(0.5);
                         progress.report(1.0);
                         return {};
                     });
        go.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QVERIFY(progressSpy.count() >= 1);
        QCOMPARE(progressSpy.last().at(2).toDouble(), 1.0);
        for (const QList<QVariant>& args : std::as_const(progressSpy)) {
            QVERIFY(args.at(2).toDouble() == 0.5 || args.at(2).toDouble() == 1.0);
            QCOMPARE(args.at(3).toString(), QString());
        }
    }

    void cancel_data()
    {
        QTest::addColumn<bool>("throwOnCancel");
        QTest::newRow("work returns") << false;
        QTest::newRow("work throws Cancelled") << true;
    }

    void cancel()
    {
        QFETCH(bool, throwOnCancel);
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        auto probe = std::make_shared<Probe>();
        const quint64 id =
            runner.start(kMain, QStringLiteral("Endless"), untilCancelled(probe, throwOnCancel));
        QTRY_VERIFY_WITH_TIMEOUT(probe->running, kTimeoutMs);
        QVERIFY(runner.isRunning(kMain));
        QTRY_VERIFY_WITH_TIMEOUT(runner.elapsedSeconds(kMain) > 0.0, kTimeoutMs);
        runner.cancel(QStringLiteral("elsewhere")); // no job there: nothing happens
        QVERIFY(!probe->sawCancel);

        runner.cancel(kMain);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        const Finished f = finishedAt(finished, 0);
        QCOMPARE(f.id, id);
        QCOMPARE(f.outcome, Outcome::Cancelled);
        QVERIFY(probe->sawCancel);
        QCOMPARE(probe->delivered.load(), 0);
        QVERIFY(runner.isIdle());
        drainJobs();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(probe->delivered.load(), 0);
    }

    void cancelAll()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        auto a = std::make_shared<Probe>();
        auto b = std::make_shared<Probe>();
        runner.start(QStringLiteral("a"), QStringLiteral("A"), untilCancelled(a));
        runner.start(QStringLiteral("b"), QStringLiteral("B"), untilCancelled(b));
        QTRY_VERIFY_WITH_TIMEOUT(a->running && b->running, kTimeoutMs);
        runner.cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
        QCOMPARE(finishedAt(finished, 0).outcome, Outcome::Cancelled);
        QCOMPARE(finishedAt(finished, 1).outcome, Outcome::Cancelled);
        QCOMPARE(a->delivered + b->delivered, 0);
        QVERIFY(runner.isIdle());
    }

    void failures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("qb::Error")
            << 0
            << QStringLiteral(
                   "tensor x: data offsets [4, 8) run past the end of the file (size 6)");
        QTest::newRow("std::bad_alloc")
            << 1 << QStringLiteral("not enough memory for this operation");
        QTest::newRow("std::runtime_error") << 2 << QStringLiteral("internal error: boom");
        QTest::newRow("qb::Error from the delivery")
            << 3 << QStringLiteral("the window refused the result");
    }

    void failures()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        int delivered = 0;
        const quint64 id = runner.start(kMain, QStringLiteral("Failing"),
                                        [&, kind, message](Progress&) -> JobRunner::Delivery {
                                            switch (kind) {
                                            case 0:
                                                throw Error(message);
                                            case 1:
                                                throw std::bad_alloc();
                                            case 2:
                                                throw std::runtime_error("boom");
                                            default:
                                                return [&delivered, message] {
                                                    ++delivered;
                                                    throw Error(message);
                                                };
                                            }
                                        });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        const Finished f = finishedAt(finished, 0);
        QCOMPARE(f.id, id);
        QCOMPARE(f.outcome, Outcome::Failed);
        QCOMPARE(f.message, message);
        if (kind == 1)
            QVERIFY(f.message.contains(QStringLiteral("memory")));
        QCOMPARE(delivered, kind == 3 ? 1 : 0);
        QVERIFY(runner.isIdle());
    }

    // A new job in a busy slot cancels the old one, whose result is dropped without a word.
    void supersededJobNeverDelivers()
    {
        JobRunner runner;
        QSignalSpy started(&runner, &JobRunner::jobStarted);
        QSignalSpy progressSpy(&runner, &JobRunner::jobProgress);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        auto first = std::make_shared<Probe>();
        const quint64 firstId = runner.start(kMain, QStringLiteral("First"), untilCancelled(first));
        QTRY_VERIFY_WITH_TIMEOUT(first->running, kTimeoutMs);
        // Let the first job's progress be seen, so that its later reports could leak if the
        // runner did not drop them.
        QTRY_VERIFY_WITH_TIMEOUT(progressSpy.count() > 0, kTimeoutMs);
        QCOMPARE(progressSpy.last().at(1).toULongLong(), firstId);

        int secondDelivered = 0;
        const int progressBefore = int(progressSpy.count());
        const quint64 secondId = runner.start(
            kMain, QStringLiteral("Second"), [&](Progress& progress) -> JobRunner::Delivery {
                progress.report(1.0, QStringLiteral("second done"));
                return [&] { ++secondDelivered; };
            });
        QVERIFY(secondId != firstId);
        QCOMPARE(started.count(), 2);
        QCOMPARE(runner.title(kMain), QStringLiteral("Second"));

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(first->exited, kTimeoutMs);
        drainJobs();
        QVERIFY(first->sawCancel);
        QCOMPARE(finished.count(), 1);
        const Finished f = finishedAt(finished, 0);
        QCOMPARE(f.id, secondId);
        QCOMPARE(f.title, QStringLiteral("Second"));
        QCOMPARE(f.outcome, Outcome::Succeeded);
        QCOMPARE(secondDelivered, 1);
        QCOMPARE(first->delivered.load(), 0);
        for (int i = progressBefore; i < progressSpy.count(); ++i)
            QCOMPARE(progressSpy.at(i).at(1).toULongLong(), secondId);
        QVERIFY(runner.isIdle());
    }

    // Jobs of different slots run at the same time: each waits for the other to have started.
    void slotsRunConcurrently()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::atomic<bool> aStarted{false};
        std::atomic<bool> bStarted{false};
        auto waitFor = [](std::atomic<bool>& mine, std::atomic<bool>& other) {
            return [&mine, &other](Progress&) -> JobRunner::Delivery {
                mine = true;
                for (int i = 0; i < kSafetyIterations && !other; ++i)
                    QThread::msleep(1);
                if (!other)
                    throw Error(QStringLiteral("the other job never ran alongside"));
                return {};
            };
        };
        const quint64 a = runner.start(QStringLiteral("histogram"), QStringLiteral("A"),
                                       waitFor(aStarted, bStarted));
        const quint64 b =
            runner.start(QStringLiteral("scan"), QStringLiteral("B"), waitFor(bStarted, aStarted));
        QVERIFY(runner.isRunning(QStringLiteral("histogram")));
        QVERIFY(runner.isRunning(QStringLiteral("scan")));
        QVERIFY(!runner.isRunning(kMain));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
        QSet<quint64> ids;
        for (int i = 0; i < 2; ++i) {
            const Finished f = finishedAt(finished, i);
            QVERIFY2(f.outcome == Outcome::Succeeded, qPrintable(f.message));
            ids.insert(f.id);
        }
        QCOMPARE(ids, (QSet<quint64>{a, b}));
        QVERIFY(runner.isIdle());
    }

    // The window closing with a job running: the destructor cancels it and waits for it, which
    // takes about one polling interval, not the job's whole length.
    void destroyedWhileRunning()
    {
        auto runner = std::make_unique<JobRunner>();
        QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
        auto probe = std::make_shared<Probe>();
        runner->start(kMain, QStringLiteral("Endless"), untilCancelled(probe));
        QTRY_VERIFY_WITH_TIMEOUT(probe->running, kTimeoutMs);
        QElapsedTimer timer;
        timer.start();
        runner.reset();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(probe->sawCancel);
        QVERIFY(probe->exited);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(probe->delivered.load(), 0);
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
