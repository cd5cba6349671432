#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace qb {

class Progress;

// The one job runner of the GUI. Long operations (opening a model, quantizing, exporting,
// computing plot data) run on a pool thread through QtConcurrent and report progress through a
// qb::Progress backed by the job's QPromise; Cancel sets the promise's cancel flag, which core
// polls at natural boundaries.
//
// Jobs live in named slots ("main", "histogram", …). Starting a job in a busy slot cancels the
// running one and drops its result when it ends (a superseded job never delivers), so a late
// histogram of a layer the user has already left never overwrites the current one.
//
// A job's work returns a Delivery: a closure the runner calls on the GUI thread when, and only
// when, the job succeeded and is still the current job of its slot. Work must not touch widgets;
// deliveries may. No processEvents(), no nested event loops.
//
// A job started with OnCancel::DeliverPartial is one whose work, when cancelled, may stop early
// and return what it finished (a quantization run keeps its finished layers): if such a job is
// cancelled with cancel() and its work returns instead of throwing Cancelled, the delivery runs
// and the outcome is PartlyDone. A superseded job never delivers, whatever its OnCancel.
class JobRunner : public QObject {
    Q_OBJECT

public:
    using Delivery = std::function<void()>;
    using Work = std::function<Delivery(Progress& progress)>;
    // PartlyDone: cancelled, and the partial result was delivered (OnCancel::DeliverPartial).
    enum class Outcome { Succeeded, Cancelled, Failed, PartlyDone };
    Q_ENUM(Outcome)
    enum class OnCancel { Drop, DeliverPartial };

    explicit JobRunner(QObject* parent = nullptr);
    // Cancels every job and waits for them to stop.
    ~JobRunner() override;

    // Starts `work` in `slot`, superseding a job running there. Returns the job id.
    quint64 start(const QString& slot, const QString& title, Work work,
                  OnCancel onCancel = OnCancel::Drop);
    void cancel(const QString& slot);
    void cancelAll();
    bool isRunning(const QString& slot) const { return m_jobs.contains(slot); }
    bool isIdle() const { return m_jobs.isEmpty(); }
    QString title(const QString& slot) const;
    // Seconds the job in `slot` has been running (0 when none).
    double elapsedSeconds(const QString& slot) const;

Q_SIGNALS:
    void jobStarted(const QString& slot, quint64 id, const QString& title);
    void jobProgress(const QString& slot, quint64 id, double fraction, const QString& text);
    // Not emitted for superseded jobs. `message` explains a failure.
    void jobFinished(const QString& slot, quint64 id, const QString& title,
                     qb::JobRunner::Outcome outcome, const QString& message, double seconds);

private:
    struct Job {
        quint64 id = 0;
        QString title;
        QObject* watcher = nullptr; // the QFutureWatcher, owned by this
        QElapsedTimer timer;
        OnCancel onCancel = OnCancel::Drop;
    };
    struct Result; // what the work gave: delivery or error (job_runner.cpp)
    void finish(const QString& slot, quint64 id, QObject* watcher, const Result& result);

    QHash<QString, Job> m_jobs;
    QList<QObject*> m_superseded; // watchers of cancelled jobs still winding down
    quint64 m_nextId = 1;
};

} // namespace qb
