#pragma once

#include "core/analysis/sensitivity_scan.h"
#include "views/sensitivity_ranking_model.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPAbstractItem;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCustomPlot;
class QLabel;
class QTableView;
class QToolButton;

namespace qb {

// A sensitivity scan (SensitivityScan) drawn: a heatmap of units (layers, blocks or roles, in
// model order, top to bottom) × bit-widths coloured by the change in perplexity or the KL
// divergence that quantizing the unit alone at that width caused (linear or logarithmic colour
// scale, its legend in the figure's units), the value written in each cell when there is room;
// beside it the units ranked by that figure at a chosen width. Cells a cancelled scan did not
// measure are hatched. Clicking a cell or a row emits layerClicked() with the unit's (first) layer
// so the owner selects it everywhere; setSelectedLayer() outlines the unit holding that layer.
// A line above the plot can compare an automatic plan's predicted perplexity with the measured
// one (setPlanCheck). It only draws the snapshot it is given.
class SensitivityView : public QWidget {
    Q_OBJECT

public:
    // What an automatic-bits plan predicted, and, once that plan was evaluated, what it measured.
    struct PlanCheck {
        double bitsPerWeight = 0.0; // achieved, overhead included
        double targetBitsPerWeight = 0.0;
        double referencePerplexity = 0.0; // the scan's full-precision model
        double predictedPerplexity = 0.0;
        std::optional<double> measuredPerplexity;
        std::optional<double> measuredReference; // the evaluation's full-precision perplexity
        bool planEdited = false;                 // the plan is no longer the automatic one
    };

    explicit SensitivityView(QWidget* parent = nullptr);
    ~SensitivityView() override;

    // Room for the heatmap and the ranking side by side (the minimum stays small).
    QSize sizeHint() const override;

    // The scan to draw (null: none yet).
    void setScan(std::shared_ptr<const SensitivityScanResult> scan);
    const std::shared_ptr<const SensitivityScanResult>& scan() const { return m_scan; }

    void setPlanCheck(std::optional<PlanCheck> check);
    QString planCheckText() const;

    void setSelectedLayer(const QString& layerName);
    QString selectedLayer() const { return m_selected; }
    // Index into scan()->units of the outlined unit, or -1.
    int selectedUnit() const { return m_selectedUnit; }

    SensitivityMetric metric() const;
    void setMetric(SensitivityMetric metric);
    bool isLogScale() const;
    void setLogScale(bool on);
    // The width the list ranks at.
    int rankBits() const;
    void setRankBits(int bits);

    // What the heatmap holds: the cell of unit `unit` (index into scan()->units, = row from the
    // top) and bit-width column `column` (index into scan()->bits), NaN where not measured. In
    // the linear scale it is the scan's figure itself; the log scale draws non-positive figures
    // at the smallest positive one.
    double cellValue(int unit, int column) const;
    // The plot coordinates of a cell's centre.
    QPointF cellCentre(int unit, int column) const;
    // The number of hatched (not measured) cells drawn.
    int missingCells() const { return int(m_missingMarks.size()); }

    QCustomPlot* plot() const { return m_plot; }
    QCPColorMap* colorMap() const { return m_map; }
    QCPColorScale* colorScale() const { return m_scale; }
    QTableView* rankingView() const { return m_table; }
    SensitivityRankingModel* rankingModel() const { return m_ranking; }

Q_SIGNALS:
    void layerClicked(const QString& layerName);
    // The user asked for a (new) scan or for automatic bits from this one (the owner shows its
    // dialogs).
    void scanRequested();
    void autoBitsRequested();

private:
    void redraw();
    void updateLabels();
    void updateSelectionMark();
    void updateUnitTicks();
    void updateCellTexts();
    // The unit and column under a pixel of the plot; false outside the cells.
    bool cellAt(const QPoint& pixel, int* unit, int* column) const;
    void showToolTip(const QPoint& pixel);
    void emitUnit(int unit);
    QString unitLabel(int unit) const;
    void exportPlot();

    std::shared_ptr<const SensitivityScanResult> m_scan;
    std::optional<PlanCheck> m_check;
    QString m_selected;
    int m_selectedUnit = -1;
    int m_tickStep = 0; // label every m_tickStep-th unit on the y axis
    QCustomPlot* m_plot;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QCPItemRect* m_selectionMark = nullptr;
    std::vector<QCPAbstractItem*> m_missingMarks;
    std::vector<QCPAbstractItem*> m_cellTexts;
    std::vector<QCPAbstractItem*> m_blockLines;
    SensitivityRankingModel* m_ranking;
    QTableView* m_table;
    QComboBox* m_metric;
    QCheckBox* m_log;
    QComboBox* m_rankBits;
    QToolButton* m_autoBits;
    QLabel* m_summary;
    QLabel* m_checkLabel;
    QLabel* m_info;
};

} // namespace qb
