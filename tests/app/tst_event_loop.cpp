// The GUI thread never stalls: while the window opens the demo model, quantizes it with GPTQ
// (with calibration), shows histograms and layer errors of other layers, evaluates and exports, a
// heartbeat timer measures how much work the GUI thread did between two of its ticks. Work on
// the GUI thread is measured in that thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so a tick that
// comes late only because the workers held both cores does not count as a stall; the wall-clock
// gaps are printed beside it.

#include "app/gui/app_settings.h"
#include "app/gui/main_window.h"
#include "core/export/checkpoint_export.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "tests/app/gptq_run_setup.h"
#include "tests/support/test_paths.h"
#include "views/evaluation_panel.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace qb;

namespace {

constexpr int kTimeoutMs = 60000;
constexpr double kStallMs = 50.0;

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

// Ticks every 5 ms on the thread it lives on and records, per tick, the wall time and the
// thread's CPU time since the previous tick.
class Heartbeat : public QObject {
public:
    Heartbeat()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double wall = double(m_wall.nsecsElapsed()) * 1e-6;
            const double cpu = threadCpuMs();
            m_wallGaps.push_back(wall - m_lastWall);
            m_cpuGaps.push_back(cpu - m_lastCpu);
            m_lastWall = wall;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_wall.start();
        m_lastWall = 0.0;
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    const std::vector<double>& wallGaps() const { return m_wallGaps; }
    const std::vector<double>& cpuGaps() const { return m_cpuGaps; }

private:
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_lastWall = 0.0;
    double m_lastCpu = 0.0;
    std::vector<double> m_wallGaps;
    std::vector<double> m_cpuGaps;
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::size_t(p * double(values.size() - 1))];
}

} // namespace

class TestEventLoop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void guiThreadNeverStallsDuringARun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AppSettings::useFile(dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window;
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        Heartbeat heartbeat;
        heartbeat.start();
        window.openModel(test::demoModelDir());
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.model(), kTimeoutMs);

        test::startGptq3Run(window);
        // Meanwhile the user looks around: other layers' histograms, the error plot.
        const int layers = int(window.model()->inventory().layers().size());
        for (int i = 0; i < 12; ++i) {
            window.selectLayer(
                window.model()->inventory().layers()[std::size_t((i * 5) % layers)].name);
            QTest::qWait(40);
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.lastRun(), kTimeoutMs);

        window.evaluationPanel()->setTextPath(
            QDir(test::dataDir()).filePath(QStringLiteral("tinystories/tinystories_sample.txt")));
        window.evaluate();
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.evaluationPanel()->result(),
                                 kTimeoutMs);

        CheckpointExportOptions options;
        options.format = CheckpointFormat::Fake;
        window.exportCheckpoint(dir.filePath(QStringLiteral("export")), options);
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle()
                                     && QFileInfo::exists(dir.filePath(QStringLiteral("export"))),
                                 kTimeoutMs);
        heartbeat.stop();
        AppSettings::useFile({});

        const std::vector<double>& cpu = heartbeat.cpuGaps();
        const std::vector<double>& wall = heartbeat.wallGaps();
        QVERIFY(cpu.size() > 100);
        const double worstCpu = *std::max_element(cpu.begin(), cpu.end());
        const double worstWall = *std::max_element(wall.begin(), wall.end());
        qInfo("%zu ticks: GUI-thread work between ticks: worst %.1f ms, 99th percentile %.1f ms; "
              "wall-clock gaps: worst %.1f ms, 99th percentile %.1f ms",
              cpu.size(), worstCpu, percentile(cpu, 0.99), worstWall, percentile(wall, 0.99));
        QVERIFY2(worstCpu < kStallMs,
                 qPrintable(QStringLiteral("the GUI thread worked %1 ms without returning to the "
                                           "event loop")
                                .arg(worstCpu)));
    }
};

QTEST_MAIN(TestEventLoop)
#include "tst_event_loop.moc"
