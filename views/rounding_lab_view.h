#pragma once

#include "core/analysis/gptq_step_through.h"
#include "core/analysis/rounding_lab.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QCPAxisRect;
class QCPBars;
class QCPCurve;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTimer;
class QToolButton;

namespace qb {

// The rounding lab (for teaching): one vector of weights — a row of the selected layer, one group
// of it, or a synthetic vector with an outlier whose size is a slider — rounded on the reference
// min/max grid; sliders for bits, group size, symmetry, clip ratio and an AWQ-style scale α. The
// plot shows the values, the grid levels of the shown group, the rounded values and each weight's
// error, with the MSE read out. Every slider move recomputes RoundingLab::round synchronously (it
// is O(n) for a vector of n weights; O(n²) for the output error) and redraws, in well under 50 ms.
//
// A second page steps through GPTQ on a slice of the same source (its rows × the columns of the
// shown group and the next): GptqStepThrough's trace, drawn step by step (Step / Run / Reset) —
// the column rounded, the update spread onto the later columns, and the output error of GPTQ
// against RTN's as the columns are done.
//
// The owner (MainWindow) gives it the selected layer's rows (read off the GUI thread) with
// setLayerSource() and answers layerRowsRequested() and activationsRequested().
class RoundingLabView : public QWidget {
    Q_OBJECT

public:
    enum class SourceKind { LayerRow, LayerGroup, Synthetic };
    static constexpr int kLayerRows = 8; // rows of the layer a source holds (the step-through's)

    explicit RoundingLabView(QWidget* parent = nullptr);
    ~RoundingLabView() override;

    // The selected layer: its name (empty: none) — the view then waits for setLayerSource.
    void setSelectedLayer(const QString& layerName);
    QString selectedLayer() const { return m_layerName; }
    // Rows of the selected layer (null: none yet), and a line saying why not (reading, failed).
    void setLayerSource(std::shared_ptr<const RoundingLabSource> source);
    void setLayerMessage(const QString& message);
    std::shared_ptr<const RoundingLabSource> layerSource() const { return m_layerSource; }

    SourceKind sourceKind() const;
    void setSourceKind(SourceKind kind);
    // The source the plot shows now (the layer's or the synthetic one), or null.
    std::shared_ptr<const RoundingLabSource> source() const;
    // The settings the sliders say (row: within source()).
    RoundingLabSettings settings() const;
    double outlierSize() const; // σ of the synthetic weights
    int layerRow() const;       // the layer's row asked for
    int shownGroup() const;     // the group whose grid is drawn, within the row

    // What is drawn: the result of the current settings (nothing without a source).
    const std::optional<RoundingLabResult>& result() const { return m_result; }
    // Milliseconds the latest recompute + replot took.
    double lastRedrawMilliseconds() const { return m_lastRedrawMs; }

    // The step-through: the trace of the current slice (computed when its page is shown or
    // Step/Run is pressed), the step shown (−1: before the first).
    const std::optional<GptqTrace>& trace() const { return m_trace; }
    int currentStep() const { return m_step; }
    void stepForward();
    void resetSteps();
    void showStepThrough(bool on); // the page shown

    QCustomPlot* plot() const { return m_plot; }
    QCustomPlot* stepPlot() const { return m_stepPlot; }
    // The plottables, for tests: original points, rounded points, grid level lines, error
    // impulses.
    QCPGraph* originalGraph() const { return m_original; }
    QCPGraph* roundedGraph() const { return m_rounded; }
    QCPCurve* levelCurve() const { return m_levels; }
    QCPGraph* errorBars() const { return m_errorBars; }
    QCPBars* updateBars() const { return m_updateBars; }
    QCPGraph* gptqErrorGraph() const { return m_gptqCurve; }
    QCPGraph* rtnErrorGraph() const { return m_rtnCurve; }

Q_SIGNALS:
    // The owner reads rows [firstRow, firstRow + kLayerRows) of the selected layer.
    void layerRowsRequested(int firstRow);
    // The owner records the selected layer's inputs over calibration text.
    void activationsRequested();

private:
    void buildRoundingPage(QWidget* page);
    void buildStepPage(QWidget* page);
    void onSourceChanged();
    void recompute();
    void drawResult();
    void updateSliderLabels();
    void updateGroupRange();
    void invalidateTrace();
    void ensureTrace();
    void drawStep();
    void showRoundingToolTip(const QPoint& pixel);
    void showStepToolTip(const QPoint& pixel);
    void exportPlot(QCustomPlot* plot);

    QString m_layerName;
    std::shared_ptr<const RoundingLabSource> m_layerSource;
    std::shared_ptr<const RoundingLabSource> m_synthetic;
    double m_syntheticOutlier = -1.0;
    std::optional<RoundingLabResult> m_result;
    double m_lastRedrawMs = 0.0;
    std::optional<GptqTrace> m_trace;
    std::int64_t m_traceFirstColumn = 0;
    int m_step = -1;
    bool m_updating = false;

    QTabWidget* m_pages;
    QComboBox* m_source;
    QSpinBox* m_row;
    QSpinBox* m_group;
    QSlider* m_outlier;
    QLabel* m_outlierLabel;
    QLabel* m_outlierValue;
    QSlider* m_bits;
    QLabel* m_bitsValue;
    QSlider* m_groupSize;
    QLabel* m_groupSizeValue;
    QCheckBox* m_symmetric;
    QSlider* m_clip;
    QLabel* m_clipValue;
    QSlider* m_alpha;
    QLabel* m_alphaValue;
    QPushButton* m_record;
    QLabel* m_readout;
    QLabel* m_info;

    QCustomPlot* m_plot;
    QCPAxisRect* m_valueRect = nullptr;
    QCPAxisRect* m_errorRect = nullptr;
    QCPGraph* m_original = nullptr;
    QCPGraph* m_rounded = nullptr;
    QCPCurve* m_levels = nullptr;
    QCPCurve* m_clipLines = nullptr;
    QCPGraph* m_errorBars = nullptr; // impulses: one per weight
    QCPGraph* m_clippedBars = nullptr;
    QCPItemRect* m_groupBand = nullptr;

    QCustomPlot* m_stepPlot;
    QCPAxisRect* m_stepWeightRect = nullptr;
    QCPAxisRect* m_stepUpdateRect = nullptr;
    QCPAxisRect* m_stepErrorRect = nullptr;
    QCPGraph* m_stepOriginal = nullptr;
    QCPGraph* m_stepPending = nullptr;
    QCPGraph* m_stepDone = nullptr;
    QCPBars* m_updateBars = nullptr;
    QCPBars* m_stepErrorBar = nullptr;
    QCPGraph* m_gptqCurve = nullptr;
    QCPGraph* m_rtnCurve = nullptr;
    QCPItemRect* m_columnBand = nullptr;
    QCPItemStraightLine* m_stepCursor = nullptr;
    QPushButton* m_stepButton;
    QPushButton* m_runButton;
    QPushButton* m_resetButton;
    QSpinBox* m_stepRow;
    QLabel* m_stepReadout;
    QLabel* m_stepInfo;
    QTimer* m_runTimer;
};

} // namespace qb
