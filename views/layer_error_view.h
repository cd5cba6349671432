#pragma once

#include "core/quant/quant_report.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QToolButton;

namespace qb {

// The per-layer error of quantization runs, in model order: one bar per layer and run, the layers
// grouped by block (a gap and the block's number between groups), for the output MSE, the
// relative output error or the output SQNR measured on the held-out calibration rows. Several
// runs are drawn side by side (the latest and the ones the user pinned: RTN against GPTQ, or two
// plans), so the sensitive layers and what a method gains on them show at a glance. Clicking a
// bar emits layerClicked() so the owner selects that layer everywhere; setSelectedLayer() marks
// the selected layer's bars. It only draws the reports it is given.
class LayerErrorView : public QWidget {
    Q_OBJECT

public:
    enum class Metric { OutputMse, RelativeError, Sqnr };

    // One run to draw: its report and the name its bars carry in the legend.
    struct Run {
        QString label;
        std::shared_ptr<const QuantReport> report;
    };

    explicit LayerErrorView(QWidget* parent = nullptr);

    // The runs to draw, at most kMaxRuns (the first ones kept); empty clears the plot.
    void setRuns(std::vector<Run> runs);
    const std::vector<Run>& runs() const { return m_runs; }
    static constexpr int kMaxRuns = 4;

    void setSelectedLayer(const QString& layerName);
    QString selectedLayer() const { return m_selected; }

    Metric metric() const;
    void setMetric(Metric metric);
    bool isLogScale() const;
    void setLogScale(bool on);

    // The layers on the x axis, in model order (each run's quantized layers, the first run's
    // order), and the value a run's bar has for a layer (NaN when that run did not measure it).
    const QStringList& layers() const { return m_layers; }
    double value(int run, const QString& layerName) const;
    // The x coordinate of a layer's group of bars, for tests and tooltips.
    double position(const QString& layerName) const;

    QCustomPlot* plot() const { return m_plot; }

Q_SIGNALS:
    void layerClicked(const QString& layerName);
    // The user asked to keep the latest run for comparison (the owner adds it to the runs).
    void pinRequested();

private:
    void redraw();
    void showToolTip(const QPoint& pixel);
    QString layerAt(double x) const;
    const LayerReport* reportOf(int run, const QString& layerName) const;
    void exportPlot();

    std::vector<Run> m_runs;
    std::vector<QHash<QString, const LayerReport*>> m_reportsByName; // per run
    QStringList m_layers;
    std::vector<double> m_positions; // x of each layer in m_layers
    QString m_selected;
    QCustomPlot* m_plot;
    QComboBox* m_metric;
    QCheckBox* m_log;
    QToolButton* m_pin;
    QLabel* m_info;
};

} // namespace qb
