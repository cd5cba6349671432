#pragma once

#include "app/gui/app_settings.h"
#include "app/gui/job_runner.h"
#include "core/analysis/auto_bits.h"
#include "core/backend/compute_backend.h"
#include "core/export/checkpoint_export.h"
#include "core/project/project_file.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantization_pipeline.h"
#include "core/util/issue.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMainWindow>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTabWidget;
class QToolButton;
class QUndoStack;

namespace qb {

class CalibrationPanel;
class EvaluationPanel;
class GenerationPanel;
class HessianView;
class HistogramView;
class LayerErrorView;
class OutlierChannelView;
struct InputSiteMeasurement;
class RoundingLabView;
struct LabActivations;
class IssuesModel;
class IssuesPanel;
class LayerTableModel;
class LoadedModel;
class PlanDefaultsBar;
class SensitivityView;
class AutoBitsDialog;
struct EvaluationResult;
struct SensitivityScanRequest;
struct SensitivityScanResult;
struct LinearLayer;
struct QuantReport;
struct QuantizedModel;

// The workbench window: the layer table (the plan, edited per layer or for all), the plots of the
// selected layer, the issues panel and a status bar with progress and Cancel. Everything long
// runs through the JobRunner; the window only starts jobs and shows their results.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // The slot of the job runner for user-visible operations (open, quantize, export): one at a
    // time, shown in the status bar with Cancel.
    static inline const QString kMainSlot = QStringLiteral("main");

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a checkpoint folder in the background; on failure the current model stays open and
    // the error is shown in the issues panel.
    void openModel(const QString& directory);
    void openDemoModel();
    // openProject() for a *.qbproj file, openModel() for anything else.
    void openPath(const QString& path);
    // Writes the latest run's report to `path` (ReportFile: HTML, CSV or JSON by its suffix),
    // with the perplexities of the shown evaluation when it is of that run; the status bar says
    // where, the issues panel why not.
    void saveReportTo(const QString& path);
    // Writes the session to the project file `path` in the background (File › Save Project),
    // which then becomes the window's project; the status bar says when it is saved, the issues
    // panel why not. `then` runs once it is saved.
    void saveProjectTo(const QString& path, std::function<void()> then = {});
    // The project file the session was last opened from or saved to; empty when there is none.
    const QString& projectPath() const { return m_projectPath; }
    // Whether the session (plan, texts and settings, sensitivity scan, kept run) differs from
    // what was last opened or saved; the window title then carries the modified mark.
    bool isSessionModified() const;
    // Opens a project file (ProjectFile) in the background: its model, plan, calibration and
    // evaluation settings, sensitivity scan and kept run. On failure the open model stays.
    void openProject(const QString& path);
    // Quantizes the whole plan, or only the selected layers (the others stay in full precision),
    // through QuantizationPipeline, calibrated on calibrationTextPath() when one is set (needed
    // when the layers' methods need calibration; otherwise it measures their output errors).
    // Cancel keeps and shows the layers finished so far. A whole-plan run is kept (lastRun()) for
    // evaluation and export while the plan and the calibration inputs stay as they were.
    void quantizeLayers(bool selectedOnly);
    // Exports the plan to `directory` in options.format (replacing it only if
    // options.replaceExisting): the kept run when it matches the plan and calibration inputs (a
    // cancelled one only with `allowIncomplete`), else a new pipeline run in the same job. A plan
    // the format cannot hold is refused first (the issues panel names the layers): nothing runs.
    void exportCheckpoint(const QString& directory, const CheckpointExportOptions& options,
                          bool allowIncomplete = false);
    // Measures the perplexity of the model as stored and as the plan quantizes it (with the KL
    // between them) on the evaluation panel's text. Plans that need calibration are evaluated
    // through their pipeline result (the kept one when it matches, else a new run in the same
    // job); the others stream the plan's weights block by block.
    void evaluate();
    // Continues the generation panel's prompt with the model as stored and as the plan quantizes
    // it (greedy, TextGenerator), and shows both with where they part. Plans that need
    // calibration use their pipeline result as evaluate() does.
    void generate();
    // Scores the checkpoint at `path` (a folder or a GGUF file, quantized elsewhere or an
    // export) against the model as stored on the evaluation panel's text and windows, each with
    // its own weights, norms and head (PerplexityEvaluator::compare), and shows both with the
    // KL between them. The comparison is not the plan's evaluation: it is never stale, and
    // model cards and projects do not take it.
    void compareWith(const QString& path);
    void selectLayer(const QString& layerName);
    // Run › Sensitivity Scan…: the scan's dialog (window-modal), whose accepted request runs.
    void showSensitivityScanDialog();
    // Scans the model as `request` says (calibration settings from the plan, context and stride
    // from the evaluation panel, on the chosen device) in the main slot, with progress and
    // Cancel; the result (a cancelled scan's with the measurements finished) goes to the
    // Sensitivity tab.
    void runSensitivityScan(const SensitivityScanRequest& request);
    // Plan › Automatic Bits…: its dialog, previewing each choice, or, without a complete scan of
    // this model, the offer to run one first.
    void showAutoBitsDialog();
    // Chooses each layer's bits from the latest scan (AutoBits, in the main slot) and writes the
    // choice into the plan as one undoable step.
    void applyAutoBits(const AutoBitsOptions& options);
    // Loads a recipe as the plan (one undoable step). On failure, or when it does not fit the
    // model, the plan stays and the issues panel says why; returns false.
    bool loadPlanFile(const QString& path);
    // Shows a sensitivity scan saved as JSON (File › Open Sensitivity Scan…, or `quantbench-cli
    // sensitivity --out`) as the scan of the open model. On failure, or when it was made on
    // another model, the current scan stays and the issues panel says why; returns false.
    bool loadScanFile(const QString& path);

    std::shared_ptr<const LoadedModel> model() const { return m_model; }
    JobRunner& jobs() { return m_jobs; }
    LayerTableModel* layerModel() const { return m_layerModel; }
    QTableView* layerView() const { return m_layerView; }
    HistogramView* histogramView() const { return m_histogram; }
    LayerErrorView* layerErrorView() const { return m_layerErrors; }
    OutlierChannelView* outlierChannelView() const { return m_outliers; }
    HessianView* hessianView() const { return m_hessian; }
    QTabWidget* plotTabs() const { return m_plots; }
    RoundingLabView* roundingLabView() const { return m_roundingLab; }
    EvaluationPanel* evaluationPanel() const { return m_evaluationPanel; }
    GenerationPanel* generationPanel() const { return m_generationPanel; }
    CalibrationPanel* calibrationPanel() const { return m_calibrationPanel; }
    SensitivityView* sensitivityView() const { return m_sensitivity; }
    // The latest sensitivity scan of the open model (complete false when cancelled), or null.
    std::shared_ptr<const SensitivityScanResult> sensitivityScan() const { return m_scan; }
    // The latest automatic-bits choice applied to the plan, or null.
    std::shared_ptr<const AutoBitsResult> lastAutoBits() const { return m_autoBits; }
    // The latest whole-plan pipeline run (report.complete is false when it was cancelled), or
    // null; dropped when another model is opened.
    std::shared_ptr<const QuantizedModel> lastRun() const { return m_lastRun; }
    // The text runs calibrate on: the Calibration panel's file, else the bundled demo text while
    // the demo model is open; empty when there is none.
    QString calibrationTextPath() const;
    IssuesModel* issuesModel() const { return m_issues; }
    // Where runs do their heavy work: the backend of the Preferences (a --backend value, saved in
    // the settings). A device that cannot be used gives the CPU, with a warning in the issues
    // panel; so does a device error during a run. The status bar names the device in use.
    void setComputeBackend(const QString& spec);
    std::shared_ptr<const ComputeBackend> computeBackend() const { return m_backend; }
    QString computeDeviceText() const;
    void showComputePreferences();
    QUndoStack* undoStack() const { return m_undoStack; }
    QString statusText() const;

    // Where the bundled demo model is: <bin>/../share/quantbench/demo/stories260K, in the build
    // tree and once installed. Empty when it is missing.
    static QString demoModelDirectory();
    // The bundled TinyStories sample beside it (demo/text/tinystories_sample.txt), or empty.
    static QString demoEvaluationText();
    // The bundled TinyStories subset to calibrate the demo model on
    // (demo/text/TinyStories-valid-subset.txt), or empty.
    static QString demoCalibrationText();

Q_SIGNALS:
    void modelOpened(const QString& directory);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // What a pipeline run is made from besides the model. Runs from equal inputs give the same
    // result.
    using RunInputs = QuantRunInputs;

    void createActions();
    void createMenus();
    void createWidgets();
    void restoreSettings();
    void saveSettings();

    void chooseModelFolder();
    void chooseGgufFile();
    void chooseExportFolder();
    void savePlan();
    void loadPlan();
    void openScan();
    void saveScan();
    // File › Save Report…: asks where (the filter's suffix, .html by default), then saveReportTo().
    void saveReport();
    // File › Save Project: the session (model, plan, texts, scan, the kept run) in one file,
    // written in the background: to projectPath(), or where saveProjectAs() asks. `then` runs
    // once it is saved.
    void saveProject(std::function<void()> then = {});
    // File › Save Project As…: asks where, then saveProjectTo().
    void saveProjectAs(std::function<void()> then = {});
    // What a project of the session holds now (the model's path, plan, texts, scan, kept run).
    Project currentProject() const;
    // What a project saves of the session, to tell whether it changed: the plan, texts and
    // settings as JSON, and which scan, run and evaluation are kept (weakly: a saved run is not
    // kept alive by this, and a new object never compares equal to a dropped one).
    struct SessionState {
        QByteArray settings;
        std::weak_ptr<const QuantizedModel> run;
        std::weak_ptr<const SensitivityScanResult> scan;
        std::weak_ptr<const EvaluationResult> evaluation;
        bool sameAs(const SessionState& other) const;
    };
    static SessionState sessionState(const Project& project);
    // Makes `path` (empty: none) the window's project, saved as `state` says; a project is listed
    // under Open Recent.
    void setSavedSession(const QString& path, const SessionState& state);
    // The title names the project (if any) and the model, with the modified mark.
    void updateWindowTitle();
    // Runs `then` once the session's unsaved changes are dealt with: at once when there are
    // none; otherwise after asking (a window-modal box, no nested event loop): after saving the
    // project (Save), at once (Discard), or never (Cancel, or the save fails).
    void afterAskingToSave(std::function<void()> then);
    void chooseProjectFile();
    // Whether a calibration text is chosen; if not, says in the issues panel that `neededBy`
    // (method names) need one and opens the Calibration panel.
    bool requireCalibrationText(const QStringList& neededBy);
    // A save dialog for a file named after the model plus `suffix`, starting in the folder last
    // used for it (remembered under `directory`); empty when cancelled.
    QString askSavePath(const QString& title, AppSettings::Key directory, const QString& suffix,
                        const QString& filter);
    // An open dialog starting in the folder last used under `directory`, which it then
    // remembers; empty when cancelled.
    QString askOpenPath(const QString& title, AppSettings::Key directory, const QString& filter);
    // Writes `json` to `path` atomically; false, with the reason in the issues panel, on failure.
    bool writeJsonReporting(const QString& path, const QJsonObject& json);
    // Makes `scan` (of the open model) the one the Sensitivity tab shows and Automatic Bits uses.
    void showScan(std::shared_ptr<const SensitivityScanResult> scan);
    void showAbout();
    // A device error made the backend continue on the CPU (called on the GUI thread).
    void onBackendFallback(const QString& reason);
    void updateDeviceLabel();
    void rebuildRecentMenu();
    // Shows `model` with `plan` (default: the defaults bar's settings for every layer), dropping
    // everything of the model shown before.
    void setLoadedModel(std::shared_ptr<const LoadedModel> model,
                        const std::optional<QuantPlan>& plan = std::nullopt);
    // Shows an opened project: its model and plan, texts, scan and kept run.
    void showProject(const OpenedProject& opened, const QString& path);
    void startWeightScan();
    void requestHistogram();
    // The Outlier channels and Hessian tabs follow the selected layer: from the latest run's
    // statistics when it calibrated the layer's input site, else — while one of the two tabs is
    // shown — from a full-precision calibration pass (cached per input site).
    void requestInputProfile();
    // Reads rows [firstRow, firstRow + RoundingLabView::kLayerRows) of the selected layer for the
    // rounding lab in the background (with the layer's recorded activations when there are any);
    // with `recordActivations`, first records them over the calibration text.
    void requestLabRows(int firstRow, bool recordActivations = false);
    void onPlanChanged();
    void showReportIssues(const QuantReport& report);
    void updateEvaluationStaleness();
    void updateGenerationStaleness();
    void updatePlanProblems();
    void updateCalibrationStatus();
    void showCalibrationPanel();
    bool isDemoModelOpen() const;
    // The inputs of a run of `plan` over `layers` (empty: all) as things are now.
    RunInputs runInputs(const QuantPlan& plan, const QStringList& layers) const;
    // The options every pipeline run of the window uses: the inputs' true-sequential setting,
    // the layers (empty: all) and the chosen compute backend.
    PipelineOptions pipelineOptions(const RunInputs& inputs, const QStringList& layers = {}) const;
    // Whether `plan` can run over `layers` (empty: all): it fits the model and has calibration
    // text where a layer needs it. When not, says why (issues panel, status) and returns false.
    bool readyToRun(const QuantPlan& plan, const QStringList& layers);
    // The kept run when it was made from `inputs` (and is complete, unless `allowIncomplete`).
    std::shared_ptr<const QuantizedModel> reusableRun(const RunInputs& inputs,
                                                      bool allowIncomplete) const;
    void keepRun(std::shared_ptr<const QuantizedModel> run, const RunInputs& inputs);
    // Shows a run's results in the table and its warnings in the issues panel.
    void showRun(const std::shared_ptr<const QuantizedModel>& run);
    // The latest run's and the pinned runs' per-layer errors into the Layer errors tab.
    void refreshLayerErrors();
    // What an evaluation result depends on in `plan`: the calibration settings only when the
    // plan needs calibration.
    QByteArray evaluationFingerprint(const QuantPlan& plan) const;
    // The perplexities of the shown evaluation for a model card or report, when it scored the
    // model quantized by `plan` (as the plan is now); nullopt otherwise.
    std::optional<ModelCardFacts> shownEvaluationFacts(const QuantPlan& plan) const;
    void fitResultColumns();
    // Why the latest scan cannot give automatic bits (none, cancelled), or empty.
    QString scanProblem() const;
    // Computes what `dialog`'s options give, in the background, into its preview.
    void previewAutoBits(AutoBitsDialog* dialog);
    // The automatic plan's prediction, and its measurement once evaluated, into the Sensitivity
    // tab.
    void updatePlanCheck();
    void addIssue(Issue::Severity severity, const QString& message, const QString& subject = {});
    void onIssueActivated(const QString& subject);

    void onJobStarted(const QString& slot, quint64 id, const QString& title);
    void onJobProgress(const QString& slot, quint64 id, double fraction, const QString& text);
    void onJobFinished(const QString& slot, quint64 id, const QString& title,
                       JobRunner::Outcome outcome, const QString& message, double seconds);
    void updateActions();
    void showStatus(const QString& text);

    const LinearLayer* currentLayer() const;
    QStringList selectedLayerNames() const;

    AppSettings m_settings;
    JobRunner m_jobs;
    std::shared_ptr<const LoadedModel> m_model;

    QUndoStack* m_undoStack;
    LayerTableModel* m_layerModel;
    QSortFilterProxyModel* m_layerProxy;
    IssuesModel* m_issues;

    QSplitter* m_splitter = nullptr;
    QTableView* m_layerView = nullptr;
    QLineEdit* m_layerFilter = nullptr;
    QLabel* m_modelSummary = nullptr;
    PlanDefaultsBar* m_defaultsBar = nullptr;
    QTabWidget* m_plots = nullptr;
    HistogramView* m_histogram = nullptr;
    IssuesPanel* m_issuesPanel = nullptr;
    QDockWidget* m_issuesDock = nullptr;
    EvaluationPanel* m_evaluationPanel = nullptr;
    QDockWidget* m_evaluationDock = nullptr;
    std::optional<QByteArray> m_evaluatedFingerprint; // of the plan of the shown evaluation
    GenerationPanel* m_generationPanel = nullptr;
    QDockWidget* m_generationDock = nullptr;
    std::optional<QByteArray> m_generatedFingerprint; // of the plan of the shown generation
    CalibrationPanel* m_calibrationPanel = nullptr;
    QDockWidget* m_calibrationDock = nullptr;
    QLabel* m_calibrationSummary = nullptr;
    QLabel* m_planProblems = nullptr;
    std::shared_ptr<const QuantizedModel> m_lastRun;
    RunInputs m_lastRunInputs;
    // The project the session was last opened from or saved to (empty: none), and the session's
    // state then (sessionState); the state is set whenever a model is opened too.
    QString m_projectPath;
    SessionState m_savedSession;
    // Set once the user has settled the unsaved changes of a close, so that the close goes on.
    bool m_closeSettled = false;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    LayerErrorView* m_layerErrors = nullptr;
    OutlierChannelView* m_outliers = nullptr;
    HessianView* m_hessian = nullptr;
    // The run the input profiles come from: the latest one shown (showRun), whole plan or not.
    std::shared_ptr<const QuantizedModel> m_profileRun;
    // Full-precision measurements by input group, valid for m_measurementKey (the calibration
    // text, its size and time, and the plan's calibration settings); cleared with the model.
    std::map<int, std::shared_ptr<const InputSiteMeasurement>> m_siteMeasurements;
    QByteArray m_measurementKey;
    RoundingLabView* m_roundingLab = nullptr;
    // The rounding lab's recorded layer inputs, by input group; cleared with the model.
    std::map<int, std::shared_ptr<const LabActivations>> m_labActivations;
    // The per-layer errors drawn: the latest run's report and the ones the user kept to compare
    // with (newest first); cleared when another model is opened.
    std::shared_ptr<const QuantReport> m_latestReport;
    std::vector<std::shared_ptr<const QuantReport>> m_pinnedReports;
    std::shared_ptr<const ComputeBackend> m_backend;
    SensitivityView* m_sensitivity = nullptr;
    std::shared_ptr<const SensitivityScanResult> m_scan; // of m_model; dropped with it
    // The latest automatic choice, the evaluation fingerprint of the plan it wrote, and that
    // plan's evaluation once the user ran one.
    std::shared_ptr<const AutoBitsResult> m_autoBits;
    QByteArray m_autoBitsFingerprint;
    std::shared_ptr<const EvaluationResult> m_autoBitsMeasured;
    QProgressBar* m_progressBar = nullptr;
    QToolButton* m_cancelButton = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_openGgufAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_savePlanAction = nullptr;
    QAction* m_loadPlanAction = nullptr;
    QAction* m_openScanAction = nullptr;
    QAction* m_saveScanAction = nullptr;
    QAction* m_openProjectAction = nullptr;
    QAction* m_saveProjectAction = nullptr;
    QAction* m_saveProjectAsAction = nullptr;
    QAction* m_saveReportAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_quantizeSelectedAction = nullptr;
    QAction* m_quantizeAllAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_evaluateAction = nullptr;
    QAction* m_generateAction = nullptr;
    QAction* m_compareFolderAction = nullptr;
    QAction* m_compareGgufAction = nullptr;
    QAction* m_calibrationAction = nullptr;
    QAction* m_sensitivityAction = nullptr;
    QAction* m_autoBitsAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QMenu* m_recentMenu = nullptr;
};

} // namespace qb
