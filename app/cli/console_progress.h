#pragma once

#include "core/util/progress.h"

#include <QElapsedTimer>
#include <QString>

#include <csignal>

namespace qb::cli {

// The CLI's Progress: one line on stderr, "[#####-----]  42%  Writing model.layers.3…", redrawn in
// place at most ten times a second — only when stderr is a terminal, so logs and pipes stay
// clean. While an object exists, Ctrl-C (SIGINT) requests cancellation instead of killing the
// process: the operation stops at its next check and throws qb::Cancelled, and its output is
// cleaned up by the usual unwinding. A second Ctrl-C kills the process as usual.
//
// Create one per long operation, on the thread that runs it, and at most one at a time (the
// SIGINT handler is process-wide). isCancelled() may be polled from any thread.
class ConsoleProgress final : public Progress {
public:
    ConsoleProgress();
    ~ConsoleProgress() override;
    ConsoleProgress(const ConsoleProgress&) = delete;
    ConsoleProgress& operator=(const ConsoleProgress&) = delete;

    // Erases the progress line so that what is printed next starts on a clean line. The
    // destructor does it too; call it before printing results while the object is still alive.
    void clear();

protected:
    void deliver(double fraction, const QString& text) override;
    bool cancelRequested() const override;

private:
    void draw(double fraction, const QString& text);

    bool m_visible = false; // stderr is a terminal
    bool m_lineShown = false;
    QElapsedTimer m_sinceDraw;
    struct sigaction m_previousHandler {};
};

} // namespace qb::cli
