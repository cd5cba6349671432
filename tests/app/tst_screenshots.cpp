// A picture of every plot tab of the main window, on the demo model after a GPTQ run (3-bit,
// groups of 32, calibrated on the bundled TinyStories text), with a layer selected. Each tab must
// draw something (a picture that is not one flat colour); when the environment variable
// QB_SCREENSHOT_DIR names a folder, the window is saved there once per tab as
// <tab object name>.png (and the histogram once per display), for review.

#include "app/gui/app_settings.h"
#include "app/gui/main_window.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "tests/app/gptq_run_setup.h"
#include "tests/support/test_paths.h"
#include "views/histogram_view.h"

#include <QDir>
#include <QImage>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace qb;

namespace {

constexpr int kTimeoutMs = 60000;

// How many distinct colours a picture has (capped): a blank widget has one or two.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 64; y += 3) {
        for (int x = 0; x < image.width() && colours.size() < 64; x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyPlotTabAfterAGptqRun()
    {
        QTemporaryDir settings;
        QVERIFY(settings.isValid());
        AppSettings::useFile(settings.filePath(QStringLiteral("settings.ini")));
        const QString shots = qEnvironmentVariable("QB_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(QDir().mkpath(shots));

        MainWindow window;
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openModel(test::demoModelDir());
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.model(), kTimeoutMs);
        test::startGptq3Run(window);
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.lastRun(), kTimeoutMs);
        window.selectLayer(QStringLiteral("model.layers.2.mlp.gate_proj"));

        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("plotTabs"));
        QVERIFY(tabs);
        QVERIFY(tabs->count() >= 2);
        auto save = [&](const QString& name) {
            // Let every job the tab started (histograms, profiles) deliver before the picture.
            QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle(), kTimeoutMs);
            QTest::qWait(50);
            const QImage picture = window.grab().toImage();
            QVERIFY2(distinctColours(tabs->currentWidget()->grab().toImage()) > 8,
                     qPrintable(name + QStringLiteral(" draws nothing")));
            if (!shots.isEmpty())
                QVERIFY(picture.save(QDir(shots).filePath(name + QStringLiteral(".png"))));
        };
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            const QString name = tabs->widget(i)->objectName();
            QVERIFY2(!name.isEmpty(),
                     qPrintable(QStringLiteral("tab %1 has no object name").arg(tabs->tabText(i))));
            save(name);
        }
        tabs->setCurrentWidget(window.histogramView());
        window.histogramView()->setDisplay(HistogramView::Display::BeforeAfter);
        save(QStringLiteral("histogram-before-after"));
        window.histogramView()->setDisplay(HistogramView::Display::Error);
        save(QStringLiteral("histogram-error"));
        AppSettings::useFile({});
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
