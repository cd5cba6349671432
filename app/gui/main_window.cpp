#include "app/gui/main_window.h"

#include "core/analysis/auto_bits.h"
#include "core/analysis/layer_input_profile.h"
#include "core/analysis/rounding_lab.h"
#include "core/analysis/sensitivity_scan.h"
#include "core/backend/backend_registry.h"
#include "core/calib/calibration_set.h"
#include "core/export/report_file.h"
#include "core/io/json_file.h"
#include "core/metrics/perplexity.h"
#include "core/metrics/weight_histogram.h"
#include "core/metrics/weight_scan.h"
#include "core/model/loaded_model.h"
#include "core/model/text_generator.h"
#include "core/model/transformer.h"
#include "core/quant/plan_weight_hooks.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "views/auto_bits_dialog.h"
#include "views/calibration_panel.h"
#include "views/compute_device_dialog.h"
#include "views/evaluation_panel.h"
#include "views/generation_panel.h"
#include "views/hessian_view.h"
#include "views/histogram_view.h"
#include "views/issues_model.h"
#include "views/issues_panel.h"
#include "views/layer_error_view.h"
#include "views/layer_table_model.h"
#include "views/method_options.h"
#include "views/outlier_channel_view.h"
#include "views/plan_defaults_bar.h"
#include "views/plan_field_delegate.h"
#include "views/rounding_lab_view.h"
#include "views/sensitivity_ranking_model.h"
#include "views/sensitivity_scan_dialog.h"
#include "views/sensitivity_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <map>

namespace qb {

namespace {

const QString kHistogramSlot = QStringLiteral("histogram");
const QString kScanSlot = QStringLiteral("scan");
// The input profile of the selected layer (the Outlier channels and Hessian tabs).
const QString kProfileSlot = QStringLiteral("profile");
const QString kLabSlot = QStringLiteral("lab");
// Calibration windows the rounding lab records a layer's inputs over: enough for a stable X^T X of
// a small layer, few enough to take seconds.
constexpr int kLabCalibrationSamples = 32;
// The automatic-bits dialog's preview of its current options.
const QString kAutoBitsPreviewSlot = QStringLiteral("autobits-preview");
// Setting up a compute device builds its kernels (seconds, when no cache has them yet).
const QString kBackendSlot = QStringLiteral("backend");

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QString formatSeconds(double seconds)
{
    return seconds < 1.0 ? MainWindow::tr("%1 ms").arg(QLocale().toString(seconds * 1000.0, 'f', 0))
                         : MainWindow::tr("%1 s").arg(QLocale().toString(seconds, 'f', 1));
}

// Runs the pipeline (on the worker thread): the calibration windows cut from `textPath` (none
// when it is empty), then QuantizationPipeline::run. Cancelling while the windows are prepared
// throws Cancelled; during the run, returns the layers finished so far.
std::shared_ptr<const QuantizedModel> runPipeline(const std::shared_ptr<const LoadedModel>& model,
                                                  const QuantPlan& plan, const QString& textPath,
                                                  const PipelineOptions& options,
                                                  Progress& progress)
{
    std::vector<std::vector<int>> windows;
    if (!textPath.isEmpty()) {
        progress.report(0.0, MainWindow::tr("Reading the calibration text %1")
                                 .arg(QDir::toNativeSeparators(textPath)));
        windows = CalibrationSet::fromTextFile(*model, textPath, plan.calibration);
    }
    progress.throwIfCancelled();
    return QuantizationPipeline::run(model, plan, windows, options, progress);
}

// On the worker thread: `kept` when there is one, else a new pipeline run of `plan` in the first
// 60 % of `progress` (`ran` says which); a cancelled new run is thrown away (Cancelled).
std::shared_ptr<const QuantizedModel> keptOrNewRun(std::shared_ptr<const QuantizedModel> kept,
                                                   const std::shared_ptr<const LoadedModel>& model,
                                                   const QuantPlan& plan, const QString& textPath,
                                                   const PipelineOptions& options,
                                                   Progress& progress, bool& ran)
{
    ran = !kept;
    if (kept)
        return kept;
    ProgressRange stage(progress, 0.0, 0.6);
    auto run = runPipeline(model, plan, textPath, options, stage);
    if (!run->report.complete)
        progress.throwIfCancelled();
    return run;
}

QByteArray jsonBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_undoStack(new QUndoStack(this))
    , m_layerModel(new LayerTableModel(this))
    , m_layerProxy(new QSortFilterProxyModel(this))
    , m_issues(new IssuesModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon("quantbench"));
    setAcceptDrops(true);
    m_layerModel->setUndoStack(m_undoStack);
    m_layerProxy->setSourceModel(m_layerModel);
    m_layerProxy->setSortRole(LayerTableModel::SortRole);
    m_layerProxy->setFilterKeyColumn(LayerTableModel::NameColumn);
    m_layerProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    createActions();
    createWidgets();
    createMenus();

    connect(&m_jobs, &JobRunner::jobStarted, this, &MainWindow::onJobStarted);
    connect(&m_jobs, &JobRunner::jobProgress, this, &MainWindow::onJobProgress);
    connect(&m_jobs, &JobRunner::jobFinished, this, &MainWindow::onJobFinished);
    connect(m_layerModel, &LayerTableModel::planChanged, this, &MainWindow::onPlanChanged);

    restoreSettings();
    setComputeBackend(m_settings.value(AppSettings::Key::ComputeBackend).toString());
    setWindowTitle(tr("QuantBench"));
    updateActions();
    showStatus(tr("Open a model folder to begin."));
}

MainWindow::~MainWindow() = default;

QString MainWindow::demoEvaluationText()
{
    const QString path =
        QDir(QCoreApplication::applicationDirPath())
            .filePath(QStringLiteral("../share/quantbench/demo/text/tinystories_sample.txt"));
    return QFileInfo(path).isFile() ? QDir::cleanPath(path) : QString();
}

QString MainWindow::demoCalibrationText()
{
    const QString path =
        QDir(QCoreApplication::applicationDirPath())
            .filePath(QStringLiteral("../share/quantbench/demo/text/TinyStories-valid-subset.txt"));
    return QFileInfo(path).isFile() ? QDir::cleanPath(path) : QString();
}

QString MainWindow::demoModelDirectory()
{
    const QString dir = QDir(QCoreApplication::applicationDirPath())
                            .filePath(QStringLiteral("../share/quantbench/demo/stories260K"));
    return QFileInfo(dir).isDir() ? QDir::cleanPath(dir) : QString();
}

// ---- construction -----------------------------------------------------------------------------

void MainWindow::createActions()
{
    m_openAction = new QAction(icon("open"), tr("&Open Model Folder…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(
        tr("Open a Hugging Face checkpoint folder (config.json and safetensors; GPTQ, AWQ and "
           "compressed-tensors folders are dequantized on opening)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseModelFolder);

    m_openGgufAction = new QAction(tr("Open &GGUF File…"), this);
    m_openGgufAction->setObjectName(QStringLiteral("openGgufAction"));
    m_openGgufAction->setStatusTip(
        tr("Open a llama.cpp GGUF file (llama architecture), dequantized to float32 on opening"));
    connect(m_openGgufAction, &QAction::triggered, this, &MainWindow::chooseGgufFile);

    m_demoAction = new QAction(icon("demo"), tr("Open &Demo Model"), this);
    m_demoAction->setStatusTip(tr("Open the bundled stories260K model"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::openDemoModel);

    m_exportAction = new QAction(icon("export"), tr("&Export Checkpoint…"), this);
    m_exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    m_exportAction->setStatusTip(tr("Write the quantized model as a fake-quant, GPTQ, AWQ or "
                                    "compressed-tensors checkpoint"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::chooseExportFolder);

    m_saveReportAction = new QAction(tr("Save &Report…"), this);
    m_saveReportAction->setObjectName(QStringLiteral("saveReportAction"));
    m_saveReportAction->setStatusTip(tr("Save the latest run's per-layer report: an HTML page to "
                                        "read and share, a CSV table or JSON"));
    connect(m_saveReportAction, &QAction::triggered, this, &MainWindow::saveReport);

    m_savePlanAction = new QAction(tr("Save &Plan…"), this);
    m_savePlanAction->setStatusTip(tr("Save the per-layer plan as a recipe (JSON)"));
    connect(m_savePlanAction, &QAction::triggered, this, &MainWindow::savePlan);

    m_loadPlanAction = new QAction(tr("&Load Plan…"), this);
    m_loadPlanAction->setStatusTip(tr("Load a recipe (JSON) as the plan of this model"));
    connect(m_loadPlanAction, &QAction::triggered, this, &MainWindow::loadPlan);

    m_openScanAction = new QAction(tr("Open Sensitivity Sc&an…"), this);
    m_openScanAction->setObjectName(QStringLiteral("openScanAction"));
    m_openScanAction->setStatusTip(tr("Show a sensitivity scan saved as JSON (also by "
                                      "quantbench-cli sensitivity --out) for this model"));
    connect(m_openScanAction, &QAction::triggered, this, &MainWindow::openScan);

    m_saveScanAction = new QAction(tr("Save Sensitivity Scan…"), this);
    m_saveScanAction->setObjectName(QStringLiteral("saveScanAction"));
    m_saveScanAction->setStatusTip(tr("Save the sensitivity scan as JSON, as quantbench-cli "
                                      "sensitivity --out writes it (quantbench-cli autobits "
                                      "--scan reads it)"));
    connect(m_saveScanAction, &QAction::triggered, this, &MainWindow::saveScan);

    m_openProjectAction = new QAction(tr("Open Pro&ject…"), this);
    m_openProjectAction->setObjectName(QStringLiteral("openProjectAction"));
    m_openProjectAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_openProjectAction->setStatusTip(
        tr("Open a saved session: its model, plan, texts, sensitivity scan and quantized layers"));
    connect(m_openProjectAction, &QAction::triggered, this, &MainWindow::chooseProjectFile);

    m_saveProjectAction = new QAction(tr("&Save Project"), this);
    m_saveProjectAction->setObjectName(QStringLiteral("saveProjectAction"));
    m_saveProjectAction->setShortcut(QKeySequence::Save);
    m_saveProjectAction->setStatusTip(
        tr("Save this session in one file: the model's path, the plan, the calibration and "
           "evaluation texts, the sensitivity scan and the last run's quantized layers"));
    connect(m_saveProjectAction, &QAction::triggered, this, [this] { saveProject(); });

    m_saveProjectAsAction = new QAction(tr("Save Project &As…"), this);
    m_saveProjectAsAction->setObjectName(QStringLiteral("saveProjectAsAction"));
    m_saveProjectAsAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    m_saveProjectAsAction->setStatusTip(tr("Save this session in a new project file"));
    connect(m_saveProjectAsAction, &QAction::triggered, this, [this] { saveProjectAs(); });

    m_quitAction = new QAction(icon("quit"), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(icon("undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(icon("redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_quantizeSelectedAction = new QAction(icon("quantize"), tr("Quantize &Selected Layers"), this);
    m_quantizeSelectedAction->setObjectName(QStringLiteral("quantizeSelectedAction"));
    m_quantizeSelectedAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_quantizeSelectedAction->setStatusTip(tr("Quantize the selected layers as the plan says, "
                                              "the others kept in full precision, and measure "
                                              "their errors"));
    connect(m_quantizeSelectedAction, &QAction::triggered, this, [this] { quantizeLayers(true); });

    m_quantizeAllAction = new QAction(icon("quantize"), tr("Quantize &All Layers"), this);
    m_quantizeAllAction->setObjectName(QStringLiteral("quantizeAllAction"));
    m_quantizeAllAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    m_quantizeAllAction->setStatusTip(tr("Quantize every layer as the plan says, block by block, "
                                         "and measure each layer's output and weight errors"));
    connect(m_quantizeAllAction, &QAction::triggered, this, [this] { quantizeLayers(false); });

    m_evaluateAction = new QAction(icon("evaluate"), tr("&Evaluate Perplexity"), this);
    m_evaluateAction->setObjectName(QStringLiteral("evaluateAction"));
    m_evaluateAction->setShortcut(Qt::Key_F5);
    m_evaluateAction->setStatusTip(tr("Measure the perplexity of the model as stored and as the "
                                      "plan quantizes it, and the KL divergence between them"));
    connect(m_evaluateAction, &QAction::triggered, this, &MainWindow::evaluate);

    m_generateAction = new QAction(icon("evaluate"), tr("&Generate Text"), this);
    m_generateAction->setObjectName(QStringLiteral("generateAction"));
    m_generateAction->setShortcut(Qt::CTRL | Qt::Key_G);
    m_generateAction->setStatusTip(tr("Continue the Generation panel's prompt with the model as "
                                      "stored and as the plan quantizes it, side by side"));
    connect(m_generateAction, &QAction::triggered, this, &MainWindow::generate);

    m_compareFolderAction = new QAction(tr("&Compare With Checkpoint Folder…"), this);
    m_compareFolderAction->setObjectName(QStringLiteral("compareFolderAction"));
    m_compareFolderAction->setStatusTip(
        tr("Score another checkpoint of this model (GPTQ, AWQ, compressed-tensors, FP8, an "
           "export…) against the model as stored, with the KL divergence between them"));
    connect(m_compareFolderAction, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Compare With Checkpoint Folder"),
            m_settings.value(AppSettings::Key::LastModelDirectory).toString());
        if (!dir.isEmpty())
            compareWith(dir);
    });
    m_compareGgufAction = new QAction(tr("Compare With GG&UF File…"), this);
    m_compareGgufAction->setObjectName(QStringLiteral("compareGgufAction"));
    m_compareGgufAction->setStatusTip(tr("Score a GGUF file of this model against the model as "
                                         "stored, with the KL divergence between them"));
    connect(m_compareGgufAction, &QAction::triggered, this, [this] {
        const QString file =
            askOpenPath(tr("Compare With GGUF File"), AppSettings::Key::LastModelDirectory,
                        tr("GGUF files (*.gguf);;All files (*)"));
        if (!file.isEmpty())
            compareWith(file);
    });

    m_sensitivityAction = new QAction(icon("sensitivity"), tr("Sensitivity &Scan…"), this);
    m_sensitivityAction->setObjectName(QStringLiteral("sensitivityScanAction"));
    m_sensitivityAction->setStatusTip(tr("Quantize one layer (or block, or role) at a time at "
                                         "each bit-width and measure how much perplexity suffers"));
    connect(m_sensitivityAction, &QAction::triggered, this, &MainWindow::showSensitivityScanDialog);

    m_autoBitsAction = new QAction(icon("autobits"), tr("&Automatic Bits…"), this);
    m_autoBitsAction->setObjectName(QStringLiteral("autoBitsAction"));
    m_autoBitsAction->setStatusTip(tr("Choose each layer's bit-width from the sensitivity scan "
                                      "for a target average bits per weight"));
    connect(m_autoBitsAction, &QAction::triggered, this, &MainWindow::showAutoBitsDialog);

    m_calibrationAction = new QAction(tr("Ca&libration Settings…"), this);
    m_calibrationAction->setObjectName(QStringLiteral("calibrationAction"));
    m_calibrationAction->setStatusTip(tr("The text and the samples the quantizers calibrate on"));
    connect(m_calibrationAction, &QAction::triggered, this, &MainWindow::showCalibrationPanel);

    m_cancelAction = new QAction(icon("cancel"), tr("&Cancel"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setStatusTip(tr("Stop the running operation"));
    connect(m_cancelAction, &QAction::triggered, this, [this] { m_jobs.cancel(kMainSlot); });

    m_preferencesAction = new QAction(tr("Compute &Device…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("computeDeviceAction"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setStatusTip(tr("Choose where the heavy work runs: the CPU or an OpenCL "
                                         "device"));
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showComputePreferences);

    m_aboutAction = new QAction(icon("about"), tr("&About QuantBench"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openGgufAction);
    m_recentMenu = file->addMenu(icon("recent"), tr("Open &Recent"));
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_openProjectAction);
    file->addAction(m_saveProjectAction);
    file->addAction(m_saveProjectAsAction);
    file->addSeparator();
    file->addAction(m_loadPlanAction);
    file->addAction(m_savePlanAction);
    file->addSeparator();
    file->addAction(m_openScanAction);
    file->addAction(m_saveScanAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_saveReportAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    rebuildRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu* planMenu = menuBar()->addMenu(tr("&Plan"));
    planMenu->addAction(m_autoBitsAction);
    planMenu->addSeparator();
    planMenu->addAction(m_loadPlanAction);
    planMenu->addAction(m_savePlanAction);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_quantizeSelectedAction);
    run->addAction(m_quantizeAllAction);
    run->addAction(m_evaluateAction);
    run->addAction(m_generateAction);
    QMenu* compare = run->addMenu(tr("Co&mpare With"));
    compare->addAction(m_compareFolderAction);
    compare->addAction(m_compareGgufAction);
    run->addAction(m_sensitivityAction);
    run->addSeparator();
    run->addAction(m_calibrationAction);
    run->addSeparator();
    run->addAction(m_cancelAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_issuesDock->toggleViewAction());
    view->addAction(m_evaluationDock->toggleViewAction());
    view->addAction(m_generationDock->toggleViewAction());
    view->addAction(m_calibrationDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_demoAction);
    help->addSeparator();
    help->addAction(m_aboutAction);

    // Toolbar buttons show short texts of their own: menu texts carry accelerators (which some
    // languages write as "(&O)") and the undo actions name the whole edit ("Undo Set Bits of …").
    m_openAction->setIconText(tr("Open"));
    m_demoAction->setIconText(tr("Demo Model"));
    m_quantizeSelectedAction->setIconText(tr("Quantize Selected"));
    m_quantizeAllAction->setIconText(tr("Quantize All"));
    m_evaluateAction->setIconText(tr("Evaluate"));
    m_sensitivityAction->setIconText(tr("Sensitivity"));
    m_autoBitsAction->setIconText(tr("Auto Bits"));
    m_cancelAction->setIconText(tr("Cancel"));
    m_exportAction->setIconText(tr("Export"));
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_demoAction);
    toolbar->addSeparator();
    toolbar->addAction(m_quantizeSelectedAction);
    toolbar->addAction(m_quantizeAllAction);
    toolbar->addAction(m_evaluateAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addSeparator();
    toolbar->addAction(m_sensitivityAction);
    toolbar->addAction(m_autoBitsAction);
    toolbar->addSeparator();
    toolbar->addAction(m_exportAction);
    toolbar->addSeparator();
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    view->addAction(toolbar->toggleViewAction());
}

void MainWindow::createWidgets()
{
    // Left: what the model is and what the plan does with each layer.
    auto* layerPanel = new QWidget(this);
    m_modelSummary = new QLabel(layerPanel);
    m_modelSummary->setObjectName(QStringLiteral("modelSummary"));
    m_modelSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelSummary->setWordWrap(true);
    m_defaultsBar = new PlanDefaultsBar(layerPanel);
    m_defaultsBar->setObjectName(QStringLiteral("planDefaultsBar"));
    // One line on the calibration data, with a link to its settings.
    m_calibrationSummary = new QLabel(layerPanel);
    m_calibrationSummary->setObjectName(QStringLiteral("calibrationSummary"));
    m_calibrationSummary->setTextFormat(Qt::RichText);
    m_calibrationSummary->setWordWrap(true);
    connect(m_calibrationSummary, &QLabel::linkActivated, this, &MainWindow::showCalibrationPanel);
    // What stops the plan from running on this model, shown before anyone presses Quantize.
    m_planProblems = new QLabel(layerPanel);
    m_planProblems->setObjectName(QStringLiteral("planProblems"));
    m_planProblems->setWordWrap(true);
    m_planProblems->setTextFormat(Qt::PlainText);
    m_planProblems->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; background: #fdecea; "
                                                 "border: 1px solid #e6b0aa; padding: 3px; }"));
    m_planProblems->hide();
    m_layerFilter = new QLineEdit(layerPanel);
    m_layerFilter->setObjectName(QStringLiteral("layerFilter"));
    m_layerFilter->setPlaceholderText(
        tr("Filter layers (regular expression, e.g. mlp|layers\\.0\\.)"));
    m_layerFilter->setClearButtonEnabled(true);
    m_layerView = new QTableView(layerPanel);
    m_layerView->setObjectName(QStringLiteral("layerView"));
    m_layerView->setModel(m_layerProxy);
    m_layerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_layerView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_layerView->setEditTriggers(QAbstractItemView::DoubleClicked
                                 | QAbstractItemView::EditKeyPressed
                                 | QAbstractItemView::SelectedClicked);
    m_layerView->setSortingEnabled(true);
    m_layerView->sortByColumn(LayerTableModel::NameColumn, Qt::AscendingOrder);
    m_layerView->setAlternatingRowColors(true);
    m_layerView->setWordWrap(false);
    m_layerView->verticalHeader()->hide();
    m_layerView->verticalHeader()->setDefaultSectionSize(m_layerView->fontMetrics().height() + 8);
    m_layerView->horizontalHeader()->setStretchLastSection(true);
    m_layerView->horizontalHeader()->setSectionsMovable(true);
    m_layerView->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(
        m_layerView->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        [this](const QPoint& position) {
            // Show or hide any column except the layer's name.
            QMenu menu(this);
            for (int column = 1; column < LayerTableModel::ColumnCount; ++column) {
                QAction* toggle = menu.addAction(
                    m_layerModel->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
                toggle->setCheckable(true);
                toggle->setChecked(!m_layerView->isColumnHidden(column));
                connect(toggle, &QAction::toggled, this, [this, column](bool shown) {
                    m_layerView->setColumnHidden(column, !shown);
                });
            }
            menu.exec(m_layerView->horizontalHeader()->mapToGlobal(position));
        });
    m_layerView->setItemDelegate(
        new PlanFieldDelegate(m_layerModel, m_layerView->selectionModel(), m_layerView));
    auto* layerLayout = new QVBoxLayout(layerPanel);
    layerLayout->setContentsMargins(4, 4, 4, 4);
    layerLayout->addWidget(m_modelSummary);
    layerLayout->addWidget(m_defaultsBar);
    layerLayout->addWidget(m_calibrationSummary);
    layerLayout->addWidget(m_planProblems);
    layerLayout->addWidget(m_layerFilter);
    layerLayout->addWidget(m_layerView, 1);

    // Right: the plots of the selected layer.
    m_plots = new QTabWidget(this);
    m_plots->setObjectName(QStringLiteral("plotTabs"));
    m_histogram = new HistogramView(m_plots);
    m_histogram->setObjectName(QStringLiteral("histogramView"));
    m_plots->addTab(m_histogram, tr("Weight histogram"));
    m_layerErrors = new LayerErrorView(m_plots);
    m_layerErrors->setObjectName(QStringLiteral("layerErrorView"));
    m_plots->addTab(m_layerErrors, tr("Layer errors"));
    m_outliers = new OutlierChannelView(m_plots);
    m_outliers->setObjectName(QStringLiteral("outlierChannelView"));
    m_plots->addTab(m_outliers, tr("Outlier channels"));
    m_hessian = new HessianView(m_plots);
    m_hessian->setObjectName(QStringLiteral("hessianView"));
    m_plots->addTab(m_hessian, tr("Hessian"));
    m_roundingLab = new RoundingLabView(m_plots);
    m_roundingLab->setObjectName(QStringLiteral("roundingLabView"));
    m_plots->addTab(m_roundingLab, tr("Rounding lab"));
    m_sensitivity = new SensitivityView(m_plots);
    m_sensitivity->setObjectName(QStringLiteral("sensitivityView"));
    m_plots->addTab(m_sensitivity, tr("Sensitivity"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(layerPanel);
    m_splitter->addWidget(m_plots);
    // The table has more to show than the plot needs; the plot keeps at least its minimum.
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_issuesPanel = new IssuesPanel(m_issues, this);
    m_issuesDock = new QDockWidget(tr("Issues"), this);
    m_issuesDock->setObjectName(QStringLiteral("issuesDock"));
    m_issuesDock->setWidget(m_issuesPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_issuesDock);
    m_issuesDock->toggleViewAction()->setIcon(icon("warning"));

    m_evaluationPanel = new EvaluationPanel(this);
    m_evaluationPanel->setObjectName(QStringLiteral("evaluationPanel"));
    m_evaluationDock = new QDockWidget(tr("Evaluation"), this);
    m_evaluationDock->setObjectName(QStringLiteral("evaluationDock"));
    m_evaluationDock->setWidget(m_evaluationPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_evaluationDock);
    tabifyDockWidget(m_issuesDock, m_evaluationDock);
    m_evaluationDock->toggleViewAction()->setIcon(icon("evaluate"));

    m_calibrationPanel = new CalibrationPanel(this);
    m_calibrationPanel->setObjectName(QStringLiteral("calibrationPanel"));
    m_calibrationDock = new QDockWidget(tr("Calibration"), this);
    m_calibrationDock->setObjectName(QStringLiteral("calibrationDock"));
    m_calibrationDock->setWidget(m_calibrationPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_calibrationDock);
    tabifyDockWidget(m_evaluationDock, m_calibrationDock);

    m_generationPanel = new GenerationPanel(this);
    m_generationPanel->setObjectName(QStringLiteral("generationPanel"));
    // Text for the model, not for the reader: not translated (the demo model knows only English
    // stories).
    m_generationPanel->setPrompt(QStringLiteral("Once upon a time"));
    m_generationDock = new QDockWidget(tr("Generation"), this);
    m_generationDock->setObjectName(QStringLiteral("generationDock"));
    m_generationDock->setWidget(m_generationPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_generationDock);
    tabifyDockWidget(m_calibrationDock, m_generationDock);
    m_issuesDock->raise();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("jobProgress"));
    m_progressBar->setRange(0, 1000);
    m_progressBar->setMaximumWidth(220);
    m_progressBar->setTextVisible(true);
    m_progressBar->hide();
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelButton->hide();
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);

    connect(m_layerFilter, &QLineEdit::textChanged, this, [this](const QString& text) {
        const QRegularExpression pattern(text, QRegularExpression::CaseInsensitiveOption);
        m_layerFilter->setStyleSheet(pattern.isValid() ? QString()
                                                       : QStringLiteral("color: #b00020"));
        if (pattern.isValid())
            m_layerProxy->setFilterRegularExpression(pattern);
    });
    connect(m_layerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::requestHistogram);
    connect(m_layerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const LinearLayer* layer = currentLayer();
        m_layerErrors->setSelectedLayer(layer ? layer->name : QString());
        m_sensitivity->setSelectedLayer(layer ? layer->name : QString());
    });
    connect(m_sensitivity, &SensitivityView::layerClicked, this, &MainWindow::selectLayer);
    connect(m_sensitivity, &SensitivityView::scanRequested, this,
            &MainWindow::showSensitivityScanDialog);
    connect(m_sensitivity, &SensitivityView::autoBitsRequested, this,
            &MainWindow::showAutoBitsDialog);
    connect(m_layerErrors, &LayerErrorView::layerClicked, this, &MainWindow::selectLayer);
    connect(m_layerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::requestInputProfile);
    connect(m_plots, &QTabWidget::currentChanged, this, [this] {
        if (m_plots->currentWidget() == m_outliers || m_plots->currentWidget() == m_hessian)
            requestInputProfile();
    });
    // The rounding lab follows the selected layer; its rows are read while it is shown.
    connect(m_layerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const LinearLayer* layer = currentLayer();
        m_roundingLab->setSelectedLayer(layer ? layer->name : QString());
        if (m_plots->currentWidget() == m_roundingLab)
            requestLabRows(m_roundingLab->layerRow());
    });
    connect(m_plots, &QTabWidget::currentChanged, this, [this] {
        const LinearLayer* layer = currentLayer();
        if (m_plots->currentWidget() == m_roundingLab && layer
            && (!m_roundingLab->layerSource()
                || m_roundingLab->layerSource()->layerName != layer->name))
            requestLabRows(m_roundingLab->layerRow());
    });
    connect(m_roundingLab, &RoundingLabView::layerRowsRequested, this,
            [this](int firstRow) { requestLabRows(firstRow); });
    connect(m_roundingLab, &RoundingLabView::activationsRequested, this,
            [this] { requestLabRows(m_roundingLab->layerRow(), true); });
    connect(m_layerErrors, &LayerErrorView::pinRequested, this, [this] {
        if (!m_latestReport
            || (!m_pinnedReports.empty() && m_pinnedReports.front() == m_latestReport))
            return;
        m_pinnedReports.insert(m_pinnedReports.begin(), m_latestReport);
        m_pinnedReports.resize(
            std::min<std::size_t>(m_pinnedReports.size(), LayerErrorView::kMaxRuns - 1));
        refreshLayerErrors();
    });
    connect(m_layerView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_defaultsBar, &PlanDefaultsBar::configEdited, this,
            [this](const LayerQuantConfig& config) {
                m_layerModel->setDefaults(config);
                m_settings.setDefaultQuantConfig(config);
            });
    connect(m_calibrationPanel, &CalibrationPanel::calibrationEdited, this,
            [this](const CalibrationOptions& options) {
                // Without a model there is no plan yet: the settings are what the next one
                // starts with.
                if (m_model && !m_layerModel->setCalibration(options)) {
                    m_calibrationPanel->setCalibration(m_layerModel->plan().calibration);
                    return;
                }
                m_settings.setDefaultCalibration(options);
            });
    connect(m_calibrationPanel, &CalibrationPanel::textPathEdited, this,
            [this](const QString& path) {
                m_settings.setValue(AppSettings::Key::CalibrationText, path);
                updateCalibrationStatus();
                updateWindowTitle();
            });
    connect(m_calibrationPanel, &CalibrationPanel::trueSequentialEdited, this, [this](bool on) {
        m_settings.setValue(AppSettings::Key::TrueSequential, on);
        updateCalibrationStatus();
        updateWindowTitle();
    });
    connect(m_histogram, &HistogramView::requestChanged, this, &MainWindow::requestHistogram);
    connect(m_histogram, &HistogramView::logScaleChanged, this,
            [this](bool on) { m_settings.setValue(AppSettings::Key::HistogramLogScale, on); });
    connect(m_issuesPanel, &IssuesPanel::subjectActivated, this, &MainWindow::onIssueActivated);
    connect(m_evaluationPanel, &EvaluationPanel::evaluateRequested, this, &MainWindow::evaluate);
    connect(m_generationPanel, &GenerationPanel::generateRequested, this, &MainWindow::generate);
    connect(m_evaluationPanel, &EvaluationPanel::optionsChanged, this, [this] {
        m_settings.setValue(AppSettings::Key::EvaluationText, m_evaluationPanel->textPath());
        m_settings.setValue(AppSettings::Key::EvaluationContext,
                            m_evaluationPanel->contextLength());
        m_settings.setValue(AppSettings::Key::EvaluationStride, m_evaluationPanel->stride());
        updateWindowTitle();
    });
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.value(AppSettings::Key::WindowGeometry).toByteArray())) {
        // 1440 × 900 shows the layer table and a plot side by side; on a smaller screen (a
        // 1366 × 768 laptop) take most of what it has instead of running off its edges.
        QSize size(1440, 900);
        if (const QScreen* shown = screen())
            size = size.boundedTo(shown->availableGeometry().size() * 0.95);
        resize(size);
    }
    if (!restoreState(m_settings.value(AppSettings::Key::WindowState).toByteArray()))
        resizeDocks({m_issuesDock}, {140}, Qt::Vertical);
    m_splitter->restoreState(m_settings.value(AppSettings::Key::MainSplitterState).toByteArray());
    m_histogram->setLogScale(m_settings.value(AppSettings::Key::HistogramLogScale).toBool());
    m_histogram->setBins(m_settings.value(AppSettings::Key::HistogramBins).toInt());
    m_histogram->setDisplay(static_cast<HistogramView::Display>(
        m_settings.value(AppSettings::Key::HistogramDisplay).toInt()));
    const QString plotTab = m_settings.value(AppSettings::Key::CurrentPlotTab).toString();
    for (int i = 0; i < m_plots->count() && !plotTab.isEmpty(); ++i) {
        if (m_plots->widget(i)->objectName() == plotTab)
            m_plots->setCurrentIndex(i);
    }
    m_defaultsBar->setConfig(m_settings.defaultQuantConfig());
    const QString text = m_settings.value(AppSettings::Key::EvaluationText).toString();
    m_evaluationPanel->setTextPath(text.isEmpty() ? demoEvaluationText() : text);
    m_evaluationPanel->setContextLength(
        m_settings.value(AppSettings::Key::EvaluationContext).toInt());
    m_evaluationPanel->setStride(m_settings.value(AppSettings::Key::EvaluationStride).toInt());
    m_calibrationPanel->setCalibration(m_settings.defaultCalibration());
    m_calibrationPanel->setTextPath(m_settings.value(AppSettings::Key::CalibrationText).toString());
    m_calibrationPanel->setTrueSequential(
        m_settings.value(AppSettings::Key::TrueSequential).toBool());
    updateCalibrationStatus();
}

void MainWindow::saveSettings()
{
    m_settings.setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(AppSettings::Key::WindowState, saveState());
    m_settings.setValue(AppSettings::Key::MainSplitterState, m_splitter->saveState());
    if (m_model)
        m_settings.setValue(AppSettings::Key::LayerHeaderState,
                            m_layerView->horizontalHeader()->saveState());
    m_settings.setValue(AppSettings::Key::HistogramBins, m_histogram->bins());
    m_settings.setValue(AppSettings::Key::HistogramDisplay,
                        static_cast<int>(m_histogram->display()));
    if (m_plots->currentWidget())
        m_settings.setValue(AppSettings::Key::CurrentPlotTab,
                            m_plots->currentWidget()->objectName());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_closeSettled && isSessionModified()) {
        event->ignore();
        afterAskingToSave([this] {
            m_closeSettled = true;
            close();
        });
        return;
    }
    saveSettings();
    m_jobs.cancelAll();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return;
    const QFileInfo dropped(urls.front().toLocalFile());
    if (dropped.isDir() || ProjectFile::isProjectPath(dropped.filePath()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    openPath(event->mimeData()->urls().front().toLocalFile());
}

void MainWindow::openPath(const QString& path)
{
    if (ProjectFile::isProjectPath(path))
        openProject(path);
    else
        openModel(path);
}

// ---- opening ----------------------------------------------------------------------------------

void MainWindow::chooseModelFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Model Folder"),
        m_settings.value(AppSettings::Key::LastModelDirectory).toString());
    if (dir.isEmpty())
        return;
    m_settings.setValue(AppSettings::Key::LastModelDirectory, QFileInfo(dir).absolutePath());
    openModel(dir);
}

void MainWindow::chooseGgufFile()
{
    const QString file = askOpenPath(tr("Open GGUF File"), AppSettings::Key::LastModelDirectory,
                                     tr("GGUF files (*.gguf);;All files (*)"));
    if (!file.isEmpty())
        openModel(file);
}

void MainWindow::openDemoModel()
{
    const QString dir = demoModelDirectory();
    if (dir.isEmpty()) {
        addIssue(Issue::Severity::Error,
                 tr("The demo model is not installed: expected it in %1")
                     .arg(QDir::toNativeSeparators(
                         QDir(QCoreApplication::applicationDirPath())
                             .filePath(QStringLiteral("../share/quantbench/demo")))));
        return;
    }
    openModel(dir);
}

void MainWindow::openModel(const QString& directory)
{
    if (m_jobs.isRunning(kMainSlot))
        return;
    const QString dir = QFileInfo(directory).absoluteFilePath();
    afterAskingToSave([this, dir] {
        if (m_jobs.isRunning(kMainSlot))
            return;
        m_jobs.start(kMainSlot, tr("Opening %1").arg(QFileInfo(dir).fileName()),
                     [this, dir](Progress& progress) -> JobRunner::Delivery {
                         progress.report(0.0, tr("Reading %1").arg(QDir::toNativeSeparators(dir)));
                         std::shared_ptr<const LoadedModel> model = LoadedModel::open(dir);
                         return [this, model] {
                             setLoadedModel(model);
                             setSavedSession({}, sessionState(currentProject()));
                         };
                     });
    });
}

void MainWindow::setLoadedModel(std::shared_ptr<const LoadedModel> model,
                                const std::optional<QuantPlan>& projectPlan)
{
    m_jobs.cancel(kHistogramSlot);
    m_jobs.cancel(kScanSlot);
    m_jobs.cancel(kProfileSlot);
    m_jobs.cancel(kLabSlot);
    m_labActivations.clear();
    m_jobs.cancel(kAutoBitsPreviewSlot);
    m_model = std::move(model);
    m_profileRun.reset();
    m_siteMeasurements.clear();
    // A scan and its automatic plan are of the model they were made on.
    m_scan.reset();
    m_autoBits.reset();
    m_autoBitsMeasured.reset();
    m_sensitivity->setScan(nullptr);
    QuantPlan plan;
    plan.defaults = m_defaultsBar->config();
    plan.calibration = m_settings.defaultCalibration();
    if (projectPlan)
        plan = *projectPlan;
    m_lastRun.reset();
    m_latestReport.reset();
    m_pinnedReports.clear();
    refreshLayerErrors();
    m_undoStack->clear();
    m_layerModel->resetModel(m_model, plan);
    // The user's column widths when there are any, else widths that fit the contents.
    if (!m_layerView->horizontalHeader()->restoreState(
            m_settings.value(AppSettings::Key::LayerHeaderState).toByteArray())) {
        // Role and dtype are hidden at first (the name ends with the role; the summary line
        // names the dtypes) so that the errors fit beside the plan; the header's menu shows them.
        m_layerView->setColumnHidden(LayerTableModel::RoleColumn, true);
        m_layerView->setColumnHidden(LayerTableModel::DTypeColumn, true);
        m_layerView->resizeColumnsToContents();
    }

    const ModelSpec& spec = m_model->spec();
    const LayerInventory& inventory = m_model->inventory();
    const QLocale locale;
    QStringList dtypes;
    for (const LinearLayer& layer : inventory.layers()) {
        if (!dtypes.contains(dtypeName(layer.dtype)))
            dtypes << dtypeName(layer.dtype);
    }
    m_modelSummary->setText(
        tr("<b>%1</b> · %2 · %3 blocks · hidden %4 · %5 linear layers, %6 parameters in %7 · %8")
            .arg(QFileInfo(m_model->sourcePath()).fileName().toHtmlEscaped(), spec.modelType)
            .arg(spec.numHiddenLayers)
            .arg(spec.hiddenSize)
            .arg(inventory.layers().size())
            .arg(
                locale.toString(static_cast<qlonglong>(inventory.totalParameters())),
                dtypes.join(QStringLiteral("/")),
                locale.formattedDataSize(static_cast<qint64>(m_model->checkpoint().totalBytes()))));
    if (spec.synthetic)
        m_modelSummary->setText(
            m_modelSummary->text() + QStringLiteral(" · <b>")
            + tr("synthetic: %1, random weights").arg(spec.synthetic->describe().toHtmlEscaped())
            + QStringLiteral("</b>"));
    if (m_model->isImported()) {
        m_modelSummary->setText(m_modelSummary->text() + QStringLiteral(" · <b>")
                                + m_model->importNote().toHtmlEscaped() + QStringLiteral("</b>"));
        addIssue(Issue::Severity::Info,
                 tr("%1: %2").arg(QDir::toNativeSeparators(m_model->sourcePath()),
                                  m_model->importNote()),
                 m_model->sourcePath());
        for (const QString& caveat : m_model->importCaveats())
            addIssue(Issue::Severity::Warning, caveat, m_model->sourcePath());
    }
    m_modelSummary->setToolTip(QDir::toNativeSeparators(m_model->sourcePath()));
    m_settings.addRecentModel(m_model->sourcePath());
    rebuildRecentMenu();

    const QModelIndex first = m_layerProxy->index(0, 0);
    if (first.isValid())
        m_layerView->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect
                                                                  | QItemSelectionModel::Rows);
    m_evaluationPanel->setModelContext(spec.maxPositionEmbeddings);
    m_evaluationPanel->clearResult(tr("Not evaluated yet."));
    m_evaluatedFingerprint.reset();
    m_generationPanel->clearResult(tr("Type a prompt and press Generate."));
    m_generatedFingerprint.reset();
    updateCalibrationStatus();
    startWeightScan();
    updateActions();
    Q_EMIT modelOpened(m_model->directory());
}

void MainWindow::startWeightScan()
{
    const std::shared_ptr<const LoadedModel> model = m_model;
    m_jobs.start(kScanSlot, tr("Checking weights"),
                 [this, model](Progress& progress) -> JobRunner::Delivery {
                     const std::vector<NonFiniteTensor> found =
                         WeightScan::run(model->checkpoint(), progress);
                     return [this, model, found] {
                         if (model != m_model)
                             return;
                         for (const NonFiniteTensor& tensor : found) {
                             const Issue issue = WeightScan::toIssue(tensor);
                             addIssue(issue.severity, issue.message, issue.subject);
                         }
                     };
                 });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentModels();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* action = m_recentMenu->addAction(
            QStringLiteral("&%1  %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            m_settings.clearRecentModels();
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

// ---- selection and plots ----------------------------------------------------------------------

const LinearLayer* MainWindow::currentLayer() const
{
    const QModelIndex current =
        m_layerProxy->mapToSource(m_layerView->selectionModel()->currentIndex());
    return current.isValid() ? m_layerModel->layerAt(current.row()) : nullptr;
}

QStringList MainWindow::selectedLayerNames() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_layerView->selectionModel()->selectedRows())
        rows << m_layerProxy->mapToSource(index).row();
    std::sort(rows.begin(), rows.end());
    QStringList names;
    for (int row : rows)
        names << m_layerModel->layerAt(row)->name;
    return names;
}

void MainWindow::selectLayer(const QString& layerName)
{
    const int row = m_layerModel->rowOf(layerName);
    if (row < 0)
        return;
    const QModelIndex index = m_layerProxy->mapFromSource(m_layerModel->index(row, 0));
    if (!index.isValid()) { // hidden by the filter: clear it so the layer can be shown
        m_layerFilter->clear();
    }
    const QModelIndex visible = m_layerProxy->mapFromSource(m_layerModel->index(row, 0));
    m_layerView->selectionModel()->setCurrentIndex(visible, QItemSelectionModel::ClearAndSelect
                                                                | QItemSelectionModel::Rows);
    m_layerView->scrollTo(visible);
}

void MainWindow::requestHistogram()
{
    const LinearLayer* layer = currentLayer();
    if (!m_model || !layer) {
        m_jobs.cancel(kHistogramSlot);
        m_histogram->showMessage(tr("Select a layer to see its weights."));
        return;
    }
    HistogramRequest request;
    request.layerName = layer->name;
    request.config = m_layerModel->plan().resolve(layer->name);
    request.scope = m_histogram->scope();
    request.row = m_histogram->row();
    request.group = m_histogram->group();
    request.bins = m_histogram->bins();
    const std::shared_ptr<const LoadedModel> model = m_model;
    // The last run's layer is the "after" when it quantized the layer as the plan now says.
    std::shared_ptr<const QuantizedModel> run = m_lastRun;
    if (run) {
        const QuantizedLayer* runLayer = run->find(layer->name);
        if (!runLayer || !(runLayer->config == request.config))
            run.reset();
    }
    m_jobs.start(kHistogramSlot, tr("Histogram of %1").arg(layer->name),
                 [this, model, request, run](Progress& progress) -> JobRunner::Delivery {
                     auto histogram = WeightHistogramBuilder::compute(
                         *model, request, progress, run ? run->find(request.layerName) : nullptr);
                     return [this, histogram] { m_histogram->setSnapshot(histogram); };
                 });
}

void MainWindow::requestInputProfile()
{
    const LinearLayer* layer = currentLayer();
    const QString name = layer ? layer->name : QString();
    m_outliers->setSelectedLayer(name);
    m_hessian->setSelectedLayer(name);
    auto showBoth = [this](const QString& message) {
        m_outliers->showMessage(message);
        m_hessian->showMessage(message);
    };
    if (!m_model || !layer) {
        m_jobs.cancel(kProfileSlot);
        showBoth(tr("Select a layer to see its input channels and Hessian diagonal."));
        return;
    }
    // Already shown, and still what would be computed: nothing to do.
    const QuantPlan& plan = m_layerModel->plan();
    const LayerQuantConfig config = plan.resolve(name);
    const std::shared_ptr<const QuantizedModel> run =
        m_profileRun && m_profileRun->model == m_model ? m_profileRun : nullptr;
    const bool fromRun = run && run->inputChannels.contains(layer->inputGroup);
    const auto shown = m_outliers->profile();
    if (shown && shown == m_hessian->profile() && shown->layerName == name
        && (fromRun ? shown->source == LayerInputProfile::Source::QuantizationRun
                          && shown->computedAt == run->finished
                    : shown->source == LayerInputProfile::Source::FullPrecisionCalibration
                          && shown->config == config && shown->config.damp == config.damp))
        return;

    const std::shared_ptr<const LoadedModel> model = m_model;
    auto deliver = [this, model](std::shared_ptr<const LayerInputProfile> profile) {
        return [this, model, profile] {
            if (model != m_model)
                return;
            m_outliers->setProfile(profile);
            m_hessian->setProfile(profile);
        };
    };
    if (fromRun) {
        m_jobs.start(kProfileSlot, tr("Input profile of %1").arg(name),
                     [run, name, deliver](Progress&) -> JobRunner::Delivery {
                         return deliver(LayerInputProfiler::fromRun(*run, name));
                     });
        return;
    }
    // A full-precision pass is a real cost: only while one of the two tabs is shown.
    if (m_plots->currentWidget() != m_outliers && m_plots->currentWidget() != m_hessian) {
        m_jobs.cancel(kProfileSlot);
        showBoth(tr("Shown when this tab is open."));
        return;
    }
    const QString textPath = calibrationTextPath();
    if (textPath.isEmpty()) {
        m_jobs.cancel(kProfileSlot);
        showBoth(tr("No calibration text: choose one in the Calibration panel to measure the "
                    "inputs of %1 with the full-precision model, or quantize with a method that "
                    "calibrates (GPTQ, AWQ, SmoothQuant) to see the run's statistics.")
                     .arg(name));
        return;
    }
    const QFileInfo text(textPath);
    const QByteArray key = textPath.toUtf8() + '|' + QByteArray::number(text.size()) + '|'
                           + text.lastModified().toString(Qt::ISODateWithMs).toUtf8() + '|'
                           + jsonBytes(plan.calibration.toJson());
    if (key != m_measurementKey) {
        m_siteMeasurements.clear();
        m_measurementKey = key;
    }
    std::shared_ptr<const InputSiteMeasurement> cached;
    if (const auto it = m_siteMeasurements.find(layer->inputGroup);
        it != m_siteMeasurements.end() && it->second->damp == config.damp)
        cached = it->second;
    // What the latest run did to the layer (RTN, say, which kept no statistics) still shows.
    const QuantizedLayer* quantized = run ? run->find(name) : nullptr;
    const CalibrationOptions calibration = plan.calibration;
    const int group = layer->inputGroup;
    if (!cached)
        showBoth(tr("Measuring the inputs of %1: a full-precision pass over the calibration "
                    "windows up to its block…")
                     .arg(name));
    m_jobs.start(
        kProfileSlot, tr("Input profile of %1").arg(name),
        [this, model, run, quantized, cached, calibration, textPath, group, name,
         config](Progress& progress) -> JobRunner::Delivery {
            std::shared_ptr<const InputSiteMeasurement> measurement = cached;
            if (!measurement) {
                progress.report(
                    0.0,
                    tr("Reading the calibration text %1").arg(QDir::toNativeSeparators(textPath)));
                const auto windows = LayerInputProfiler::fittingWindows(
                    CalibrationSet::fromTextFile(*model, textPath, calibration),
                    calibration.holdoutFraction);
                measurement =
                    LayerInputProfiler::measureSite(model, group, windows, config.damp, progress);
            }
            const auto profile =
                LayerInputProfiler::fromMeasurement(*model, name, *measurement, config, quantized);
            return [this, model, measurement, profile, group] {
                if (model != m_model)
                    return;
                m_siteMeasurements.insert_or_assign(group, measurement);
                m_outliers->setProfile(profile);
                m_hessian->setProfile(profile);
            };
        });
}

void MainWindow::requestLabRows(int firstRow, bool recordActivations)
{
    const LinearLayer* layer = currentLayer();
    if (!m_model || !layer) {
        m_jobs.cancel(kLabSlot);
        m_roundingLab->setLayerSource(nullptr);
        return;
    }
    const QString textPath = recordActivations ? calibrationTextPath() : QString();
    if (recordActivations && textPath.isEmpty()) {
        m_roundingLab->setLayerMessage(
            tr("Choose a calibration text (Calibration panel) to record the layer's inputs."));
        showCalibrationPanel();
        return;
    }
    const std::shared_ptr<const LoadedModel> model = m_model;
    const QString name = layer->name;
    const int inputGroup = layer->inputGroup;
    const auto known = m_labActivations.find(inputGroup);
    std::shared_ptr<const LabActivations> activations =
        known != m_labActivations.end() ? known->second : nullptr;
    CalibrationOptions calibration = m_layerModel->plan().calibration;
    calibration.samples = std::min(calibration.samples, kLabCalibrationSamples);
    m_roundingLab->setLayerMessage(recordActivations ? tr("Recording the inputs of %1…").arg(name)
                                                     : tr("Reading %1…").arg(name));
    m_jobs.start(
        kLabSlot,
        recordActivations ? tr("Recording the inputs of %1").arg(name) : tr("Reading %1").arg(name),
        [this, model, name, firstRow, inputGroup, activations, textPath,
         calibration](Progress& progress) mutable -> JobRunner::Delivery {
            const bool recorded = !textPath.isEmpty();
            if (recorded) {
                const auto windows = CalibrationSet::fromTextFile(*model, textPath, calibration);
                activations = RoundingLab::recordActivations(model, name, windows, progress);
            }
            auto source = std::make_shared<const RoundingLabSource>(RoundingLab::fromLayer(
                *model, name, firstRow, RoundingLabView::kLayerRows, activations));
            return [this, model, source, inputGroup, activations, recorded] {
                if (model != m_model)
                    return;
                if (recorded)
                    m_labActivations[inputGroup] = activations;
                m_roundingLab->setLayerSource(source);
            };
        });
}

void MainWindow::onPlanChanged()
{
    const QuantPlan& plan = m_layerModel->plan();
    m_defaultsBar->setConfig(plan.defaults);
    m_calibrationPanel->setCalibration(plan.calibration);
    updateEvaluationStaleness();
    updateGenerationStaleness();
    updatePlanProblems();
    updateCalibrationStatus();
    updatePlanCheck();
    updateWindowTitle();
    // The plan's own columns grow to show what it now says (the user's narrower widths of the
    // other columns are left alone).
    for (int column = LayerTableModel::MethodColumn; column <= LayerTableModel::OptionsColumn;
         ++column) {
        // QTableView hides QAbstractItemView's public sizeHintForColumn.
        const int wanted =
            static_cast<const QAbstractItemView*>(m_layerView)->sizeHintForColumn(column);
        if (!m_layerView->isColumnHidden(column) && m_layerView->columnWidth(column) < wanted)
            m_layerView->setColumnWidth(column, wanted);
    }
    // Redraw the grid only when the shown layer's settings changed.
    const LinearLayer* layer = currentLayer();
    const auto shown = m_histogram->snapshot();
    if (layer && shown && shown->request.layerName == layer->name
        && !(shown->request.config == plan.resolve(layer->name)
             && shown->request.config.scheme == plan.resolve(layer->name).scheme))
        requestHistogram();
    requestInputProfile();
    updateActions();
}

void MainWindow::updatePlanProblems()
{
    const QStringList problems =
        m_model ? m_layerModel->plan().problemsFor(m_model->inventory()) : QStringList();
    m_planProblems->setVisible(!problems.isEmpty());
    if (problems.isEmpty())
        return;
    QString text = tr("The plan cannot run on this model: %1").arg(problems.front());
    if (problems.size() > 1)
        text += QLatin1Char(' ')
                + tr("(and %n more problem(s))", nullptr, static_cast<int>(problems.size() - 1));
    m_planProblems->setText(text);
    m_planProblems->setToolTip(problems.join(QLatin1Char('\n')));
}

bool MainWindow::isDemoModelOpen() const
{
    const QString demo = demoModelDirectory();
    return m_model && !demo.isEmpty()
           && QFileInfo(m_model->directory()).canonicalFilePath()
                  == QFileInfo(demo).canonicalFilePath();
}

QString MainWindow::calibrationTextPath() const
{
    const QString chosen = m_calibrationPanel->textPath();
    if (!chosen.isEmpty())
        return QFileInfo(chosen).absoluteFilePath();
    return isDemoModelOpen() ? demoCalibrationText() : QString();
}

void MainWindow::showCalibrationPanel()
{
    m_calibrationDock->show();
    m_calibrationDock->raise();
}

void MainWindow::updateCalibrationStatus()
{
    const QuantPlan& plan = m_layerModel->plan();
    const CalibrationOptions& c = plan.calibration;
    m_calibrationPanel->setTextPlaceholder(
        isDemoModelOpen() && !demoCalibrationText().isEmpty()
            ? tr("the bundled %1").arg(QFileInfo(demoCalibrationText()).fileName())
            : tr("none: choose a text file or a dataset"));
    if (!m_model) {
        m_calibrationSummary->clear();
        m_calibrationPanel->setStatus(QString());
        return;
    }
    // The methods that need it, by name.
    QStringList needing;
    for (const LinearLayer& layer : m_model->inventory().layers()) {
        const LayerQuantConfig config = plan.resolve(layer.name);
        if (!config.needsCalibration())
            continue;
        const QString name = config.method == QuantMethod::Rtn
                                 ? tr("RTN with %1").arg(MethodOptions::summary(config))
                                 : methodDisplayName(config.method);
        if (!needing.contains(name))
            needing << name;
    }
    const QString text = calibrationTextPath();
    const QString link = QStringLiteral(" <a href=\"#calibration\">%1</a>").arg(tr("Settings…"));
    const QString samples = tr("%n sample(s) of %1 tokens", nullptr, c.samples)
                                .arg(QLocale().toString(c.sequenceLength));
    QString summary;
    QString status;
    if (!needing.isEmpty() && text.isEmpty()) {
        summary = QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                      .arg(tr("Calibration: a text is needed (by %1), but none is chosen.")
                               .arg(needing.join(QStringLiteral(", ")).toHtmlEscaped()));
        status = summary;
    } else if (text.isEmpty()) {
        summary = tr("Calibration: none (not needed by this plan; with a text, each layer's "
                     "output error is measured too).")
                      .toHtmlEscaped();
        status = summary;
    } else {
        const QString purpose = needing.isEmpty()
                                    ? tr("to measure the output errors")
                                    : tr("needed by %1").arg(needing.join(QStringLiteral(", ")));
        summary = tr("Calibration: %1 from %2, %3 held out · %4")
                      .arg(samples, QFileInfo(text).fileName(),
                           QStringLiteral("%1 %").arg(
                               QLocale().toString(c.holdoutFraction * 100.0, 'g', 3)),
                           purpose)
                      .toHtmlEscaped();
        status = tr("Windows: %1, %2 — %3.")
                     .arg(samples,
                          c.mode == CalibrationOptions::Mode::Documents
                              ? tr("each a document from its start")
                              : tr("at random places (seed %1)").arg(c.seed),
                          purpose)
                     .toHtmlEscaped();
    }
    if (m_lastRun && m_lastRun->model == m_model) {
        const CalibrationUse& use = m_lastRun->report.calibration;
        const QLocale locale;
        status += QStringLiteral("<br>")
                  + (use.fitWindows == 0
                         ? tr("Last run: without calibration data.")
                         : tr("Last run: fitted on %n window(s) (%1 tokens), output errors "
                              "measured on %2 held-out window(s) (%3 tokens).",
                              nullptr, use.fitWindows)
                               .arg(locale.toString(qlonglong(use.fitTokens)))
                               .arg(use.heldOutWindows)
                               .arg(locale.toString(qlonglong(use.heldOutTokens))))
                        .toHtmlEscaped();
    }
    m_calibrationSummary->setText(summary + link);
    m_calibrationPanel->setStatus(status);
}

// ---- running ----------------------------------------------------------------------------------

MainWindow::RunInputs MainWindow::runInputs(const QuantPlan& plan, const QStringList& layers) const
{
    return QuantRunInputs::of(plan, m_model->inventory(), calibrationTextPath(),
                              m_calibrationPanel->trueSequential(), layers);
}

bool MainWindow::readyToRun(const QuantPlan& plan, const QStringList& layers)
{
    const QStringList problems = plan.problemsFor(m_model->inventory());
    if (!problems.isEmpty()) {
        addIssue(
            Issue::Severity::Error,
            tr("The plan cannot run on this model:\n%1").arg(problems.join(QLatin1Char('\n'))));
        m_issuesDock->show();
        m_issuesDock->raise();
        showStatus(tr("The plan cannot run on this model: see the Issues panel."));
        return false;
    }
    QStringList needing;
    for (const LinearLayer& layer : m_model->inventory().layers()) {
        const LayerQuantConfig config = plan.resolve(layer.name);
        if ((layers.isEmpty() || layers.contains(layer.name)) && config.needsCalibration()
            && !needing.contains(methodDisplayName(config.method)))
            needing << methodDisplayName(config.method);
    }
    return needing.isEmpty() || requireCalibrationText(needing);
}

bool MainWindow::requireCalibrationText(const QStringList& neededBy)
{
    if (!calibrationTextPath().isEmpty())
        return true;
    addIssue(Issue::Severity::Error,
             tr("A calibration text is needed (by %1): choose a text file in the Calibration "
                "panel.")
                 .arg(neededBy.join(QStringLiteral(", "))));
    showStatus(tr("Choose a calibration text first."));
    showCalibrationPanel();
    return false;
}

std::shared_ptr<const QuantizedModel> MainWindow::reusableRun(const RunInputs& inputs,
                                                              bool allowIncomplete) const
{
    if (!m_lastRun || m_lastRun->model != m_model || !inputs.matches(m_lastRunInputs))
        return nullptr;
    return m_lastRun->report.complete || allowIncomplete ? m_lastRun : nullptr;
}

void MainWindow::keepRun(std::shared_ptr<const QuantizedModel> run, const RunInputs& inputs)
{
    m_lastRun = std::move(run);
    m_lastRunInputs = inputs;
    updateCalibrationStatus();
    updateWindowTitle();
    requestHistogram(); // its "after" is now the run's layer
}

void MainWindow::showRun(const std::shared_ptr<const QuantizedModel>& result)
{
    const QuantizedModel& run = *result;
    m_latestReport = std::shared_ptr<const QuantReport>(result, &result->report);
    refreshLayerErrors();
    m_profileRun = result;
    requestInputProfile();
    m_layerModel->mergeReport(run.report);
    fitResultColumns();
    showReportIssues(run.report);
    // Documents mode takes at most one sample per document: a short text gives fewer.
    const CalibrationUse& use = run.report.calibration;
    const int asked = run.report.plan.calibration.samples;
    const int got = use.fitWindows + use.heldOutWindows;
    if (got > 0 && got < asked)
        addIssue(Issue::Severity::Info,
                 tr("The calibration text gave %1 of the %n sample(s) asked for: it has fewer "
                    "documents. Random windows take more samples from the same text.",
                    nullptr, asked)
                     .arg(got));
}

PipelineOptions MainWindow::pipelineOptions(const RunInputs& inputs,
                                            const QStringList& layers) const
{
    PipelineOptions options;
    options.trueSequential = inputs.trueSequential;
    options.layers = layers;
    options.backend = m_backend;
    return options;
}

void MainWindow::refreshLayerErrors()
{
    std::vector<LayerErrorView::Run> runs;
    if (m_latestReport)
        runs.push_back({tr("Latest: %1").arg(m_latestReport->plan.describe()), m_latestReport});
    int kept = 0;
    for (const auto& report : m_pinnedReports) {
        if (report != m_latestReport)
            runs.push_back({tr("Kept %1: %2").arg(++kept).arg(report->plan.describe()), report});
    }
    m_layerErrors->setRuns(std::move(runs));
}

void MainWindow::quantizeLayers(bool selectedOnly)
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    const QStringList names = selectedOnly ? selectedLayerNames() : QStringList();
    if (selectedOnly && names.isEmpty()) {
        showStatus(tr("Select the layers to quantize first."));
        return;
    }
    const QuantPlan plan = m_layerModel->plan();
    if (!readyToRun(plan, names))
        return;
    const std::shared_ptr<const LoadedModel> model = m_model;
    const RunInputs inputs = runInputs(plan, names);
    const PipelineOptions options = pipelineOptions(inputs, names);
    const int count = selectedOnly ? static_cast<int>(names.size())
                                   : static_cast<int>(model->inventory().layers().size());
    m_jobs.start(
        kMainSlot, tr("Quantizing %n layer(s)", nullptr, count),
        [this, model, plan, inputs, options,
         selectedOnly](Progress& progress) -> JobRunner::Delivery {
            const std::shared_ptr<const QuantizedModel> run =
                runPipeline(model, plan, inputs.textPath, options, progress);
            return [this, model, run, inputs, selectedOnly] {
                if (model != m_model)
                    return;
                // Only a run of the whole plan stands for the plan (evaluation, export).
                if (!selectedOnly)
                    keepRun(run, inputs);
                showRun(run);
            };
        },
        JobRunner::OnCancel::DeliverPartial);
}

void MainWindow::chooseExportFolder()
{
    if (!m_model)
        return;
    // The format first: what it cannot hold is said before anything is chosen or run.
    QStringList descriptions;
    const QStringList keys = CheckpointExport::formatKeys();
    for (const QString& key : keys)
        descriptions << CheckpointExport::describe(*CheckpointExport::formatFromKey(key));
    const QString lastKey = m_settings.value(AppSettings::Key::ExportFormat).toString();
    bool chose = false;
    const QString description =
        QInputDialog::getItem(this, tr("Export Checkpoint"), tr("Format:"), descriptions,
                              std::max<qsizetype>(0, keys.indexOf(lastKey)), false, &chose);
    if (!chose)
        return;
    CheckpointExportOptions options;
    options.format = *CheckpointExport::formatFromKey(keys.at(descriptions.indexOf(description)));
    const QString key = CheckpointExport::formatKey(options.format);
    m_settings.setValue(AppSettings::Key::ExportFormat, key);
    if (options.format == CheckpointFormat::Gptq) {
        // v2 stores zero points as they are; v1 (older loaders) stores them minus one, which
        // is exact only for symmetric grids (problemsFor says when it is not).
        const QStringList layouts{tr("gptq_v2: zero points as stored (every grid)"),
                                  tr("gptq v1: for older loaders (symmetric grids only)")};
        const QString layout = QInputDialog::getItem(this, tr("Export Checkpoint"),
                                                     tr("GPTQ layout:"), layouts, 0, false, &chose);
        if (!chose)
            return;
        options.gptqV1 = layout == layouts.at(1);
    }
    const QStringList problems =
        CheckpointExport::problemsFor(options, m_layerModel->plan(), *m_model);
    if (!problems.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Export Checkpoint"),
                        tr("The plan cannot be written as %1:").arg(description), QMessageBox::Ok,
                        this);
        box.setInformativeText(problems.mid(0, 8).join(QLatin1Char('\n')));
        box.setDetailedText(problems.join(QLatin1Char('\n')));
        box.exec();
        return;
    }
    // vLLM fuses q/k/v and gate/up into one matrix each and refuses a checkpoint whose shards
    // of one are stored differently: offer to align them (one undoable plan edit) first.
    // llama.cpp keeps them apart, and fake-quant stores full-precision weights.
    if (options.format != CheckpointFormat::Fake && options.format != CheckpointFormat::Gguf) {
        const QuantPlan plan = m_layerModel->plan();
        const std::vector<QStringList> families =
            plan.fusedFamiliesThatDiffer(m_model->inventory());
        if (!families.empty()) {
            QStringList lines;
            for (const QStringList& family : families)
                lines << family.join(QStringLiteral(", "));
            QMessageBox box(QMessageBox::Warning, tr("Export Checkpoint"),
                            tr("%n group(s) of layers that runtimes such as vLLM fuse into one "
                               "matrix (a block's q/k/v, its gate/up) are planned with different "
                               "settings; vLLM refuses such a checkpoint.",
                               nullptr, int(families.size())),
                            QMessageBox::Cancel, this);
            box.setInformativeText(
                tr("Align gives each group the settings of its most precise member (no layer "
                   "loses precision); you can undo it."));
            box.setDetailedText(lines.join(QLatin1Char('\n')));
            QPushButton* align = box.addButton(tr("Align Them"), QMessageBox::AcceptRole);
            QPushButton* asPlanned =
                box.addButton(tr("Export As Planned"), QMessageBox::AcceptRole);
            box.setDefaultButton(align);
            box.exec();
            if (box.clickedButton() == align)
                m_layerModel->applyPlanEdit(plan.withFusedFamiliesAligned(m_model->inventory()),
                                            tr("Align Fused Layers"));
            else if (box.clickedButton() != asPlanned)
                return;
        }
    }
    const bool singleFile = CheckpointExport::writesSingleFile(options.format);
    const QString suggested =
        QDir(m_settings.value(AppSettings::Key::LastExportDirectory).toString())
            .filePath(QFileInfo(m_model->sourcePath()).completeBaseName() + QLatin1Char('-') + key
                      + (singleFile ? QStringLiteral(".gguf") : QString()));
    // GGUF is one file (its recipe, report and model card are written beside it); the other
    // formats are folders.
    const QString dir =
        singleFile ? QFileDialog::getSaveFileName(this, tr("Export Checkpoint to File"), suggested,
                                                  tr("GGUF files (*.gguf)"), nullptr,
                                                  QFileDialog::DontConfirmOverwrite)
                   : QFileDialog::getSaveFileName(
                       this, tr("Export Checkpoint to Folder"), suggested, QString(), nullptr,
                       QFileDialog::DontConfirmOverwrite | QFileDialog::ShowDirsOnly);
    if (dir.isEmpty())
        return;
    m_settings.setValue(AppSettings::Key::LastExportDirectory, QFileInfo(dir).absolutePath());
    bool replace = false;
    if (QFileInfo::exists(dir)) {
        const auto answer = QMessageBox::question(
            this, singleFile ? tr("Replace File?") : tr("Replace Folder?"),
            singleFile ? tr("%1 already exists. Replace it with the exported checkpoint once the "
                            "export has completed?")
                             .arg(QDir::toNativeSeparators(dir))
                       : tr("%1 already exists. Replace it with the exported checkpoint? Its "
                            "current contents are deleted once the export has completed.")
                             .arg(QDir::toNativeSeparators(dir)));
        if (answer != QMessageBox::Yes)
            return;
        replace = true;
    }
    // A cancelled run of this very plan is exported only if the user says so; otherwise the
    // whole plan is quantized first.
    bool allowIncomplete = false;
    const QuantPlan plan = m_layerModel->plan();
    if (const auto partial = reusableRun(runInputs(plan, {}), true);
        partial && !partial->report.complete) {
        const int notRun = partial->report.countWithStatus(LayerStatus::NotRun);
        QMessageBox box(QMessageBox::Warning, tr("Export an Incomplete Run?"),
                        tr("The last quantization of this plan was cancelled: %n layer(s) were "
                           "not reached and would be exported in full precision (the report "
                           "beside the checkpoint says so).",
                           nullptr, notRun),
                        QMessageBox::Cancel, this);
        QPushButton* incomplete = box.addButton(tr("Export Incomplete"), QMessageBox::AcceptRole);
        QPushButton* whole =
            box.addButton(tr("Quantize Everything First"), QMessageBox::AcceptRole);
        box.setDefaultButton(whole);
        box.exec();
        if (box.clickedButton() != incomplete && box.clickedButton() != whole)
            return;
        allowIncomplete = box.clickedButton() == incomplete;
    }
    options.replaceExisting = replace;
    exportCheckpoint(dir, options, allowIncomplete);
}

void MainWindow::exportCheckpoint(const QString& directory, const CheckpointExportOptions& options,
                                  bool allowIncomplete)
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    const QuantPlan plan = m_layerModel->plan();
    if (!readyToRun(plan, {}))
        return;
    if (const QStringList problems = CheckpointExport::problemsFor(options, plan, *m_model);
        !problems.isEmpty()) {
        for (const QString& problem : problems)
            addIssue(Issue::Severity::Error, problem, directory);
        showStatus(tr("The plan cannot be written as %1; nothing was exported.")
                       .arg(CheckpointExport::formatKey(options.format)));
        return;
    }
    const std::shared_ptr<const LoadedModel> model = m_model;
    const RunInputs inputs = runInputs(plan, {});
    const std::shared_ptr<const QuantizedModel> kept = reusableRun(inputs, allowIncomplete);
    const PipelineOptions runOptions = pipelineOptions(inputs);
    // The checkpoint records how the run it holds was calibrated.
    CheckpointExportOptions exportOptions = options;
    exportOptions.trueSequential = inputs.trueSequential;
    // The model card carries the perplexities of the shown evaluation when it is of this plan.
    if (const auto facts = shownEvaluationFacts(plan))
        exportOptions.card = *facts;
    m_jobs.start(
        kMainSlot, tr("Exporting to %1").arg(QDir::toNativeSeparators(directory)),
        [this, model, plan, inputs, kept, runOptions, directory,
         options = exportOptions](Progress& progress) -> JobRunner::Delivery {
            // A cancelled run is not exported unasked.
            bool ran = false;
            const std::shared_ptr<const QuantizedModel> run =
                keptOrNewRun(kept, model, plan, inputs.textPath, runOptions, progress, ran);
            ProgressRange stage(progress, ran ? 0.6 : 0.0, 1.0);
            const QStringList limitations = CheckpointExport::run(options, *run, directory, stage);
            return [this, model, run, ran, inputs, limitations, directory, options] {
                if (model != m_model)
                    return;
                if (ran) {
                    keepRun(run, inputs);
                    showRun(run);
                }
                for (const QString& limitation : limitations)
                    addIssue(Issue::Severity::Warning, limitation, directory);
                if (!run->report.complete)
                    addIssue(Issue::Severity::Warning,
                             tr("Exported a cancelled run: %n layer(s) were not reached and are "
                                "stored in full precision.",
                                nullptr, run->report.countWithStatus(LayerStatus::NotRun)),
                             directory);
                addIssue(Issue::Severity::Info,
                         tr("Exported a %1 checkpoint to %2")
                             .arg(CheckpointExport::formatKey(options.format),
                                  QDir::toNativeSeparators(directory)),
                         directory);
            };
        });
}

void MainWindow::evaluate()
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    const QString textPath = m_evaluationPanel->textPath();
    if (textPath.isEmpty()) {
        showStatus(tr("Choose a text file to evaluate on first."));
        m_evaluationDock->show();
        m_evaluationDock->raise();
        return;
    }
    const std::shared_ptr<const LoadedModel> model = m_model;
    const QuantPlan plan = m_layerModel->plan();
    const bool needsRun = plan.needsCalibration(model->inventory());
    if (needsRun && !readyToRun(plan, {}))
        return;
    PerplexityOptions options;
    options.contextLength = m_evaluationPanel->contextLength();
    options.stride = m_evaluationPanel->stride();
    options.backend = m_backend;
    // The quantized model is scored too when the plan quantizes anything.
    const bool quantizes = plan.quantizesAnyLayer(model->inventory());
    const RunInputs inputs = needsRun ? runInputs(plan, {}) : RunInputs();
    const std::shared_ptr<const QuantizedModel> kept =
        needsRun ? reusableRun(inputs, false) : nullptr;
    const PipelineOptions runOptions = pipelineOptions(inputs);
    const QByteArray fingerprint = evaluationFingerprint(plan);
    m_evaluationDock->show();
    m_evaluationDock->raise();
    m_jobs.start(
        kMainSlot, tr("Evaluating on %1").arg(QFileInfo(textPath).fileName()),
        [this, model, plan, options, textPath, quantizes, needsRun, inputs, kept, runOptions,
         fingerprint](Progress& progress) -> JobRunner::Delivery {
            // A plan that needs calibration is evaluated as its pipeline quantized it.
            bool ran = false;
            const std::shared_ptr<const QuantizedModel> run =
                needsRun
                    ? keptOrNewRun(kept, model, plan, inputs.textPath, runOptions, progress, ran)
                    : nullptr;
            ProgressRange stage(progress, ran ? 0.6 : 0.0, 1.0);
            const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
            const QStringList documents = TextDocuments::fromFile(textPath);
            const std::unique_ptr<ForwardHooks> hooks =
                quantizes ? planForwardHooks(run, model, plan, options.backend) : nullptr;
            auto result = std::make_shared<const EvaluationResult>(PerplexityEvaluator::evaluate(
                model, *tokenizer, documents, options, hooks.get(), stage));
            return [this, model, plan, result, run, ran, inputs, fingerprint] {
                if (model != m_model)
                    return;
                if (ran) {
                    keepRun(run, inputs);
                    showRun(run);
                }
                m_evaluatedFingerprint = fingerprint;
                m_evaluationPanel->setResult(result, plan.describe());
                updateEvaluationStaleness();
                updateWindowTitle();
                if (m_autoBits && fingerprint == m_autoBitsFingerprint && result->modified) {
                    m_autoBitsMeasured = result;
                    updatePlanCheck();
                    addIssue(Issue::Severity::Info,
                             tr("Automatic bits: perplexity %1 predicted, %2 measured")
                                 .arg(QLocale().toString(m_autoBits->predictedPerplexity, 'f', 4),
                                      QLocale().toString(result->modified->perplexity(), 'f', 4)));
                }
            };
        });
}

void MainWindow::compareWith(const QString& path)
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    const QString textPath = m_evaluationPanel->textPath();
    m_evaluationDock->show();
    m_evaluationDock->raise();
    if (textPath.isEmpty()) {
        showStatus(tr("Choose a text file to evaluate on first."));
        return;
    }
    const std::shared_ptr<const LoadedModel> model = m_model;
    PerplexityOptions options;
    options.contextLength = m_evaluationPanel->contextLength();
    options.stride = m_evaluationPanel->stride();
    options.backend = m_backend;
    m_jobs.start(
        kMainSlot, tr("Comparing with %1").arg(QFileInfo(path).fileName()),
        [this, model, path, options, textPath](Progress& progress) -> JobRunner::Delivery {
            ProgressRange opening(progress, 0.0, 0.2);
            opening.report(0.0, tr("Opening %1").arg(QDir::toNativeSeparators(path)));
            const PerplexityEvaluator::Compared compared =
                PerplexityEvaluator::openToCompare(path, *model);
            const std::shared_ptr<const LoadedModel>& other = compared.model;
            const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
            const QStringList documents = TextDocuments::fromFile(textPath);
            ProgressRange scoring(progress, 0.2, 1.0);
            auto result = std::make_shared<const EvaluationResult>(PerplexityEvaluator::compare(
                model, *tokenizer, other, *compared.tokenizer, documents, options, scoring));
            const QString otherPath = other->sourcePath();
            QStringList notes;
            if (other->isImported())
                notes << tr("%1: %2").arg(QDir::toNativeSeparators(otherPath), other->importNote());
            const QStringList caveats = other->importCaveats();
            return [this, model, result, otherPath, notes, caveats] {
                if (model != m_model)
                    return;
                for (const QString& note : notes)
                    addIssue(Issue::Severity::Info, note, otherPath);
                for (const QString& caveat : caveats)
                    addIssue(Issue::Severity::Warning, caveat, otherPath);
                // Not the plan's evaluation: nothing marks it stale or saves it as the plan's.
                m_evaluatedFingerprint.reset();
                m_evaluationPanel->setComparison(result, otherPath);
                updateWindowTitle();
            };
        });
}

void MainWindow::generate()
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    m_generationDock->show();
    m_generationDock->raise();
    const QString prompt = m_generationPanel->prompt();
    if (prompt.trimmed().isEmpty()) {
        showStatus(tr("Type a prompt for the model to continue first."));
        return;
    }
    const std::shared_ptr<const LoadedModel> model = m_model;
    const QuantPlan plan = m_layerModel->plan();
    const bool needsRun = plan.needsCalibration(model->inventory());
    if (needsRun && !readyToRun(plan, {}))
        return;
    const bool quantizes = plan.quantizesAnyLayer(model->inventory());
    const RunInputs inputs = needsRun ? runInputs(plan, {}) : RunInputs();
    const std::shared_ptr<const QuantizedModel> kept =
        needsRun ? reusableRun(inputs, false) : nullptr;
    const PipelineOptions runOptions = pipelineOptions(inputs);
    const QByteArray fingerprint = evaluationFingerprint(plan);
    GenerationOptions options;
    options.maxNewTokens = m_generationPanel->maxNewTokens();
    const std::shared_ptr<const ComputeBackend> backend = m_backend;
    m_jobs.start(
        kMainSlot, tr("Generating text"),
        [this, model, plan, prompt, options, backend, quantizes, needsRun, inputs, kept, runOptions,
         fingerprint](Progress& progress) -> JobRunner::Delivery {
            // A plan that needs calibration generates as its pipeline quantized it.
            bool ran = false;
            const std::shared_ptr<const QuantizedModel> run =
                needsRun
                    ? keptOrNewRun(kept, model, plan, inputs.textPath, runOptions, progress, ran)
                    : nullptr;
            const double start = ran ? 0.6 : 0.0;
            const double middle = quantizes ? (start + 1.0) / 2.0 : 1.0;
            const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
            const TransformerRunner runner(model, backend);
            GeneratedText stored;
            {
                ProgressRange stage(progress, start, middle);
                stored = TextGenerator::greedy(runner, *tokenizer, prompt, options, nullptr, stage);
            }
            std::optional<GeneratedText> quantized;
            if (quantizes) {
                const std::unique_ptr<ForwardHooks> hooks = planForwardHooks(
                    run, model, plan, backend, PlanWeightHooks::Retention::AllBlocks);
                ProgressRange stage(progress, middle, 1.0);
                quantized =
                    TextGenerator::greedy(runner, *tokenizer, prompt, options, hooks.get(), stage);
            }
            auto result = std::make_shared<const GenerationComparison>(TextGenerator::compare(
                *tokenizer, std::move(stored), std::move(quantized), plan.describe()));
            return [this, model, result, run, ran, inputs, fingerprint] {
                if (model != m_model)
                    return;
                if (ran) {
                    keepRun(run, inputs);
                    showRun(run);
                }
                m_generatedFingerprint = fingerprint;
                m_generationPanel->setResult(result);
                updateGenerationStaleness();
            };
        });
}

// ---- sensitivity and automatic bits -----------------------------------------------------------

void MainWindow::showSensitivityScanDialog()
{
    if (!m_model || m_jobs.isRunning(kMainSlot))
        return;
    SensitivityScanRequest initial;
    if (std::optional<SensitivityScanRequest> saved = m_settings.lastSensitivityScan()) {
        initial = std::move(*saved); // the last scan run, in this session or an earlier one
    } else {
        // The plan's grouping, RTN at the usual widths, on the evaluation panel's text.
        const QuantScheme& scheme = m_layerModel->plan().defaults.scheme;
        initial.options.quantization.method = QuantMethod::Rtn;
        initial.options.quantization.scheme =
            QuantScheme::fromGroupSizeCode(4, scheme.symmetric, scheme.groupSizeCode());
    }
    if (initial.evaluationText.isEmpty() || !QFileInfo(initial.evaluationText).isFile())
        initial.evaluationText = m_evaluationPanel->textPath();
    const LayerInventory& inventory = m_model->inventory();
    const std::array<int, 3> units{
        int(SensitivityScan::units(inventory, SensitivityUnitKind::Layer).size()),
        int(SensitivityScan::units(inventory, SensitivityUnitKind::Block).size()),
        int(SensitivityScan::units(inventory, SensitivityUnitKind::Role).size())};
    auto* dialog = new SensitivityScanDialog(initial, units, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const CalibrationOptions& c = m_layerModel->plan().calibration;
    const QString calibration = calibrationTextPath();
    dialog->setCalibrationNote(
        calibration.isEmpty()
            ? tr("GPTQ needs a calibration text: choose one in Run › Calibration Settings….")
            : tr("GPTQ calibrates on %1: %n sample(s) of %2 tokens, the full-precision model's "
                 "activations (Run › Calibration Settings…).",
                 nullptr, c.samples)
                  .arg(QFileInfo(calibration).fileName(), QLocale().toString(c.sequenceLength)));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { runSensitivityScan(dialog->request()); });
    dialog->open();
}

void MainWindow::runSensitivityScan(const SensitivityScanRequest& request)
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    SensitivityOptions options = request.options;
    options.calibration = m_layerModel->plan().calibration;
    options.contextLength = m_evaluationPanel->contextLength();
    options.stride = m_evaluationPanel->stride();
    options.backend = m_backend;
    const QString evaluationText = request.evaluationText;
    if (!QFileInfo(evaluationText).isFile()) {
        addIssue(Issue::Severity::Error,
                 tr("%1: no such evaluation text; the sensitivity scan did not run.")
                     .arg(QDir::toNativeSeparators(evaluationText)),
                 evaluationText);
        showStatus(tr("Choose an evaluation text for the sensitivity scan."));
        return;
    }
    QString calibrationText;
    if (options.quantization.needsCalibration()) {
        if (!requireCalibrationText({methodDisplayName(options.quantization.method)}))
            return;
        calibrationText = calibrationTextPath();
    }
    m_settings.setLastSensitivityScan(request);
    const std::shared_ptr<const LoadedModel> model = m_model;
    const int documents = request.evaluationDocuments;
    m_jobs.start(
        kMainSlot, tr("Sensitivity scan"),
        [this, model, options, evaluationText, documents,
         calibrationText](Progress& progress) -> JobRunner::Delivery {
            progress.report(
                0.0,
                tr("Reading the evaluation text %1").arg(QDir::toNativeSeparators(evaluationText)));
            const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
            QStringList evaluation = TextDocuments::fromFile(evaluationText);
            if (documents > 0)
                evaluation = evaluation.mid(0, documents);
            std::vector<std::vector<int>> windows;
            if (!calibrationText.isEmpty())
                windows = CalibrationSet::build(
                    *tokenizer, TextDocuments::fromFile(calibrationText), options.calibration);
            progress.throwIfCancelled();
            auto scan = std::make_shared<const SensitivityScanResult>(
                SensitivityScan::run(model, *tokenizer, windows, evaluation, options, progress));
            return [this, model, scan] {
                if (model != m_model)
                    return;
                showScan(scan);
                if (!scan->complete)
                    addIssue(Issue::Severity::Warning,
                             tr("The sensitivity scan was cancelled: the measurements it did not "
                                "make are hatched, and automatic bits needs a complete scan."));
            };
        },
        JobRunner::OnCancel::DeliverPartial);
}

void MainWindow::showScan(std::shared_ptr<const SensitivityScanResult> scan)
{
    m_scan = std::move(scan);
    m_sensitivity->setScan(m_scan);
    if (const LinearLayer* layer = currentLayer())
        m_sensitivity->setSelectedLayer(layer->name);
    m_plots->setCurrentWidget(m_sensitivity);
    // The heatmap and its ranking side by side need room: the plot side grows to it when the
    // user asks for a scan, the layer table keeping its name, shape and plan columns.
    constexpr int kScanWidth = 860;
    constexpr int kTableWidth = 520;
    const QList<int> sizes = m_splitter->sizes();
    if (sizes.size() == 2 && sizes[1] < kScanWidth && sizes[0] > kTableWidth) {
        const int moved = std::min(kScanWidth - sizes[1], sizes[0] - kTableWidth);
        m_splitter->setSizes({sizes[0] - moved, sizes[1] + moved});
    }
    updateActions();
    updateWindowTitle();
}

void MainWindow::openScan()
{
    if (!m_model)
        return;
    const QString path =
        askOpenPath(tr("Open Sensitivity Scan"), AppSettings::Key::LastScanDirectory,
                    tr("Sensitivity scans (*.json)"));
    if (!path.isEmpty())
        loadScanFile(path);
}

bool MainWindow::loadScanFile(const QString& path)
{
    if (!m_model || m_jobs.isRunning(kMainSlot))
        return false;
    try {
        auto scan =
            std::make_shared<const SensitivityScanResult>(SensitivityScanResult::fromFile(path));
        const QStringList problems = scan->problemsFor(m_model->inventory());
        if (!problems.isEmpty())
            throw Error(tr("%1 is not a scan of this model:\n%2")
                            .arg(QDir::toNativeSeparators(path), problems.join(QLatin1Char('\n'))));
        showScan(scan);
        if (!scan->complete)
            addIssue(Issue::Severity::Warning,
                     tr("%1 holds a cancelled scan: the measurements it did not make are hatched, "
                        "and automatic bits needs a complete scan.")
                         .arg(QDir::toNativeSeparators(path)),
                     path);
        showStatus(tr("Opened the sensitivity scan %1").arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const Error& e) {
        addIssue(Issue::Severity::Error, e.message(), path);
        m_issuesDock->show();
        m_issuesDock->raise();
        return false;
    }
}

void MainWindow::saveScan()
{
    if (!m_model || !m_scan)
        return;
    const QString path =
        askSavePath(tr("Save Sensitivity Scan"), AppSettings::Key::LastScanDirectory,
                    QStringLiteral("-sensitivity.json"), tr("Sensitivity scans (*.json)"));
    if (!path.isEmpty() && writeJsonReporting(path, m_scan->toJson()))
        showStatus(tr("Saved the sensitivity scan to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::saveReport()
{
    if (!m_model || !m_latestReport)
        return;
    QString path = askSavePath(tr("Save Report"), AppSettings::Key::LastExportDirectory,
                               QStringLiteral("-report.html"),
                               tr("HTML report (*.html);;CSV table (*.csv);;JSON report (*.json)"));
    if (path.isEmpty())
        return;
    // A name without a report suffix gets the HTML page (ReportFile would write JSON to it).
    if (ReportFile::formatOf(path) == ReportFile::Format::Json
        && QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".html");
    saveReportTo(path);
}

void MainWindow::saveReportTo(const QString& path)
{
    if (!m_latestReport)
        return;
    // The perplexities of the shown evaluation, when it is of this report's run: the kept
    // whole-plan run, its plan still the one evaluated.
    ModelCardFacts facts;
    const QuantReport& report = *m_latestReport;
    if (m_lastRun && &m_lastRun->report == &report) {
        if (const auto shown = shownEvaluationFacts(report.plan))
            facts = *shown;
    }
    try {
        ReportFile::write(path, report, facts);
        showStatus(tr("Saved the report to %1").arg(QDir::toNativeSeparators(path)));
    } catch (const Error& error) {
        addIssue(Issue::Severity::Error, error.message(), path);
    }
}

void MainWindow::saveProject(std::function<void()> then)
{
    if (m_projectPath.isEmpty())
        saveProjectAs(std::move(then));
    else
        saveProjectTo(m_projectPath, std::move(then));
}

void MainWindow::saveProjectAs(std::function<void()> then)
{
    if (!m_model || m_jobs.isRunning(kMainSlot))
        return;
    const QString suffix = QLatin1Char('.') + QLatin1String(ProjectFile::kSuffix);
    QString path = askSavePath(tr("Save Project"), AppSettings::Key::LastProjectDirectory, suffix,
                               tr("QuantBench projects (*.qbproj)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix))
        path += suffix;
    saveProjectTo(path, std::move(then));
}

Project MainWindow::currentProject() const
{
    Project project;
    if (!m_model)
        return project;
    project.modelDirectory = m_model->sourcePath();
    project.plan = m_layerModel->plan();
    project.calibrationText = m_calibrationPanel->textPath();
    project.trueSequential = m_calibrationPanel->trueSequential();
    project.evaluationText = m_evaluationPanel->textPath();
    project.evaluationContext = m_evaluationPanel->contextLength();
    project.evaluationStride = m_evaluationPanel->stride();
    project.scan = m_scan;
    if (m_lastRun && m_lastRun->model == m_model) {
        project.run = m_lastRun;
        project.runInputs = m_lastRunInputs;
    }
    if (m_evaluationPanel->result() && m_evaluatedFingerprint) {
        project.evaluation = m_evaluationPanel->result();
        project.evaluatedPlanKey = *m_evaluatedFingerprint;
        project.evaluatedPlan = m_evaluationPanel->planDescription();
    }
    return project;
}

void MainWindow::saveProjectTo(const QString& path, std::function<void()> then)
{
    if (!m_model || m_jobs.isRunning(kMainSlot))
        return;
    const Project project = currentProject();
    const std::shared_ptr<const LoadedModel> model = m_model;
    const QString file = QFileInfo(path).absoluteFilePath();
    m_jobs.start(kMainSlot, tr("Saving %1").arg(QFileInfo(path).fileName()),
                 [this, project, model, file, then](Progress& progress) -> JobRunner::Delivery {
                     ProjectFile::write(file, project, *model, progress);
                     // The status bar says "Saving …: done".
                     return [this, project, model, file, then] {
                         if (model != m_model)
                             return;
                         setSavedSession(file, sessionState(project));
                         if (then)
                             then();
                     };
                 });
}

MainWindow::SessionState MainWindow::sessionState(const Project& project)
{
    const QJsonObject settings{
        {QStringLiteral("model"), project.modelDirectory},
        {QStringLiteral("recipe"), project.plan.toJson()},
        {QStringLiteral("calibration_text"), project.calibrationText},
        {QStringLiteral("true_sequential"), project.trueSequential},
        {QStringLiteral("evaluation_text"), project.evaluationText},
        {QStringLiteral("evaluation_context"), project.evaluationContext},
        {QStringLiteral("evaluation_stride"), project.evaluationStride},
    };
    return {jsonBytes(settings), project.run, project.scan, project.evaluation};
}

bool MainWindow::SessionState::sameAs(const SessionState& other) const
{
    // Equivalent weak pointers share their owner: the very same object (or both none).
    const auto same = [](const auto& a, const auto& b) {
        return !a.owner_before(b) && !b.owner_before(a);
    };
    return settings == other.settings && same(run, other.run) && same(scan, other.scan)
           && same(evaluation, other.evaluation);
}

bool MainWindow::isSessionModified() const
{
    return m_model && !sessionState(currentProject()).sameAs(m_savedSession);
}

void MainWindow::setSavedSession(const QString& path, const SessionState& state)
{
    m_projectPath = path;
    m_savedSession = state;
    if (!path.isEmpty()) {
        m_settings.addRecentModel(path);
        rebuildRecentMenu();
    }
    updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    if (!m_model) {
        setWindowTitle(tr("QuantBench"));
        return;
    }
    // "[*]" is where Qt shows the modified mark.
    const QString model = QFileInfo(m_model->sourcePath()).fileName();
    setWindowTitle(
        m_projectPath.isEmpty()
            ? tr("%1[*] — QuantBench").arg(model)
            : tr("%1[*] — %2 — QuantBench").arg(QFileInfo(m_projectPath).fileName(), model));
    setWindowModified(isSessionModified());
}

void MainWindow::afterAskingToSave(std::function<void()> then)
{
    if (!isSessionModified()) {
        then();
        return;
    }
    const QString boxName = QStringLiteral("unsavedChangesBox");
    if (auto* asking = findChild<QMessageBox*>(boxName)) {
        asking->raise(); // one question at a time
        return;
    }
    // A save needs the main slot: while a job holds it, the session can only be discarded.
    const bool busy = m_jobs.isRunning(kMainSlot);
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Unsaved Changes"),
        m_projectPath.isEmpty()
            ? tr("Save this session as a project?")
            : tr("Save the changes to %1?").arg(QFileInfo(m_projectPath).fileName()),
        busy ? QMessageBox::Discard | QMessageBox::Cancel
             : QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
        this);
    box->setObjectName(boxName);
    box->setInformativeText(
        busy ? tr("The plan, the texts, the sensitivity scan or the quantized layers changed since "
                  "the session was last saved. It cannot be saved while a job runs: choose Cancel "
                  "and save it once the job is done, or discard the changes.")
             : tr("The plan, the texts, the sensitivity scan or the quantized layers changed since "
                  "the session was last saved. Without saving, the changes are lost."));
    box->setDefaultButton(busy ? QMessageBox::Cancel : QMessageBox::Save);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, then = std::move(then)] {
        box->setObjectName(QString()); // answered: deleted later, no longer the question asked
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            saveProject(then);
            break;
        case QMessageBox::Discard:
            then();
            break;
        default:
            break;
        }
    });
    box->open();
}

void MainWindow::chooseProjectFile()
{
    const QString path = askOpenPath(tr("Open Project"), AppSettings::Key::LastProjectDirectory,
                                     tr("QuantBench projects (*.qbproj)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::openProject(const QString& path)
{
    if (m_jobs.isRunning(kMainSlot))
        return;
    const QString file = QFileInfo(path).absoluteFilePath();
    afterAskingToSave([this, file] {
        if (m_jobs.isRunning(kMainSlot))
            return;
        m_jobs.start(kMainSlot, tr("Opening %1").arg(QFileInfo(file).fileName()),
                     [this, file](Progress& progress) -> JobRunner::Delivery {
                         auto opened = std::make_shared<const OpenedProject>(
                             ProjectFile::open(file, progress));
                         return [this, opened, file] { showProject(*opened, file); };
                     });
    });
}

void MainWindow::showProject(const OpenedProject& opened, const QString& path)
{
    const Project& project = opened.project;
    // The texts first: showing the model and plan updates the calibration status from them.
    m_calibrationPanel->setTextPath(project.calibrationText);
    m_calibrationPanel->setTrueSequential(project.trueSequential);
    m_evaluationPanel->setTextPath(project.evaluationText);
    m_evaluationPanel->setContextLength(project.evaluationContext);
    m_evaluationPanel->setStride(project.evaluationStride);
    setLoadedModel(opened.model, project.plan);
    if (project.scan)
        showScan(project.scan);
    if (project.evaluation) {
        m_evaluatedFingerprint = project.evaluatedPlanKey;
        m_evaluationPanel->setResult(project.evaluation, project.evaluatedPlanDescription());
        updateEvaluationStaleness();
        m_evaluationDock->show();
        m_evaluationDock->raise();
    }
    if (project.run) {
        keepRun(project.run, project.runInputs);
        showRun(project.run);
        if (!runInputs(project.plan, {}).matches(project.runInputs))
            addIssue(Issue::Severity::Info,
                     tr("%1: the quantized layers were made from other inputs than the project's "
                        "plan and texts now give (the plan or the calibration text changed after "
                        "the run): evaluating or exporting runs the plan again.")
                         .arg(QDir::toNativeSeparators(path)),
                     path);
    }
    setSavedSession(path, sessionState(currentProject()));
    updateActions();
}

QString MainWindow::askSavePath(const QString& title, AppSettings::Key directory,
                                const QString& suffix, const QString& filter)
{
    const QString path = QFileDialog::getSaveFileName(
        this, title,
        QDir(m_settings.value(directory).toString())
            .filePath(QFileInfo(m_model->sourcePath()).completeBaseName() + suffix),
        filter);
    if (!path.isEmpty())
        m_settings.setValue(directory, QFileInfo(path).absolutePath());
    return path;
}

QString MainWindow::askOpenPath(const QString& title, AppSettings::Key directory,
                                const QString& filter)
{
    const QString path =
        QFileDialog::getOpenFileName(this, title, m_settings.value(directory).toString(), filter);
    if (!path.isEmpty())
        m_settings.setValue(directory, QFileInfo(path).absolutePath());
    return path;
}

bool MainWindow::writeJsonReporting(const QString& path, const QJsonObject& json)
{
    const QString error = JsonFile::writeObject(path, json);
    if (!error.isEmpty())
        addIssue(Issue::Severity::Error,
                 tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), error), path);
    return error.isEmpty();
}

QString MainWindow::scanProblem() const
{
    if (!m_scan)
        return tr("There is no sensitivity scan of this model yet.");
    if (!m_scan->complete)
        return tr("The latest sensitivity scan was cancelled before it measured every layer.");
    return {};
}

void MainWindow::showAutoBitsDialog()
{
    if (!m_model || m_jobs.isRunning(kMainSlot))
        return;
    if (const QString problem = scanProblem(); !problem.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Question, tr("Automatic Bits"),
                                    problem + QLatin1Char(' ')
                                        + tr("Automatic bits chooses from one. Run a sensitivity "
                                             "scan now?"),
                                    QMessageBox::Yes | QMessageBox::No, this);
        box->setObjectName(QStringLiteral("autoBitsNeedsScan"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton* button) {
            if (box->standardButton(button) == QMessageBox::Yes)
                showSensitivityScanDialog();
        });
        box->open();
        return;
    }
    auto* dialog = new AutoBitsDialog(*m_scan, m_settings.autoBitsOptions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AutoBitsDialog::optionsChanged, this,
            [this, dialog] { previewAutoBits(dialog); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings.setAutoBitsOptions(dialog->options());
        applyAutoBits(dialog->options());
    });
    connect(dialog, &QDialog::finished, this, [this] { m_jobs.cancel(kAutoBitsPreviewSlot); });
    previewAutoBits(dialog);
    dialog->open();
}

namespace {

// How the prediction was made: the units' sum, scaled by the interaction factors if measured.
QString interactionText(const AutoBitsResult& result)
{
    const QLocale locale;
    if (!result.interactionApplied)
        return MainWindow::tr("The prediction adds up what each layer did alone in the scan (%1); "
                              "the measured change is usually larger.")
            .arg(result.interactionNote);
    QStringList factors;
    for (std::size_t j = 0; j < result.allowedBits.size(); ++j)
        factors << MainWindow::tr("%1-bit ×%2")
                       .arg(result.allowedBits[j])
                       .arg(locale.toString(result.lossInteraction[j], 'f', 2));
    return MainWindow::tr("The prediction adds up what each layer did alone in the scan, scaled "
                          "per width by how much more the whole model lost at that width (%1); "
                          "the plain sum predicts %2.")
        .arg(factors.join(QStringLiteral(", ")),
             locale.toString(result.additivePerplexity, 'f', 4));
}

// The preview of an automatic choice: achieved bits per weight, the prediction, the widths.
QString describeAutoBits(const AutoBitsResult& result)
{
    const QLocale locale;
    std::map<int, int> layersAt;
    for (const AutoBitsLayerChoice& layer : result.layers)
        ++layersAt[layer.bits];
    QStringList widths;
    for (const auto& [bits, count] : layersAt)
        widths << MainWindow::tr("%1-bit × %2").arg(bits).arg(count);
    const QString delta = signedNumber(result.predictedPerplexity - result.referencePerplexity, 4);
    QString prediction =
        MainWindow::tr("Predicted perplexity <b>%1</b> (%2 over full precision %3)")
            .arg(locale.toString(result.predictedPerplexity, 'f', 4), delta,
                 locale.toString(result.referencePerplexity, 'f', 4));
    if (result.loss == AutoBitsLoss::Kl)
        prediction +=
            MainWindow::tr(", KL %1 nats/token").arg(locale.toString(result.predictedLoss, 'g', 4));
    return MainWindow::tr("<b>%1 bits/weight</b> achieved (target %2; %3 to %4 possible)")
               .arg(locale.toString(result.averageBitsPerWeight, 'f', 3),
                    locale.toString(result.targetBitsPerWeight, 'f', 2),
                    locale.toString(result.minimumBitsPerWeight, 'f', 2),
                    locale.toString(result.maximumBitsPerWeight, 'f', 2))
           + QStringLiteral("<br>") + prediction + QStringLiteral("<br>")
           + MainWindow::tr("Layers: %1").arg(widths.join(QStringLiteral(", ")))
           + QStringLiteral("<br><span style=\"color:#667085\">%1</span>")
                 .arg(interactionText(result));
}

} // namespace

void MainWindow::previewAutoBits(AutoBitsDialog* dialog)
{
    if (!m_model || !m_scan)
        return;
    const QPointer<AutoBitsDialog> target(dialog);
    const std::shared_ptr<const LoadedModel> model = m_model;
    const std::shared_ptr<const SensitivityScanResult> scan = m_scan;
    const AutoBitsOptions options = dialog->options();
    if (options.bits.empty())
        return;
    m_jobs.start(kAutoBitsPreviewSlot, tr("Previewing automatic bits"),
                 [target, model, scan, options](Progress&) -> JobRunner::Delivery {
                     QString text;
                     bool error = false;
                     try {
                         text =
                             describeAutoBits(AutoBits::choose(*scan, model->inventory(), options));
                     } catch (const Error& e) {
                         text = e.message();
                         error = true;
                     }
                     return [target, text, error] {
                         if (target)
                             target->setPreview(text, error);
                     };
                 });
}

void MainWindow::applyAutoBits(const AutoBitsOptions& options)
{
    if (!m_model || m_jobs.isRunning(kMainSlot) || m_jobs.isRunning(kBackendSlot))
        return;
    if (const QString problem = scanProblem(); !problem.isEmpty()) {
        addIssue(Issue::Severity::Error, problem);
        return;
    }
    const std::shared_ptr<const LoadedModel> model = m_model;
    const std::shared_ptr<const SensitivityScanResult> scan = m_scan;
    m_jobs.start(kMainSlot, tr("Choosing bits"),
                 [this, model, scan, options](Progress&) -> JobRunner::Delivery {
                     auto result = std::make_shared<const AutoBitsResult>(
                         AutoBits::choose(*scan, model->inventory(), options));
                     const QStringList problems = result->plan.problemsFor(model->inventory());
                     if (!problems.isEmpty())
                         throw Error(problems.join(QLatin1Char('\n')));
                     return [this, model, result] {
                         if (model != m_model)
                             return;
                         const QLocale locale;
                         m_layerModel->applyPlanEdit(
                             result->plan,
                             tr("Automatic bits: %1 bits/weight")
                                 .arg(locale.toString(result->averageBitsPerWeight, 'f', 2)));
                         m_autoBits = result;
                         m_autoBitsFingerprint = evaluationFingerprint(m_layerModel->plan());
                         m_autoBitsMeasured.reset();
                         updatePlanCheck();
                         m_plots->setCurrentWidget(m_sensitivity);
                         showStatus(tr("Automatic bits: %1 bits/weight, perplexity %2 predicted. "
                                       "Evaluate the plan to measure it.")
                                        .arg(locale.toString(result->averageBitsPerWeight, 'f', 3),
                                             locale.toString(result->predictedPerplexity, 'f', 4)));
                     };
                 });
}

void MainWindow::updatePlanCheck()
{
    if (!m_autoBits) {
        m_sensitivity->setPlanCheck(std::nullopt);
        return;
    }
    SensitivityView::PlanCheck check;
    check.bitsPerWeight = m_autoBits->averageBitsPerWeight;
    check.targetBitsPerWeight = m_autoBits->targetBitsPerWeight;
    check.referencePerplexity = m_autoBits->referencePerplexity;
    check.predictedPerplexity = m_autoBits->predictedPerplexity;
    if (m_autoBitsMeasured && m_autoBitsMeasured->modified) {
        check.measuredPerplexity = m_autoBitsMeasured->modified->perplexity();
        check.measuredReference = m_autoBitsMeasured->reference.perplexity();
    }
    check.planEdited = evaluationFingerprint(m_layerModel->plan()) != m_autoBitsFingerprint;
    m_sensitivity->setPlanCheck(check);
}

std::optional<ModelCardFacts> MainWindow::shownEvaluationFacts(const QuantPlan& plan) const
{
    const auto evaluated = m_evaluationPanel->result();
    if (!evaluated || !evaluated->modified || !m_evaluatedFingerprint
        || *m_evaluatedFingerprint != evaluationFingerprint(plan))
        return std::nullopt;
    return ModelCardFacts::of(*evaluated, m_evaluationPanel->textPath());
}

QByteArray MainWindow::evaluationFingerprint(const QuantPlan& plan) const
{
    return m_model ? plan.evaluationKey(m_model->inventory()) : QByteArray();
}

void MainWindow::updateEvaluationStaleness()
{
    if (!m_evaluatedFingerprint)
        return;
    m_evaluationPanel->setStale(*m_evaluatedFingerprint
                                != evaluationFingerprint(m_layerModel->plan()));
}

void MainWindow::updateGenerationStaleness()
{
    if (!m_generatedFingerprint)
        return;
    m_generationPanel->setStale(*m_generatedFingerprint
                                != evaluationFingerprint(m_layerModel->plan()));
}

void MainWindow::fitResultColumns()
{
    for (int column = LayerTableModel::FirstResultColumn; column < LayerTableModel::ColumnCount;
         ++column)
        m_layerView->resizeColumnToContents(column);
}

void MainWindow::showReportIssues(const QuantReport& report)
{
    for (const QString& warning : report.runWarnings())
        addIssue(Issue::Severity::Warning, warning);
    for (const LayerReport& layer : report.layers) {
        if (layer.status == LayerStatus::Skipped || !layer.note.isEmpty())
            addIssue(Issue::Severity::Warning, tr("%1: %2").arg(layer.name, layer.note),
                     layer.name);
    }
    if (!report.complete) {
        const int notRun = report.countWithStatus(LayerStatus::NotRun);
        addIssue(Issue::Severity::Warning,
                 tr("The quantization run was cancelled: %n layer(s) were not reached and stay "
                    "in full precision; the layers finished before are shown.",
                    nullptr, notRun));
    }
}

void MainWindow::savePlan()
{
    if (!m_model)
        return;
    const QString path = askSavePath(tr("Save Plan"), AppSettings::Key::LastPlanDirectory,
                                     QStringLiteral("-recipe.json"), tr("Recipes (*.json)"));
    if (!path.isEmpty() && writeJsonReporting(path, m_layerModel->plan().toJson()))
        showStatus(tr("Saved the plan to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::loadPlan()
{
    if (!m_model)
        return;
    const QString path =
        askOpenPath(tr("Load Plan"), AppSettings::Key::LastPlanDirectory, tr("Recipes (*.json)"));
    if (!path.isEmpty())
        loadPlanFile(path);
}

bool MainWindow::loadPlanFile(const QString& path)
{
    if (!m_model)
        return false;
    try {
        const QuantPlan plan = QuantPlan::fromFile(path);
        const QStringList problems = plan.problemsFor(m_model->inventory());
        if (!problems.isEmpty())
            throw Error(tr("%1 does not fit this model:\n%2")
                            .arg(QDir::toNativeSeparators(path), problems.join(QLatin1Char('\n'))));
        m_layerModel->applyPlanEdit(plan, tr("Load plan %1").arg(QFileInfo(path).fileName()));
        showStatus(tr("Loaded the plan %1").arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const Error& e) {
        addIssue(Issue::Severity::Error, e.message(), path);
        m_issuesDock->show();
        m_issuesDock->raise();
        return false;
    }
}

// ---- job feedback -----------------------------------------------------------------------------

void MainWindow::onJobStarted(const QString& slot, quint64, const QString& title)
{
    if (slot != kMainSlot)
        return;
    m_progressBar->setValue(0);
    m_progressBar->setFormat(QStringLiteral("%p %"));
    m_progressBar->show();
    m_cancelButton->show();
    showStatus(title + QStringLiteral("…"));
    updateActions();
}

void MainWindow::onJobProgress(const QString& slot, quint64, double fraction, const QString& text)
{
    if (slot != kMainSlot)
        return;
    m_progressBar->setValue(static_cast<int>(fraction * 1000.0));
    QString status = text.isEmpty() ? m_jobs.title(kMainSlot) : text;
    // A time-left estimate once there is enough progress to extrapolate from.
    const double elapsed = m_jobs.elapsedSeconds(kMainSlot);
    if (fraction > 0.05 && elapsed > 2.0)
        status += QStringLiteral(" — ")
                  + tr("about %1 left").arg(formatSeconds(elapsed * (1.0 - fraction) / fraction));
    showStatus(status);
}

void MainWindow::onJobFinished(const QString& slot, quint64, const QString& title,
                               JobRunner::Outcome outcome, const QString& message, double seconds)
{
    if (slot == kMainSlot) {
        m_progressBar->hide();
        m_cancelButton->hide();
    }
    switch (outcome) {
    case JobRunner::Outcome::Succeeded:
        if (slot == kMainSlot)
            showStatus(tr("%1: done in %2.").arg(title, formatSeconds(seconds)));
        break;
    case JobRunner::Outcome::Cancelled:
        if (slot == kMainSlot)
            showStatus(tr("%1: cancelled; nothing was changed.").arg(title));
        break;
    case JobRunner::Outcome::PartlyDone:
        if (slot == kMainSlot)
            showStatus(tr("%1: cancelled; what was finished is shown.").arg(title));
        break;
    case JobRunner::Outcome::Failed:
        if (slot == kHistogramSlot)
            m_histogram->showMessage(message);
        if (slot == kProfileSlot) {
            m_outliers->showMessage(message);
            m_hessian->showMessage(message);
        }
        if (slot == kLabSlot)
            m_roundingLab->setLayerMessage(message);
        addIssue(Issue::Severity::Error, message);
        m_issuesDock->show();
        m_issuesDock->raise();
        if (slot == kMainSlot)
            showStatus(tr("%1: failed: %2").arg(title, message.section(QLatin1Char('\n'), 0, 0)));
        break;
    }
    updateActions();
}

void MainWindow::updateActions()
{
    const bool busy = m_jobs.isRunning(kMainSlot);
    // While a compute device is being set up, nothing that computes may start.
    const bool canCompute = !busy && !m_jobs.isRunning(kBackendSlot) && m_model != nullptr;
    const bool hasModel = m_model != nullptr;
    m_openAction->setEnabled(!busy);
    m_openGgufAction->setEnabled(!busy);
    m_recentMenu->setEnabled(!busy && !m_recentMenu->actions().isEmpty());
    m_demoAction->setEnabled(!busy);
    m_exportAction->setEnabled(canCompute);
    m_savePlanAction->setEnabled(hasModel);
    m_loadPlanAction->setEnabled(!busy && hasModel);
    m_openScanAction->setEnabled(!busy && hasModel);
    m_saveScanAction->setEnabled(hasModel && m_scan != nullptr);
    m_saveReportAction->setEnabled(hasModel && m_latestReport != nullptr);
    m_openProjectAction->setEnabled(!busy);
    m_saveProjectAction->setEnabled(!busy && hasModel);
    m_saveProjectAsAction->setEnabled(!busy && hasModel);
    m_quantizeAllAction->setEnabled(canCompute);
    m_evaluateAction->setEnabled(canCompute);
    m_generateAction->setEnabled(canCompute);
    m_compareFolderAction->setEnabled(canCompute);
    m_compareGgufAction->setEnabled(canCompute);
    m_quantizeSelectedAction->setEnabled(canCompute
                                         && m_layerView->selectionModel()->hasSelection());
    m_sensitivityAction->setEnabled(canCompute);
    m_autoBitsAction->setEnabled(canCompute);
    m_preferencesAction->setEnabled(!busy);
    m_cancelAction->setEnabled(busy);
}

void MainWindow::showStatus(const QString& text)
{
    m_statusLabel->setText(text);
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::setComputeBackend(const QString& spec)
{
    const QString wanted =
        ComputeBackends::specError(spec).isEmpty() ? spec : QStringLiteral("cpu");
    m_settings.setValue(AppSettings::Key::ComputeBackend, wanted);
    m_backend = ComputeBackend::cpu();
    if (wanted == QLatin1String("cpu")) {
        m_jobs.cancel(kBackendSlot);
        updateDeviceLabel();
        updateActions();
        return;
    }
    // The device is set up on a worker (its kernels may have to be built); runs wait for it.
    m_deviceLabel->setText(tr("Device: preparing %1…").arg(wanted));
    // A device error inside a later job is reported on the worker thread; the window hears it
    // queued.
    const QPointer<MainWindow> window(this);
    const auto onFallback = [window](const QString& reason) {
        QMetaObject::invokeMethod(
            window,
            [window, reason] {
                if (window)
                    window->onBackendFallback(reason);
            },
            Qt::QueuedConnection);
    };
    m_jobs.start(kBackendSlot, tr("Preparing the compute device"),
                 [this, wanted, onFallback](Progress&) -> JobRunner::Delivery {
                     auto choice = std::make_shared<const BackendChoice>(
                         ComputeBackends::create(wanted, onFallback));
                     return [this, choice] {
                         m_backend = choice->backend;
                         if (!choice->fallbackReason.isEmpty()) {
                             qWarning("%s", qUtf8Printable(choice->fallbackReason));
                             addIssue(Issue::Severity::Warning, choice->fallbackReason);
                         }
                         updateDeviceLabel();
                     };
                 });
    updateActions();
}

QString MainWindow::computeDeviceText() const
{
    return m_deviceLabel->text();
}

void MainWindow::showComputePreferences()
{
    ComputeDeviceDialog dialog(ComputeBackends::list(),
                               m_settings.value(AppSettings::Key::ComputeBackend).toString(), this);
    if (dialog.exec() == QDialog::Accepted)
        setComputeBackend(dialog.selectedId());
}

void MainWindow::onBackendFallback(const QString& reason)
{
    qWarning("%s", qUtf8Printable(reason));
    addIssue(Issue::Severity::Warning, reason);
    updateDeviceLabel();
}

void MainWindow::updateDeviceLabel()
{
    if (!m_backend)
        return;
    const QString reason = m_backend->fallbackReason();
    const QString device = m_backend->device().describe();
    if (reason.isEmpty()) {
        m_deviceLabel->setText(tr("Device: %1").arg(device));
        m_deviceLabel->setToolTip(tr("Where the heavy work runs (Edit › Compute Device…)"));
        m_deviceLabel->setStyleSheet(QString());
    } else {
        m_deviceLabel->setText(tr("Device: CPU (fell back from %1)").arg(m_backend->device().name));
        m_deviceLabel->setToolTip(reason);
        m_deviceLabel->setStyleSheet(QStringLiteral("color: #b00020"));
    }
}

void MainWindow::addIssue(Issue::Severity severity, const QString& message, const QString& subject)
{
    m_issues->addIssue(Issue{severity, message, subject});
}

void MainWindow::onIssueActivated(const QString& subject)
{
    // A tensor name "<layer>.weight" or a layer name: go to the layer.
    QString layer = subject;
    if (layer.endsWith(QLatin1String(".weight")))
        layer.chop(7);
    selectLayer(layer);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About QuantBench"),
        tr("<h3>QuantBench %1</h3><p>A workbench for quantizing large language models: see, layer "
           "by layer, what rounding does to a model, choose per layer, and ship the result.</p>"
           "<p>The bundled demo model is stories260K by Andrej Karpathy (MIT licence).</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace qb
