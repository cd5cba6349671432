#include "app/cli/console_progress.h"

#include "app/cli/cli_command.h"

#include <atomic>
#include <cmath>
#include <sys/ioctl.h>
#include <unistd.h>

namespace qb::cli {

namespace {

// Set by the SIGINT handler, read by cancelRequested(). A lock-free atomic is async-signal-safe.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true, std::memory_order_relaxed);
}

constexpr qint64 kRedrawIntervalMs = 100;
constexpr int kBarWidth = 24;

int terminalColumns()
{
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

} // namespace

ConsoleProgress::ConsoleProgress()
    : m_visible(::isatty(STDERR_FILENO) == 1)
{
    g_interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = &onInterrupt;
    sigemptyset(&action.sa_mask);
    // One-shot: the handler resets itself, so a second Ctrl-C terminates at once if the
    // operation is slow to notice the first.
    action.sa_flags = SA_RESETHAND;
    ::sigaction(SIGINT, &action, &m_previousHandler);
    // A shell starts background jobs with SIGINT ignored so that Ctrl-C spares them; keep it so.
    if (m_previousHandler.sa_handler == SIG_IGN)
        ::sigaction(SIGINT, &m_previousHandler, nullptr);
}

ConsoleProgress::~ConsoleProgress()
{
    clear();
    ::sigaction(SIGINT, &m_previousHandler, nullptr);
}

void ConsoleProgress::clear()
{
    if (m_lineShown) {
        printErr(QStringLiteral("\r\033[K"));
        m_lineShown = false;
    }
}

bool ConsoleProgress::cancelRequested() const
{
    return g_interrupted.load(std::memory_order_relaxed);
}

void ConsoleProgress::deliver(double fraction, const QString& text)
{
    if (!m_visible)
        return;
    // The base class already drops changes under 0.1 %; per-tensor messages can still come
    // thousands of times a second, more than a terminal should redraw.
    const bool finished = fraction >= 1.0;
    if (m_sinceDraw.isValid() && m_sinceDraw.elapsed() < kRedrawIntervalMs && !finished)
        return;
    m_sinceDraw.start();
    draw(fraction, text);
}

void ConsoleProgress::draw(double fraction, const QString& text)
{
    const int filled = static_cast<int>(std::lround(fraction * kBarWidth));
    QString line = QLatin1Char('[') + QString(filled, QLatin1Char('#'))
                   + QString(kBarWidth - filled, QLatin1Char('-')) + QStringLiteral("] ")
                   + QStringLiteral("%1%").arg(static_cast<int>(fraction * 100), 3);
    if (!text.isEmpty())
        line += QStringLiteral("  ") + text;
    // Wider than the terminal would wrap, and "\r" would then redraw only the last part.
    const int columns = terminalColumns() - 1;
    if (line.size() > columns)
        line = line.left(columns - 1) + QChar(0x2026); // …
    printErr(QStringLiteral("\r\033[K") + line);
    m_lineShown = true;
}

} // namespace qb::cli
