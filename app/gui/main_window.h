#pragma once

#include "app/gui/app_settings.h"
#include "app/gui/job_runner.h"
#include "core/quant/quant_plan.h"
#include "core/util/issue.h"

#include <QMainWindow>

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

class EvaluationPanel;
class HistogramView;
class IssuesModel;
class IssuesPanel;
class LayerTableModel;
class LoadedModel;
class PlanDefaultsBar;
struct LinearLayer;
struct QuantReport;

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
    // Quantizes the selected layers (or all) as the plan says.
    void quantizeLayers(bool selectedOnly);
    // Exports a fake-quant checkpoint to `directory` (replacing it only if `replaceExisting`).
    void exportFakeQuant(const QString& directory, bool replaceExisting);
    // Measures the perplexity of the model as stored and as the plan quantizes it (with the KL
    // between them) on the evaluation panel's text.
    void evaluate();
    void selectLayer(const QString& layerName);

    std::shared_ptr<const LoadedModel> model() const { return m_model; }
    JobRunner& jobs() { return m_jobs; }
    LayerTableModel* layerModel() const { return m_layerModel; }
    QTableView* layerView() const { return m_layerView; }
    HistogramView* histogramView() const { return m_histogram; }
    EvaluationPanel* evaluationPanel() const { return m_evaluationPanel; }
    IssuesModel* issuesModel() const { return m_issues; }
    QUndoStack* undoStack() const { return m_undoStack; }
    QString statusText() const;

    // Where the bundled demo model is: <bin>/../share/quantbench/demo/stories260K, in the build
    // tree and once installed. Empty when it is missing.
    static QString demoModelDirectory();
    // The bundled TinyStories sample beside it (demo/text/tinystories_sample.txt), or empty.
    static QString demoEvaluationText();

Q_SIGNALS:
    void modelOpened(const QString& directory);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void restoreSettings();
    void saveSettings();

    void chooseModelFolder();
    void chooseExportFolder();
    void savePlan();
    void loadPlan();
    void showAbout();
    void rebuildRecentMenu();
    void setLoadedModel(std::shared_ptr<const LoadedModel> model);
    void startWeightScan();
    void requestHistogram();
    void onPlanChanged();
    void showReportIssues(const QuantReport& report);
    void updateEvaluationStaleness();
    void fitResultColumns();
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
    std::optional<QuantPlan> m_evaluatedPlan; // the plan of the shown evaluation
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QToolButton* m_cancelButton = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_savePlanAction = nullptr;
    QAction* m_loadPlanAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_quantizeSelectedAction = nullptr;
    QAction* m_quantizeAllAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_evaluateAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QMenu* m_recentMenu = nullptr;
};

} // namespace qb
