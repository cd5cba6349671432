#include "app/gui/job_runner.h"

#include "core/util/error.h"
#include "core/util/progress.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent>

#include <memory>
#include <new>

namespace qb {

// The future carries no value: the work's result goes through a Result shared with the GUI side,
// because a cancelled promise drops results and a partial one must still get through. The worker
// writes it before the future finishes; the GUI thread reads it once `finished` arrives.
struct JobRunner::Result {
    Delivery deliver;
    Outcome outcome = Outcome::Cancelled; // also when the work never ran
    QString message;
};

namespace {

using Watcher = QFutureWatcher<void>;

// Progress reported into the job's promise (0 … 1000), cancellation read from it.
class PromiseProgress final : public Progress {
public:
    explicit PromiseProgress(QPromise<void>& promise)
        : m_promise(promise)
    {
        m_promise.setProgressRange(0, 1000);
    }

protected:
    void deliver(double fraction, const QString& text) override
    {
        // Never a null text: the watcher announces a report's text only when it is not null, and
        // the runner emits jobProgress on that announcement (see start()).
        m_promise.setProgressValueAndText(static_cast<int>(fraction * 1000.0),
                                          text.isNull() ? QString(QLatin1String("")) : text);
    }
    bool cancelRequested() const override { return m_promise.isCanceled(); }

private:
    QPromise<void>& m_promise;
};

} // namespace

JobRunner::JobRunner(QObject* parent)
    : QObject(parent)
{
}

JobRunner::~JobRunner()
{
    cancelAll();
    for (const Job& job : std::as_const(m_jobs))
        static_cast<Watcher*>(job.watcher)->waitForFinished();
    for (QObject* watcher : std::as_const(m_superseded))
        static_cast<Watcher*>(watcher)->waitForFinished();
}

quint64 JobRunner::start(const QString& slot, const QString& title, Work work, OnCancel onCancel)
{
    if (m_jobs.contains(slot)) {
        Job& old = m_jobs[slot];
        static_cast<Watcher*>(old.watcher)->cancel();
        m_superseded << old.watcher;
        m_jobs.remove(slot);
    }
    const quint64 id = m_nextId++;
    auto* watcher = new Watcher(this);
    Job job;
    job.id = id;
    job.title = title;
    job.watcher = watcher;
    job.timer.start();
    job.onCancel = onCancel;
    m_jobs.insert(slot, job);
    auto result = std::make_shared<Result>();

    // One report arrives as two signals of the same event, the value first, then its text.
    // watcher->progressText() would give the promise's latest text, which may already belong to a
    // later report, so the value is kept until its own text arrives.
    auto value = std::make_shared<int>(0);
    connect(watcher, &Watcher::progressValueChanged, this, [value](int v) { *value = v; });
    connect(watcher, &Watcher::progressTextChanged, this,
            [this, slot, id, value](const QString& text) {
                if (m_jobs.value(slot).id == id)
                    Q_EMIT jobProgress(slot, id, *value / 1000.0, text);
            });
    connect(watcher, &Watcher::finished, this,
            [this, slot, id, watcher, result] { finish(slot, id, watcher, *result); });

    watcher->setFuture(QtConcurrent::run([work = std::move(work), result](QPromise<void>& promise) {
        PromiseProgress progress(promise);
        Result& out = *result;
        out.outcome = Outcome::Failed;
        try {
            out.deliver = work(progress);
            out.outcome = Outcome::Succeeded;
        } catch (const Cancelled&) {
            out.outcome = Outcome::Cancelled;
        } catch (const Error& e) {
            out.message = e.message();
        } catch (const std::bad_alloc&) {
            out.message = JobRunner::tr("not enough memory for this operation");
        } catch (const std::exception& e) {
            out.message = JobRunner::tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            out.message = JobRunner::tr("internal error: an unknown exception");
        }
    }));
    Q_EMIT jobStarted(slot, id, title);
    return id;
}

void JobRunner::finish(const QString& slot, quint64 id, QObject* watcherObject,
                       const Result& finished)
{
    auto* watcher = static_cast<Watcher*>(watcherObject);
    watcher->deleteLater();
    if (m_superseded.removeOne(watcherObject) || m_jobs.value(slot).id != id)
        return; // superseded: its result is stale
    const double seconds = m_jobs.value(slot).timer.nsecsElapsed() * 1e-9;
    const QString title = m_jobs.value(slot).title;
    const OnCancel onCancel = m_jobs.value(slot).onCancel;
    m_jobs.remove(slot);

    Result result = finished;
    if (watcher->isCanceled()) {
        // Work that returned despite the cancel has a partial result; deliver it only if the
        // job said it may.
        const bool partial = onCancel == OnCancel::DeliverPartial
                             && result.outcome == Outcome::Succeeded && result.deliver;
        if (!partial) {
            result.outcome = Outcome::Cancelled;
            result.deliver = nullptr;
        } else {
            result.outcome = Outcome::PartlyDone;
        }
    }
    if ((result.outcome == Outcome::Succeeded || result.outcome == Outcome::PartlyDone)
        && result.deliver) {
        try {
            result.deliver();
        } catch (const Error& e) {
            result.outcome = Outcome::Failed;
            result.message = e.message();
        } catch (const std::exception& e) {
            // A bug in a delivery must not escape into the event loop (Qt would terminate).
            result.outcome = Outcome::Failed;
            result.message = tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        }
    }
    Q_EMIT jobFinished(slot, id, title, result.outcome, result.message, seconds);
}

void JobRunner::cancel(const QString& slot)
{
    const auto it = m_jobs.constFind(slot);
    if (it != m_jobs.cend())
        static_cast<Watcher*>(it->watcher)->cancel();
}

void JobRunner::cancelAll()
{
    for (const Job& job : std::as_const(m_jobs))
        static_cast<Watcher*>(job.watcher)->cancel();
}

QString JobRunner::title(const QString& slot) const
{
    return m_jobs.value(slot).title;
}

double JobRunner::elapsedSeconds(const QString& slot) const
{
    const auto it = m_jobs.constFind(slot);
    return it == m_jobs.cend() ? 0.0 : it->timer.nsecsElapsed() * 1e-9;
}

} // namespace qb
