#pragma once

#include <QElapsedTimer>
#include <QString>

#include <atomic>

namespace qb {

// Progress and cancellation of a long operation, as core/ sees it. Long operations are plain
// synchronous functions that take a Progress&; the GUI (a QPromise) and the CLI (a console line)
// provide the implementations.
//
// Thread-safety: report() is called by the thread running the operation only; isCancelled() and
// throwIfCancelled() may be called from any thread (worker threads of a parallel loop poll them).
class Progress {
public:
    virtual ~Progress() = default;

    // fraction in [0, 1] of the whole operation; text says what is happening now. Throttled:
    // forwarded only when the fraction moved by at least 0.1 %, the text changed, or the operation
    // finished, so callers may report as often as they like.
    void report(double fraction, const QString& text = {});

    bool isCancelled() const { return cancelRequested(); }

    // The one cancellation check: throws Cancelled if the user asked to stop.
    void throwIfCancelled() const;

protected:
    virtual void deliver(double fraction, const QString& text) = 0;
    virtual bool cancelRequested() const = 0;

private:
    double m_lastFraction = -1.0;
    QString m_lastText;
};

// Progress that goes nowhere and can be cancelled by calling cancel() (tests, quick calls).
class SilentProgress final : public Progress {
public:
    void cancel() { m_cancelled = true; }

protected:
    void deliver(double, const QString&) override {}
    bool cancelRequested() const override { return m_cancelled; }

private:
    std::atomic<bool> m_cancelled{false};
};

// Maps the progress of one stage onto the range [begin, end] of its parent, so a stage can
// report 0..1 without knowing where it sits in the whole operation.
class ProgressRange final : public Progress {
public:
    ProgressRange(Progress& parent, double begin, double end)
        : m_parent(parent)
        , m_begin(begin)
        , m_end(end)
    {
    }

protected:
    void deliver(double fraction, const QString& text) override
    {
        m_parent.report(m_begin + (m_end - m_begin) * fraction, text);
    }
    bool cancelRequested() const override { return m_parent.isCancelled(); }

private:
    Progress& m_parent;
    double m_begin;
    double m_end;
};

} // namespace qb
