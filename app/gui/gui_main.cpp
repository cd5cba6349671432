// quantbench: the GUI. With no argument it opens the bundled demo model.

#include "app/gui/main_window.h"
#include "core/util/app_identity.h"
#include "core/util/cpu_support.h"
#include "core/util/translations.h"
#include "views/histogram_view.h"
#include "views/layer_table_model.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

// What --screenshot shows: the options given with it.
struct ScreenshotRequest {
    QString path;
    QString recipe;
    QString scan;
    QString select;
    QString tab;
    QString compare; // a checkpoint to compare with instead of evaluating the plan
    bool quantize = false;
    bool evaluate = false;
    bool generate = false;
};

// Waits (without blocking the event loop) until the window has opened its model and finished
// every job, then saves a picture of it and quits. For documentation and the packaging test.
void scheduleScreenshot(qb::MainWindow& window, const ScreenshotRequest& request)
{
    const QString& path = request.path;
    const QString& recipe = request.recipe;
    const QString& scan = request.scan;
    const QString& select = request.select;
    const QString& tab = request.tab;
    auto* timer = new QTimer(&window);
    auto* clock = new QElapsedTimer;
    clock->start();
    // 0 waiting for the model, 1 quantizing, 2 evaluating, 3 generating, 4 settling
    auto stage = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, &window, [=, &window] {
        if (clock->elapsed() > 120'000) {
            std::fprintf(stderr, "quantbench: --screenshot: gave up waiting for the model: %s\n",
                         qPrintable(window.statusText()));
            QCoreApplication::exit(1);
            return;
        }
        if (!window.model() || !window.jobs().isIdle())
            return;
        if (*stage == 0) {
            if (!recipe.isEmpty() && !window.loadPlanFile(recipe)) {
                std::fprintf(stderr, "quantbench: --screenshot: cannot load the recipe %s\n",
                             qPrintable(recipe));
                QCoreApplication::exit(1);
                return;
            }
            if (!scan.isEmpty() && !window.loadScanFile(scan)) {
                std::fprintf(stderr, "quantbench: --screenshot: cannot open the scan %s\n",
                             qPrintable(scan));
                QCoreApplication::exit(1);
                return;
            }
            if (!tab.isEmpty()) {
                QTabWidget* tabs = window.plotTabs();
                int found = -1;
                for (int i = 0; i < tabs->count(); ++i) {
                    if (tabs->tabText(i).remove(QLatin1Char('&')).compare(tab, Qt::CaseInsensitive)
                        == 0)
                        found = i;
                }
                if (found < 0) {
                    std::fprintf(stderr, "quantbench: --tab: there is no tab named %s\n",
                                 qPrintable(tab));
                    QCoreApplication::exit(1);
                    return;
                }
                tabs->setCurrentIndex(found);
                // The plot gets the larger share, as a user looking at it would give it.
                if (auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter")))
                    splitter->setSizes({560, std::max(600, window.width() - 560)});
            }
            if (!select.isEmpty())
                window.selectLayer(select);
            if (request.quantize)
                window.quantizeLayers(false);
            *stage = 1;
            return;
        }
        if (*stage == 1) {
            if (!request.compare.isEmpty())
                window.compareWith(request.compare);
            else if (request.evaluate)
                window.evaluate();
            *stage = 2;
            return;
        }
        if (*stage == 2) {
            if (request.generate)
                window.generate();
            *stage = 3;
            return;
        }
        if (*stage == 3) { // one more tick so the last snapshot is drawn
            *stage = 4;
            return;
        }
        timer->stop();
        delete clock;
        const bool saved = window.grab().save(path);
        if (!saved)
            std::fprintf(stderr, "quantbench: cannot save the screenshot to %s\n",
                         qPrintable(path));
        QCoreApplication::exit(saved ? 0 : 1);
    });
    timer->start(100);
}

// The command line. Built after an application object exists, so its texts are translated.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main",
                                                              "Save a picture of the window "
                                                              "to FILE once the model is "
                                                              "open, then quit."),
                                  QStringLiteral("FILE")};
    QCommandLineOption select{QStringLiteral("select"),
                              QCoreApplication::translate("main", "Select LAYER after opening "
                                                                  "(with --screenshot)."),
                              QStringLiteral("LAYER")};
    QCommandLineOption tab{QStringLiteral("tab"),
                           QCoreApplication::translate("main", "Show the plot tab titled NAME "
                                                               "(with --screenshot)."),
                           QStringLiteral("NAME")};
    QCommandLineOption recipe{QStringLiteral("recipe"),
                              QCoreApplication::translate("main", "Load the plan from the recipe "
                                                                  "FILE after opening (with "
                                                                  "--screenshot)."),
                              QStringLiteral("FILE")};
    QCommandLineOption scan{QStringLiteral("scan"),
                            QCoreApplication::translate("main",
                                                        "Open the sensitivity scan FILE (JSON) "
                                                        "after opening (with --screenshot)."),
                            QStringLiteral("FILE")};
    QCommandLineOption quantize{QStringLiteral("quantize"),
                                QCoreApplication::translate("main",
                                                            "Quantize all layers after "
                                                            "opening (with --screenshot).")};
    QCommandLineOption evaluate{QStringLiteral("evaluate"),
                                QCoreApplication::translate("main",
                                                            "Evaluate the perplexity after opening "
                                                            "(with --screenshot).")};
    QCommandLineOption compare{QStringLiteral("compare"),
                               QCoreApplication::translate("main",
                                                           "Compare the checkpoint at PATH with "
                                                           "the model after opening (with "
                                                           "--screenshot; instead of --evaluate)."),
                               QStringLiteral("PATH")};
    QCommandLineOption generate{
        QStringLiteral("generate"),
        QCoreApplication::translate("main", "Continue the Generation panel's prompt "
                                            "after opening (with --screenshot).")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "QuantBench: a workbench for quantizing large language models."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(
            QStringLiteral("model"),
            QCoreApplication::translate("main", "Model folder, GGUF file or project (.qbproj) to "
                                                "open (default: the bundled demo model)."),
            QStringLiteral("[MODEL_DIR|PROJECT]"));
        parser.addOption(screenshot);
        parser.addOption(select);
        parser.addOption(tab);
        parser.addOption(recipe);
        parser.addOption(scan);
        parser.addOption(quantize);
        parser.addOption(evaluate);
        parser.addOption(compare);
        parser.addOption(generate);
    }
};

// --help and --version print and exit without a display, so they need no GUI application.
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        qb::setApplicationIdentity();
        qb::installTranslators(app, QLocale::system());
        CommandLine commandLine;
        commandLine.parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    qb::setApplicationIdentity();
    QApplication::setDesktopFileName(QStringLiteral("org.quantbench.QuantBench"));
    qb::installTranslators(app, QLocale::system());
    if (const QString problem = qb::CpuSupport::problem(); !problem.isEmpty()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "QuantBench"), problem);
        return 1;
    }
    CommandLine commandLine;
    commandLine.parser.process(app);

    qb::MainWindow window;
    window.show();

    const QStringList positional = commandLine.parser.positionalArguments();
    if (!positional.isEmpty())
        window.openPath(positional.front());
    else
        window.openDemoModel();

    if (const QCommandLineParser& parser = commandLine.parser; parser.isSet(commandLine.screenshot))
        scheduleScreenshot(window, {.path = parser.value(commandLine.screenshot),
                                    .recipe = parser.value(commandLine.recipe),
                                    .scan = parser.value(commandLine.scan),
                                    .select = parser.value(commandLine.select),
                                    .tab = parser.value(commandLine.tab),
                                    .compare = parser.value(commandLine.compare),
                                    .quantize = parser.isSet(commandLine.quantize),
                                    .evaluate = parser.isSet(commandLine.evaluate),
                                    .generate = parser.isSet(commandLine.generate)});
    return QApplication::exec();
}
