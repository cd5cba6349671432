#include "views/sensitivity_ranking_model.h"

#include "views/layer_table_model.h"

#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace qb {

double sensitivityValue(const SensitivityPoint& point, SensitivityMetric metric)
{
    return metric == SensitivityMetric::Kl ? point.kl : point.deltaPerplexity;
}

QString scanQuantizationText(const LayerQuantConfig& quantization)
{
    const QuantScheme& scheme = quantization.scheme;
    return SensitivityRankingModel::tr("%1, %2, %3")
        .arg(methodDisplayName(quantization.method),
             scheme.groupSizeCode() > 0
                 ? SensitivityRankingModel::tr("groups of %1").arg(scheme.groupSizeCode())
                 : groupSizeText(scheme.groupSizeCode()),
             scheme.symmetric ? LayerTableModel::tr("symmetric")
                              : LayerTableModel::tr("asymmetric"));
}

QString signedNumber(double value, int decimals)
{
    const QString text = QLocale().toString(value, 'f', decimals);
    return value >= 0.0 ? QStringLiteral("+") + text : text;
}

QString sensitivityUnitLabel(const SensitivityScanResult& scan, int unit)
{
    const SensitivityUnitResult& result = scan.units[std::size_t(unit)];
    if (scan.unit == SensitivityUnitKind::Role)
        return result.name;
    if (scan.unit == SensitivityUnitKind::Block) {
        const SensitivityLayer* first = scan.findLayer(result.layers.value(0));
        return first && first->block >= 0
                   ? SensitivityRankingModel::tr("block %1").arg(first->block)
                   : result.name;
    }
    const SensitivityLayer* layer = scan.findLayer(result.name);
    if (!layer || layer->block < 0)
        return result.name;
    return SensitivityRankingModel::tr("%1 · %2")
        .arg(layer->block)
        .arg(result.name.section(QLatin1Char('.'), -1));
}

SensitivityRankingModel::SensitivityRankingModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SensitivityRankingModel::setScan(std::shared_ptr<const SensitivityScanResult> scan)
{
    beginResetModel();
    m_scan = std::move(scan);
    m_parameters.clear();
    if (m_scan) {
        for (const SensitivityUnitResult& unit : m_scan->units) {
            std::int64_t parameters = 0;
            for (const QString& name : unit.layers) {
                if (const SensitivityLayer* layer = m_scan->findLayer(name))
                    parameters += layer->parameters;
            }
            m_parameters.push_back(parameters);
        }
        const auto& widths = m_scan->bits;
        if (std::find(widths.begin(), widths.end(), m_bits) == widths.end())
            m_bits = widths.empty() ? 0 : widths.front();
    }
    rank();
    endResetModel();
}

void SensitivityRankingModel::setBits(int bits)
{
    if (bits == m_bits)
        return;
    beginResetModel();
    m_bits = bits;
    rank();
    endResetModel();
}

void SensitivityRankingModel::setMetric(SensitivityMetric metric)
{
    if (metric == m_metric)
        return;
    beginResetModel();
    m_metric = metric;
    rank();
    endResetModel();
}

void SensitivityRankingModel::rank()
{
    m_order.clear();
    m_rowOfUnit.clear();
    if (!m_scan)
        return;
    const int count = int(m_scan->units.size());
    m_order.resize(std::size_t(count));
    std::iota(m_order.begin(), m_order.end(), 0);
    // Unmeasured units rank below every measured one; NaN never reaches the comparison.
    const auto key = [this](int unit) {
        const SensitivityPoint* point = m_scan->units[std::size_t(unit)].find(m_bits);
        return point ? sensitivityValue(*point, m_metric)
                     : -std::numeric_limits<double>::infinity();
    };
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) { return key(a) > key(b); });
    m_rowOfUnit.assign(std::size_t(count), -1);
    for (int row = 0; row < count; ++row)
        m_rowOfUnit[std::size_t(m_order[std::size_t(row)])] = row;
}

std::int64_t SensitivityRankingModel::parametersOf(int unit) const
{
    return m_parameters[std::size_t(unit)];
}

int SensitivityRankingModel::unitAt(int row) const
{
    return row >= 0 && row < int(m_order.size()) ? m_order[std::size_t(row)] : -1;
}

int SensitivityRankingModel::rowOf(int unit) const
{
    return unit >= 0 && unit < int(m_rowOfUnit.size()) ? m_rowOfUnit[std::size_t(unit)] : -1;
}

int SensitivityRankingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int SensitivityRankingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SensitivityRankingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int unitIndex = unitAt(index.row());
    const SensitivityUnitResult& unit = m_scan->units[std::size_t(unitIndex)];
    const SensitivityPoint* point = unit.find(m_bits);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn:
            return point ? QVariant(index.row() + 1) : QVariant(QStringLiteral("–"));
        case UnitColumn:
            return sensitivityUnitLabel(*m_scan, unitIndex);
        case ParametersColumn:
            return locale.toString(qlonglong(parametersOf(unitIndex)));
        case DeltaColumn:
            return point ? locale.toString(point->deltaPerplexity, 'f', 4) : tr("not measured");
        case KlColumn:
            return point ? locale.toString(point->kl, 'g', 4) : tr("not measured");
        }
        return {};
    case Qt::ToolTipRole: {
        QString text = unit.name;
        if (unit.layers.size() > 1 || unit.layers.value(0) != unit.name)
            text += QLatin1Char('\n')
                    + tr("%n layer(s): %1", nullptr, int(unit.layers.size()))
                          .arg(unit.layers.join(QStringLiteral(", ")));
        text +=
            QLatin1Char('\n')
            + (point ? tr("At %1 bits: perplexity %2 (Δ %3), KL %4 nats/token")
                           .arg(m_bits)
                           .arg(locale.toString(point->perplexity, 'f', 6),
                                locale.toString(point->deltaPerplexity, 'g', 6),
                                locale.toString(point->kl, 'g', 6))
                     : tr("Not measured at %1 bits: the scan was cancelled first.").arg(m_bits));
        return text;
    }
    case Qt::FontRole:
        if ((index.column() == DeltaColumn && m_metric == SensitivityMetric::DeltaPerplexity)
            || (index.column() == KlColumn && m_metric == SensitivityMetric::Kl)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == UnitColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return point ? sensitivityValue(*point, m_metric)
                     : std::numeric_limits<double>::quiet_NaN();
    default:
        return {};
    }
}

QVariant SensitivityRankingModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn:
            return tr("#");
        case UnitColumn:
            return m_scan && m_scan->unit == SensitivityUnitKind::Block ? tr("Block")
                   : m_scan && m_scan->unit == SensitivityUnitKind::Role
                       ? tr("Role")
                       : tr("Layer (block · role)");
        case ParametersColumn:
            return tr("Parameters");
        case DeltaColumn:
            return tr("Δ ppl");
        case KlColumn:
            return tr("KL");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn:
            return tr("Rank by the shown figure at the chosen bit-width: 1 is the most sensitive");
        case DeltaColumn:
            return tr("Perplexity with only this unit quantized at %1 bits, minus the "
                      "full-precision model's")
                .arg(m_bits);
        case KlColumn:
            return tr("Mean KL divergence (nats/token) of the next-token distributions from the "
                      "full-precision model's, with only this unit quantized at %1 bits")
                .arg(m_bits);
        default:
            return {};
        }
    }
    return {};
}

} // namespace qb
