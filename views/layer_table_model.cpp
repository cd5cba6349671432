#include "views/layer_table_model.h"

#include "core/model/loaded_model.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QUndoCommand>
#include <QUndoStack>

#include <cmath>

namespace qb {

namespace {

// One undoable plan edit: the plan before and after. Plans are small values, so storing both is
// simpler and safer than storing the field-wise difference.
class ChangePlanCommand : public QUndoCommand {
public:
    ChangePlanCommand(LayerTableModel* model, QuantPlan before, QuantPlan after,
                      const QString& text)
        : QUndoCommand(text)
        , m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_model->setPlan(m_after); }
    void undo() override { m_model->setPlan(m_before); }

private:
    LayerTableModel* m_model;
    QuantPlan m_before;
    QuantPlan m_after;
};

QString formatCount(std::int64_t n)
{
    return QLocale().toString(static_cast<qlonglong>(n));
}

} // namespace

QString groupSizeText(int groupSizeCode)
{
    if (groupSizeCode == QuantScheme::kPerChannel)
        return LayerTableModel::tr("per channel");
    if (groupSizeCode == QuantScheme::kPerTensor)
        return LayerTableModel::tr("per tensor");
    return QString::number(groupSizeCode);
}

LayerTableModel::LayerTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LayerTableModel::resetModel(std::shared_ptr<const LoadedModel> model, const QuantPlan& plan)
{
    beginResetModel();
    m_model = std::move(model);
    m_plan = plan;
    m_results.assign(m_model ? m_model->inventory().layers().size() : 0, std::nullopt);
    endResetModel();
    Q_EMIT planChanged();
}

void LayerTableModel::setPlan(const QuantPlan& plan)
{
    m_plan = plan;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, MethodColumn), index(rowCount() - 1, StatusColumn));
    Q_EMIT planChanged();
}

bool LayerTableModel::isPlanColumn(int column)
{
    return column == MethodColumn || column == BitsColumn || column == GroupColumn
           || column == GridColumn;
}

bool LayerTableModel::setFieldForRows(const QList<int>& rows, int column, const QVariant& value)
{
    if (!isPlanColumn(column) || !m_model)
        return false;
    // The value is checked once, before any row: an invalid value is refused even when every
    // row would skip it.
    std::optional<QuantMethod> method;
    int number = 0;
    switch (column) {
    case MethodColumn:
        method = methodFromKey(value.toString());
        if (!method)
            return false;
        break;
    case BitsColumn: {
        bool ok = false;
        number = value.toInt(&ok);
        if (!ok || number < QuantScheme::kMinBits || number > QuantScheme::kMaxBits)
            return false;
        break;
    }
    case GroupColumn: {
        bool ok = false;
        number = value.toInt(&ok);
        if (!ok || number < QuantScheme::kPerChannel)
            return false;
        break;
    }
    case GridColumn:
        // true (symmetric) or false; a string such as "abc" is not a grid.
        if (value.typeId() != QMetaType::Bool)
            return false;
        break;
    default:
        break;
    }

    QuantPlan after = m_plan;
    int applicable = 0;
    int changed = 0;
    for (int row : rows) {
        const LinearLayer* layer = layerAt(row);
        if (!layer)
            return false;
        LayerQuantConfig config = after.resolve(layer->name);
        const LayerQuantConfig original = config;
        // Bits, group and grid mean nothing for a layer kept in full precision: a multi-row edit
        // leaves such layers alone.
        if (column != MethodColumn && config.method == QuantMethod::None)
            continue;
        ++applicable;
        switch (column) {
        case MethodColumn:
            config.method = *method;
            break;
        case BitsColumn:
            config.scheme.bits = number;
            break;
        case GroupColumn:
            config.scheme =
                QuantScheme::fromGroupSizeCode(config.scheme.bits, config.scheme.symmetric, number);
            break;
        case GridColumn:
            config.scheme.symmetric = value.toBool();
            break;
        default:
            return false;
        }
        if (!(config == original)) {
            after.setLayerConfig(layer->name, config);
            ++changed;
        }
    }
    // Only kept layers: the field is not editable on any of them (see flags()), so the edit is
    // refused as setData on a read-only cell would be.
    if (!rows.isEmpty() && applicable == 0)
        return false;
    if (changed == 0)
        return true;

    const QString field = headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    const QString text = rows.size() == 1
                             ? tr("Set %1 of %2").arg(field, layerAt(rows.front())->name)
                             : tr("Set %1 of %n layer(s)", nullptr, changed).arg(field);
    applyPlanEdit(after, text);
    return true;
}

void LayerTableModel::setDefaults(const LayerQuantConfig& defaults)
{
    if (m_plan.defaults == defaults && m_plan.defaults.scheme == defaults.scheme)
        return;
    QuantPlan after = m_plan;
    after.defaults = defaults;
    applyPlanEdit(after, tr("Change the default settings"));
}

void LayerTableModel::applyPlanEdit(const QuantPlan& after, const QString& text)
{
    if (m_undoStack)
        m_undoStack->push(new ChangePlanCommand(this, m_plan, after, text)); // redo() applies it
    else
        setPlan(after);
}

void LayerTableModel::mergeReport(const QuantReport& report)
{
    for (const LayerReport& layer : report.layers) {
        const int row = rowOf(layer.name);
        if (row >= 0)
            m_results[static_cast<std::size_t>(row)] = layer;
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, MseColumn), index(rowCount() - 1, StatusColumn));
}

void LayerTableModel::clearResults()
{
    std::fill(m_results.begin(), m_results.end(), std::nullopt);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, MseColumn), index(rowCount() - 1, StatusColumn));
}

const LayerReport* LayerTableModel::resultAt(int row) const
{
    if (row < 0 || row >= rowCount() || !m_results[static_cast<std::size_t>(row)])
        return nullptr;
    return &*m_results[static_cast<std::size_t>(row)];
}

bool LayerTableModel::isResultStale(int row) const
{
    const LayerReport* result = resultAt(row);
    if (!result)
        return false;
    const LayerQuantConfig current = m_plan.resolve(result->name);
    return !(current == result->config);
}

const LinearLayer* LayerTableModel::layerAt(int row) const
{
    if (!m_model || row < 0 || row >= rowCount())
        return nullptr;
    return &m_model->inventory().layers()[static_cast<std::size_t>(row)];
}

int LayerTableModel::rowOf(const QString& layerName) const
{
    return m_model ? m_model->inventory().indexOf(layerName) : -1;
}

int LayerTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_model)
        return 0;
    return static_cast<int>(m_model->inventory().layers().size());
}

int LayerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Layer");
        case RoleColumn:
            return tr("Role");
        case ShapeColumn:
            return tr("Shape");
        case ParametersColumn:
            return tr("Params");
        case DTypeColumn:
            return tr("DType");
        case MethodColumn:
            return tr("Method");
        case BitsColumn:
            return tr("Bits");
        case GroupColumn:
            return tr("Group");
        case GridColumn:
            return tr("Grid");
        case MseColumn:
            return tr("Weight MSE");
        case RelativeErrorColumn:
            return tr("Rel. error");
        case SqnrColumn:
            return tr("SQNR (dB)");
        case StatusColumn:
            return tr("Status");
        default:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case ShapeColumn:
            return tr("[output features, input features] of the weight matrix");
        case GroupColumn:
            return tr("Input columns sharing one scale and zero point; per channel = one per "
                      "output row");
        case GridColumn:
            return tr("Symmetric grids fix the zero point at the middle code; asymmetric grids "
                      "fit it to each group's minimum and maximum");
        case MseColumn:
            return tr("Mean squared difference between the original and the quantized weights");
        case RelativeErrorColumn:
            return tr("‖W − Ŵ‖ / ‖W‖ (Frobenius norms)");
        case SqnrColumn:
            return tr("Signal-to-quantization-noise ratio of the weights, in decibels");
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole) {
        return section >= ParametersColumn && section != DTypeColumn && section != MethodColumn
                       && section != GridColumn && section != StatusColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == MethodColumn
        || (isPlanColumn(index.column())
            && m_plan.resolve(layerAt(index.row())->name).method != QuantMethod::None))
        f |= Qt::ItemIsEditable;
    return f;
}

bool LayerTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    return setFieldForRows({index.row()}, index.column(), value);
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::EditRole:
        return editData(row, column);
    case SortRole:
        return sortData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        return headerData(column, Qt::Horizontal, role);
    case Qt::FontRole:
        if (column >= MseColumn && isResultStale(row)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole: {
        const bool inactivePlanCell =
            (column == BitsColumn || column == GroupColumn || column == GridColumn)
            && m_plan.resolve(layerAt(row)->name).method == QuantMethod::None;
        if (inactivePlanCell || (column >= MseColumn && isResultStale(row)))
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        const LayerReport* result = resultAt(row);
        if (column == StatusColumn && result && result->status == LayerStatus::Skipped)
            return QBrush(QColor(0xB0, 0x5A, 0x00));
        return {};
    }
    default:
        return {};
    }
}

QVariant LayerTableModel::displayData(int row, int column) const
{
    const LinearLayer& layer = *layerAt(row);
    const LayerQuantConfig config = m_plan.resolve(layer.name);
    const bool quantized = config.method != QuantMethod::None;
    const LayerReport* result = resultAt(row);
    const bool hasMetrics = result && result->status == LayerStatus::Quantized;
    switch (column) {
    case NameColumn:
        return layer.name;
    case RoleColumn:
        return roleName(layer.role);
    case ShapeColumn:
        return QStringLiteral("%1 × %2").arg(layer.outFeatures).arg(layer.inFeatures);
    case ParametersColumn:
        return formatCount(layer.parameterCount());
    case DTypeColumn:
        return dtypeName(layer.dtype);
    case MethodColumn:
        return methodDisplayName(config.method);
    case BitsColumn:
        return quantized ? QVariant(config.scheme.bits) : QVariant(QStringLiteral("—"));
    case GroupColumn:
        return quantized ? groupSizeText(config.scheme.groupSizeCode()) : QStringLiteral("—");
    case GridColumn:
        return quantized ? (config.scheme.symmetric ? tr("sym") : tr("asym")) : QStringLiteral("—");
    case MseColumn:
        return hasMetrics ? QLocale().toString(result->metrics.mse, 'e', 2) : QString();
    case RelativeErrorColumn:
        return hasMetrics ? QStringLiteral("%1 %").arg(
                   QLocale().toString(result->metrics.relativeError * 100.0, 'f', 2))
                          : QString();
    case SqnrColumn:
        if (!hasMetrics)
            return QString();
        return std::isfinite(result->metrics.sqnrDb)
                   ? QLocale().toString(result->metrics.sqnrDb, 'f', 1)
                   : QStringLiteral("∞");
    case StatusColumn:
        if (!result)
            return QString();
        if (isResultStale(row))
            return tr("stale");
        switch (result->status) {
        case LayerStatus::Quantized:
            return tr("quantized");
        case LayerStatus::Kept:
            return tr("kept");
        case LayerStatus::Skipped:
            return tr("skipped");
        case LayerStatus::NotRun:
            return tr("not run");
        }
        return QString();
    default:
        return {};
    }
}

QVariant LayerTableModel::editData(int row, int column) const
{
    const LayerQuantConfig config = m_plan.resolve(layerAt(row)->name);
    switch (column) {
    case MethodColumn:
        return methodKey(config.method);
    case BitsColumn:
        return config.scheme.bits;
    case GroupColumn:
        return config.scheme.groupSizeCode();
    case GridColumn:
        return config.scheme.symmetric;
    default:
        return displayData(row, column);
    }
}

QVariant LayerTableModel::sortData(int row, int column) const
{
    const LinearLayer& layer = *layerAt(row);
    const LayerReport* result = resultAt(row);
    const bool hasMetrics = result && result->status == LayerStatus::Quantized;
    switch (column) {
    case NameColumn:
        return row; // model order, not alphabetical: layers.10 after layers.9
    case ParametersColumn:
        return static_cast<qlonglong>(layer.parameterCount());
    case ShapeColumn:
        return static_cast<qlonglong>(layer.parameterCount());
    case MseColumn:
        return hasMetrics ? QVariant(result->metrics.mse) : QVariant(-1.0);
    case RelativeErrorColumn:
        return hasMetrics ? QVariant(result->metrics.relativeError) : QVariant(-1.0);
    case SqnrColumn:
        return hasMetrics ? QVariant(result->metrics.sqnrDb) : QVariant(-1.0);
    case BitsColumn:
    case GroupColumn:
    case GridColumn:
        return editData(row, column);
    default:
        return displayData(row, column);
    }
}

QVariant LayerTableModel::toolTipData(int row, int column) const
{
    const LinearLayer& layer = *layerAt(row);
    const LayerReport* result = resultAt(row);
    switch (column) {
    case NameColumn: {
        QString tip = layer.name;
        const QStringList shared = m_model->inventory().sharesInputWith(layer);
        if (!shared.isEmpty())
            tip += QLatin1Char('\n')
                   + tr("Shares its input with: %1").arg(shared.join(QStringLiteral(", ")));
        return tip;
    }
    case MethodColumn:
    case BitsColumn:
    case GroupColumn:
    case GridColumn: {
        const LayerQuantConfig config = m_plan.resolve(layer.name);
        return config.method == QuantMethod::None ? tr("Kept in full precision")
                                                  : config.scheme.describe();
    }
    case MseColumn:
    case RelativeErrorColumn:
    case SqnrColumn:
    case StatusColumn: {
        if (!result)
            return tr("Not quantized yet");
        if (result->status == LayerStatus::Skipped)
            return result->note;
        if (result->status == LayerStatus::Kept)
            return tr("Kept in full precision");
        const QLocale locale;
        return tr("%1\nMSE %2\nrelative error %3\nSQNR %4 dB\nmax |error| %5%6")
            .arg(result->config.scheme.describe())
            .arg(locale.toString(result->metrics.mse, 'g', 9),
                 locale.toString(result->metrics.relativeError, 'g', 9),
                 locale.toString(result->metrics.sqnrDb, 'g', 6),
                 locale.toString(result->metrics.maxAbsError, 'g', 6))
            .arg(isResultStale(row)
                     ? QLatin1Char('\n') + tr("The settings changed since this result")
                     : QString());
    }
    default:
        return {};
    }
}

} // namespace qb
