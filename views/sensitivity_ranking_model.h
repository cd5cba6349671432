#pragma once

#include "core/analysis/sensitivity_scan.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace qb {

// The figure of a sensitivity measurement a view shows.
enum class SensitivityMetric {
    DeltaPerplexity, // perplexity − the full-precision model's
    Kl,              // mean KL(P_fp ‖ P_quantized), nats/token
};

// The figure `metric` of `point`.
double sensitivityValue(const SensitivityPoint& point, SensitivityMetric metric);
// A short name of scan.units[unit] for axes and lists: "3 · q_proj" (block · role) for a layer,
// "block 3" for a block, the role for a role.
QString sensitivityUnitLabel(const SensitivityScanResult& scan, int unit);

// How a scan quantized its units, for people: "RTN, groups of 32, asymmetric".
QString scanQuantizationText(const LayerQuantConfig& quantization);
// `value` with its sign always written ("+0.0123", "-0.5"), in the user's locale.
QString signedNumber(double value, int decimals);

// The units of a sensitivity scan ranked by how much quantizing them alone at one bit-width hurts:
// the most sensitive first (by the chosen figure, ties in model order), units without a
// measurement at that width (a cancelled scan) last. Columns: rank, unit (its short label; the
// full name in the tooltip), Δ perplexity and KL at that width (the ranked one in bold),
// parameters. Draws an immutable scan; sorts nothing but its row order.
class SensitivityRankingModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { RankColumn, UnitColumn, DeltaColumn, KlColumn, ParametersColumn, ColumnCount };
    // The unit's figure at the ranked width as a double (NaN when not measured).
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit SensitivityRankingModel(QObject* parent = nullptr);

    void setScan(std::shared_ptr<const SensitivityScanResult> scan);
    // The width the units are ranked at (one of the scan's; otherwise the narrowest).
    void setBits(int bits);
    int bits() const { return m_bits; }
    void setMetric(SensitivityMetric metric);
    SensitivityMetric metric() const { return m_metric; }

    // Index into scan()->units of the unit shown in `row`, or -1.
    int unitAt(int row) const;
    // The row showing scan()->units[unit], or -1.
    int rowOf(int unit) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void rank();
    std::int64_t parametersOf(int unit) const;

    std::shared_ptr<const SensitivityScanResult> m_scan;
    int m_bits = 0;
    SensitivityMetric m_metric = SensitivityMetric::DeltaPerplexity;
    std::vector<int> m_order;               // units, by row
    std::vector<int> m_rowOfUnit;           // rows, by unit
    std::vector<std::int64_t> m_parameters; // by unit
};

} // namespace qb
