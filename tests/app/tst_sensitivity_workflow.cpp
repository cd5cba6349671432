// The sensitivity workflow end to end in the real window on the demo model: Run › Sensitivity
// Scan… through its dialog, the scan's result in the Sensitivity tab equal to the core's own scan
// of the same settings; Plan › Automatic Bits… for 3.5 bits per weight written into the plan as
// one undoable step (undo restores the plan before it, redo the chosen one), equal to AutoBits's
// choice; evaluating that plan shows predicted against measured perplexity; a cancelled scan is
// shown hatched and refused for automatic bits, which offers a new scan instead; a scan saved as
// JSON (as `quantbench-cli sensitivity --out` writes it) opens in the window and drives automatic
// bits, and one of another model, or a broken file, is refused with the file named.

#include "app/gui/app_settings.h"
#include "app/gui/main_window.h"
#include "core/analysis/auto_bits.h"
#include "core/analysis/sensitivity_scan.h"
#include "core/io/json_file.h"
#include "core/model/loaded_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/progress.h"
#include "tests/app/isolated_settings.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"
#include "views/auto_bits_dialog.h"
#include "views/evaluation_panel.h"
#include "views/issues_model.h"
#include "views/layer_table_model.h"
#include "views/sensitivity_scan_dialog.h"
#include "views/sensitivity_view.h"

#include <QAction>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <optional>

using namespace qb;

namespace {

constexpr int kTimeoutMs = 60000;

QString evaluationText()
{
    return QDir(test::dataDir()).filePath(QStringLiteral("tinystories/tinystories_sample.txt"));
}

QByteArray planJson(const QuantPlan& plan)
{
    return QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact);
}

template <typename T> T* waitForChild(QObject* parent)
{
    T* found = nullptr;
    for (int i = 0; i < 100 && !found; ++i) {
        found = parent->findChild<T*>();
        if (!found)
            QTest::qWait(20);
    }
    return found;
}

// The request the tests scan with: RTN in groups of 32, one layer at a time.
SensitivityScanRequest smallRequest(SensitivityScanRequest request, std::vector<int> bits)
{
    request.options.bits = std::move(bits);
    request.options.quantization.method = QuantMethod::Rtn;
    request.options.quantization.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
    request.options.unit = SensitivityUnitKind::Layer;
    return request;
}

void saveShot(QWidget* widget, const QString& name)
{
    const QString shots = qEnvironmentVariable("QB_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(widget->grab().save(QDir(shots).filePath(name)));
}

} // namespace

class TestSensitivityWorkflow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { m_settings.emplace(); }
    void cleanup() { m_settings.reset(); }

    void scanThenAutomaticBits()
    {
        MainWindow window;
        window.resize(1440, 900);
        window.show();
        window.evaluationPanel()->setTextPath(evaluationText());
        window.openModel(test::demoModelDir());
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.model(), kTimeoutMs);
        const auto model = window.model();

        // Run › Sensitivity Scan…: the dialog starts from the evaluation panel's text.
        auto* scanAction = window.findChild<QAction*>(QStringLiteral("sensitivityScanAction"));
        QVERIFY(scanAction && scanAction->isEnabled());
        scanAction->trigger();
        auto* scanDialog = waitForChild<SensitivityScanDialog>(&window);
        QVERIFY(scanDialog);
        QCOMPARE(scanDialog->request().evaluationText, evaluationText());
        // Two widths keep the scan to seconds; the screenshot shows the usual four.
        const bool screenshots = !qEnvironmentVariableIsEmpty("QB_SCREENSHOT_DIR");
        const std::vector<int> widths =
            screenshots ? std::vector<int>{2, 3, 4, 8} : std::vector<int>{2, 4};
        SensitivityScanRequest request = smallRequest(scanDialog->request(), widths);
        // All five documents of the text, asked for by number: a value the settings must keep.
        request.evaluationDocuments = 5;
        scanDialog->setRequest(request);
        scanDialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle(), kTimeoutMs);

        // The tab holds the scan, equal to the core's own scan of the same settings.
        const auto scan = window.sensitivityScan();
        QVERIFY(scan && scan->complete);
        SensitivityView* view = window.sensitivityView();
        QCOMPARE(view->scan(), scan);
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("plotTabs"));
        QCOMPARE(tabs->currentWidget(), view);
        {
            const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
            SensitivityOptions options = request.options;
            SilentProgress progress;
            const SensitivityScanResult own =
                SensitivityScan::run(model, *tokenizer, {},
                                     TextDocuments::fromFile(evaluationText()), options, progress);
            QCOMPARE(own.units.size(), std::size_t(35));
            QCOMPARE(scan->units.size(), own.units.size());
            QCOMPARE(scan->bits, widths);
            QCOMPARE(scan->referencePerplexity, own.referencePerplexity);
            // The KL divergence: always positive, so the (default) log colour scale draws it as
            // it is.
            view->setMetric(SensitivityMetric::Kl);
            for (std::size_t u = 0; u < own.units.size(); ++u) {
                QCOMPARE(scan->units[u].name, own.units[u].name);
                QCOMPARE(scan->units[u].points.size(), own.units[u].points.size());
                for (std::size_t b = 0; b < own.units[u].points.size(); ++b) {
                    QCOMPARE(scan->units[u].points[b].kl, own.units[u].points[b].kl);
                    QCOMPARE(scan->units[u].points[b].deltaPerplexity,
                             own.units[u].points[b].deltaPerplexity);
                    QCOMPARE(view->cellValue(int(u), int(b)), own.units[u].points[b].kl);
                }
            }
        }

        // Clicking a row of the ranking selects its layer in the table.
        QTableView* ranking = view->rankingView();
        const int firstUnit = view->rankingModel()->unitAt(0);
        QTest::mouseClick(ranking->viewport(), Qt::LeftButton, {},
                          ranking->visualRect(view->rankingModel()->index(0, 1)).center());
        const QString clickedLayer = scan->units[std::size_t(firstUnit)].layers.front();
        const QModelIndex current = window.layerView()->selectionModel()->currentIndex();
        QCOMPARE(current.siblingAtColumn(LayerTableModel::NameColumn).data().toString(),
                 clickedLayer);
        QCOMPARE(view->selectedUnit(), firstUnit);

        // Plan › Automatic Bits… for 3.5 bits per weight.
        QUndoStack* undo = window.undoStack();
        const int stepsBefore = undo->count();
        const QByteArray before = planJson(window.layerModel()->plan());
        auto* autoAction = window.findChild<QAction*>(QStringLiteral("autoBitsAction"));
        autoAction->trigger();
        auto* autoDialog = waitForChild<AutoBitsDialog>(&window);
        QVERIFY(autoDialog);
        AutoBitsOptions options = autoDialog->options();
        options.targetBitsPerWeight = 3.5;
        // Not the default solver, so that the later session shows it was kept.
        QCOMPARE(options.solver, AutoBitsSolver::Exact);
        options.solver = AutoBitsSolver::Greedy;
        autoDialog->setOptions(options);
        const AutoBitsResult expected = AutoBits::choose(*scan, model->inventory(), options);
        const QString achieved = QLocale().toString(expected.averageBitsPerWeight, 'f', 3);
        QTRY_VERIFY_WITH_TIMEOUT(autoDialog->previewText().contains(achieved), kTimeoutMs);
        autoDialog->adjustSize();
        saveShot(autoDialog, QStringLiteral("autobits.png"));
        autoDialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.lastAutoBits(), kTimeoutMs);

        const QuantPlan chosen = window.layerModel()->plan();
        const double average = AutoBits::averageBitsPerWeight(model->inventory(), chosen);
        QVERIFY2(average <= 3.5 && average > 3.3, qPrintable(QString::number(average)));
        QCOMPARE(average, expected.averageBitsPerWeight);
        QCOMPARE(planJson(chosen), planJson(expected.plan));
        QVERIFY(view->planCheckText().contains(
            QLocale().toString(expected.predictedPerplexity, 'f', 4)));

        // One step: undo restores the plan before, redo the chosen one.
        QCOMPARE(undo->count(), stepsBefore + 1);
        undo->undo();
        QCOMPARE(planJson(window.layerModel()->plan()), before);
        QVERIFY(view->planCheckText().contains(QStringLiteral("edited")));
        undo->redo();
        QCOMPARE(planJson(window.layerModel()->plan()), planJson(expected.plan));
        QVERIFY(!view->planCheckText().contains(QStringLiteral("edited")));

        // Evaluating the plan shows the measured perplexity beside the prediction.
        window.evaluate();
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle(), kTimeoutMs);
        const auto evaluated = window.evaluationPanel()->result();
        QVERIFY(evaluated && evaluated->modified);
        QCOMPARE(evaluated->reference.perplexity(), scan->referencePerplexity);
        const QString measured = QLocale().toString(evaluated->modified->perplexity(), 'f', 4);
        QVERIFY2(view->planCheckText().contains(measured), qPrintable(view->planCheckText()));
        QVERIFY(!view->planCheckText().contains(QStringLiteral("another text")));

        tabs->setCurrentWidget(view);
        window.selectLayer(QStringLiteral("model.layers.1.mlp.down_proj"));
        QCOMPARE(view->selectedUnit(),
                 scan->findLayer(QStringLiteral("model.layers.1.mlp.down_proj"))->unit);
        QTest::qWait(50);
        saveShot(&window, QStringLiteral("sensitivity.png"));

        // A later session starts the scan dialog from the scan that was run, and Automatic Bits
        // from the options that were applied.
        QCOMPARE(AppSettings().autoBitsOptions().targetBitsPerWeight, 3.5);
        QCOMPARE(AppSettings().autoBitsOptions().loss, options.loss);
        QCOMPARE(AppSettings().autoBitsOptions().solver, AutoBitsSolver::Greedy);
        MainWindow later;
        later.openModel(test::demoModelDir());
        QTRY_VERIFY_WITH_TIMEOUT(later.jobs().isIdle() && later.model(), kTimeoutMs);
        later.findChild<QAction*>(QStringLiteral("sensitivityScanAction"))->trigger();
        auto* restoredDialog = waitForChild<SensitivityScanDialog>(&later);
        QVERIFY(restoredDialog);
        const SensitivityScanRequest restored = restoredDialog->request();
        QCOMPARE(restored.options.bits, request.options.bits);
        QCOMPARE(restored.options.unit, request.options.unit);
        // scheme.bits is not part of it: the scan replaces it with each width.
        LayerQuantConfig restoredQuantization = restored.options.quantization;
        restoredQuantization.scheme.bits = request.options.quantization.scheme.bits;
        QCOMPARE(restoredQuantization.toJson(), request.options.quantization.toJson());
        QCOMPARE(restored.evaluationText, request.evaluationText);
        QCOMPARE(restored.evaluationDocuments, request.evaluationDocuments);
        restoredDialog->reject();
    }

    void savedScanOpens()
    {
        MainWindow window;
        window.resize(1440, 900);
        window.show();
        window.openModel(test::demoModelDir());
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.model(), kTimeoutMs);
        const auto model = window.model();
        auto* saveAction = window.findChild<QAction*>(QStringLiteral("saveScanAction"));
        QVERIFY(saveAction && !saveAction->isEnabled()); // nothing to save yet
        QVERIFY(window.findChild<QAction*>(QStringLiteral("openScanAction"))->isEnabled());

        // A scan made elsewhere (the core's, as the CLI makes it), saved as JSON.
        const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
        SensitivityOptions options = smallRequest({}, {3, 4}).options;
        SilentProgress progress;
        const SensitivityScanResult own = SensitivityScan::run(
            model, *tokenizer, {}, TextDocuments::fromFile(evaluationText()), options, progress);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scan.json"));
        QVERIFY(JsonFile::writeObject(path, own.toJson()).isEmpty());

        // A narrow plot side (the layer table given most of the window) grows for the scan.
        auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        const int total = splitter->sizes()[0] + splitter->sizes()[1];
        splitter->setSizes({total - 600, 600});
        QVERIFY(window.loadScanFile(path));
        QVERIFY2(
            splitter->sizes()[1] >= 860 && splitter->sizes()[0] >= 520,
            qPrintable(
                QStringLiteral("%1 + %2").arg(splitter->sizes()[0]).arg(splitter->sizes()[1])));
        const auto opened = window.sensitivityScan();
        QVERIFY(opened);
        QCOMPARE(opened->toJson(), own.toJson());
        QCOMPARE(window.sensitivityView()->scan(), opened);
        QCOMPARE(window.findChild<QTabWidget*>(QStringLiteral("plotTabs"))->currentWidget(),
                 window.sensitivityView());
        QVERIFY(saveAction->isEnabled());
        // The whole model at each width is shown with it.
        QVERIFY(window.sensitivityView()
                    ->findChild<QLabel*>(QStringLiteral("sensitivityInfo"))
                    ->text()
                    .contains(QLocale().toString(own.uniform.at(0).perplexity, 'f', 2)));

        // Automatic bits works from it as from a scan run here.
        AutoBitsOptions autoOptions;
        autoOptions.targetBitsPerWeight = 3.8;
        window.applyAutoBits(autoOptions);
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.lastAutoBits(), kTimeoutMs);
        QCOMPARE(planJson(window.layerModel()->plan()),
                 planJson(AutoBits::choose(own, model->inventory(), autoOptions).plan));

        // A scan of another model: refused, naming the file and a layer; the scan stays.
        test::writeTinyLlama(dir.filePath(QStringLiteral("tiny")));
        const auto tiny = LoadedModel::open(dir.filePath(QStringLiteral("tiny")));
        SensitivityScanResult other = own;
        other.layers.clear();
        other.units.clear();
        other.uniform.clear();
        other.units = SensitivityScan::units(tiny->inventory(), SensitivityUnitKind::Layer);
        for (std::size_t i = 0; i < tiny->inventory().layers().size(); ++i) {
            const LinearLayer& layer = tiny->inventory().layers()[i];
            other.units[i].points = own.units[0].points;
            other.layers.push_back(SensitivityLayer{
                layer.name, layer.role, layer.block, layer.parameterCount(), int(i), {}});
        }
        const QString otherPath = dir.filePath(QStringLiteral("other.json"));
        QVERIFY(JsonFile::writeObject(otherPath, other.toJson()).isEmpty());
        const int issuesBefore = window.issuesModel()->rowCount();
        QVERIFY(!window.loadScanFile(otherPath));
        QCOMPARE(window.sensitivityScan(), opened);
        QCOMPARE(window.issuesModel()->rowCount(), issuesBefore + 1);
        const Issue refused = window.issuesModel()->issueAt(issuesBefore);
        QCOMPARE(refused.severity, Issue::Severity::Error);
        QVERIFY2(refused.message.contains(QDir::toNativeSeparators(otherPath))
                     && refused.message.contains(QStringLiteral("is not a scan of this model"))
                     && refused.message.contains(QStringLiteral("parameters")),
                 qPrintable(refused.message));

        // A broken file: the reader's message, naming the file and the field.
        QJsonObject broken = own.toJson();
        broken.remove(QStringLiteral("reference_perplexity"));
        const QString brokenPath = dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(JsonFile::writeObject(brokenPath, broken).isEmpty());
        QVERIFY(!window.loadScanFile(brokenPath));
        const QString message = window.issuesModel()->issueAt(issuesBefore + 1).message;
        QVERIFY2(message.contains(QDir::toNativeSeparators(brokenPath))
                     && message.contains(QStringLiteral("reference_perplexity")),
                 qPrintable(message));
        QCOMPARE(window.sensitivityScan(), opened);
    }

    void cancelledScanIsHatchedAndRefusedForAutomaticBits()
    {
        MainWindow window;
        window.show();
        window.evaluationPanel()->setTextPath(evaluationText());
        window.openModel(test::demoModelDir());
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle() && window.model(), kTimeoutMs);

        // Without a scan, Automatic Bits offers to run one.
        window.findChild<QAction*>(QStringLiteral("autoBitsAction"))->trigger();
        auto* box = waitForChild<QMessageBox>(&window);
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("autoBitsNeedsScan"));
        box->button(QMessageBox::Yes)->click();
        auto* scanDialog = waitForChild<SensitivityScanDialog>(&window);
        QVERIFY(scanDialog);
        const SensitivityScanRequest request = smallRequest(scanDialog->request(), {2, 4});
        scanDialog->reject();

        // Cancelled part-way: the finished measurements shown, the others hatched.
        bool cancelled = false;
        connect(&window.jobs(), &JobRunner::jobProgress, &window,
                [&](const QString& slot, quint64, double fraction, const QString&) {
                    if (slot == MainWindow::kMainSlot && fraction > 0.3 && !cancelled) {
                        cancelled = true;
                        window.jobs().cancel(MainWindow::kMainSlot);
                    }
                });
        window.runSensitivityScan(request);
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle(), kTimeoutMs);
        const auto scan = window.sensitivityScan();
        QVERIFY(scan);
        QVERIFY(!scan->complete);
        int missing = 0;
        for (const SensitivityUnitResult& unit : scan->units)
            missing += int(scan->bits.size() - unit.points.size());
        QVERIFY(missing > 0);
        QCOMPARE(window.sensitivityView()->missingCells(), missing);

        // Automatic bits refuses it and offers a new scan; the plan stays.
        const int steps = window.undoStack()->count();
        window.findChild<QAction*>(QStringLiteral("autoBitsAction"))->trigger();
        box = waitForChild<QMessageBox>(&window);
        QVERIFY(box && box->text().contains(QStringLiteral("cancelled")));
        box->button(QMessageBox::No)->click();
        window.applyAutoBits({});
        QTRY_VERIFY_WITH_TIMEOUT(window.jobs().isIdle(), kTimeoutMs);
        QCOMPARE(window.undoStack()->count(), steps);
        QVERIFY(!window.lastAutoBits());
    }

private:
    std::optional<test::IsolatedSettings> m_settings;
};

QTEST_MAIN(TestSensitivityWorkflow)
#include "tst_sensitivity_workflow.moc"
