#pragma once

#include "core/metrics/weight_histogram.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QCPBars;
class QCustomPlot;
class QLabel;
class QSpinBox;

namespace qb {

// Draws a WeightHistogram snapshot: the weights of a layer (or of one row or group) as bars, the
// quantization grid of the chosen row and group as vertical lines, and the clipped ranges
// shaded; or the weights before and after quantization overlaid; or the rounding error's
// histogram. Its controls choose what to count (scope, row, group, bins): changing them emits
// requestChanged() and the owner computes a new snapshot off the GUI thread — this widget never
// reads weights or computes anything heavier than formatting. The log-scale toggle only redraws.
class HistogramView : public QWidget {
    Q_OBJECT

public:
    // What the plot shows of the snapshot.
    enum class Display { Weights, BeforeAfter, Error };

    explicit HistogramView(QWidget* parent = nullptr);

    // Sets the snapshot to draw; null clears the plot.
    void setSnapshot(std::shared_ptr<const WeightHistogram> snapshot);
    std::shared_ptr<const WeightHistogram> snapshot() const { return m_snapshot; }
    // Clears the plot and shows `message` instead (no model, or the computation failed) until
    // the next setSnapshot().
    void showMessage(const QString& message);

    HistogramScope scope() const;
    std::int64_t row() const;
    std::int64_t group() const;
    int bins() const;
    void setBins(int bins);
    bool isLogScale() const;
    void setLogScale(bool on);
    Display display() const;
    void setDisplay(Display display);

    // For tests and exports: the plot and its bars.
    QCustomPlot* plot() const { return m_plot; }
    QCPBars* bars() const { return m_bars; }
    QCPBars* afterBars() const { return m_afterBars; }
    QString infoText() const;

Q_SIGNALS:
    // The user changed what to count: compute a new snapshot for scope(), row(), group(), bins().
    void requestChanged();
    void logScaleChanged(bool on);
    void displayChanged(Display display);

private:
    void redraw();
    void updateControls();
    void showToolTip(const QPoint& position);
    void resetRanges();

    std::shared_ptr<const WeightHistogram> m_snapshot;
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QCPBars* m_afterBars; // the quantized weights (Before and after)
    QComboBox* m_scope;
    QComboBox* m_display;
    QSpinBox* m_row;
    QSpinBox* m_group;
    QSpinBox* m_bins;
    QCheckBox* m_log;
    QLabel* m_info;
    QString m_message; // shown instead of a snapshot (see showMessage)
};

} // namespace qb
