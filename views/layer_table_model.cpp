#include "views/layer_table_model.h"

#include "core/model/loaded_model.h"
#include "views/method_options.h"

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

QString scientific(double value)
{
    return QLocale().toString(value, 'e', 2);
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 2));
}

QString decibels(double db)
{
    return std::isfinite(db) ? QLocale().toString(db, 'f', 1) : QStringLiteral("∞");
}

// Exact equality of two configurations, fields their method does not use included.
bool identical(const LayerQuantConfig& a, const LayerQuantConfig& b)
{
    return a.toJson() == b.toJson();
}

// The warning colour of layers that were not quantized as planned.
QColor warningColor()
{
    return QColor(0xB0, 0x5A, 0x00);
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
        Q_EMIT dataChanged(index(0, MethodColumn), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

bool LayerTableModel::isPlanColumn(int column)
{
    return column == MethodColumn || column == BitsColumn || column == GroupColumn
           || column == GridColumn || column == OptionsColumn;
}

bool LayerTableModel::columnApplies(int column, QuantMethod method)
{
    switch (column) {
    case MethodColumn:
        return true;
    case BitsColumn:
    case GroupColumn:
    case GridColumn:
        return methodUsesScheme(method);
    case OptionsColumn:
        return MethodOptions::hasOptions(method);
    default:
        return false;
    }
}

bool LayerTableModel::setFieldForRows(const QList<int>& rows, int column, const QVariant& value)
{
    if (!isPlanColumn(column) || !m_model)
        return false;
    if (column == OptionsColumn)
        return value.typeId() == QMetaType::QVariantMap && setOptionsForRows(rows, value.toMap());
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
        // Bits, group and grid mean nothing for a layer kept in full precision or quantized to
        // the fixed int8 grid of SmoothQuant and W8A8: a multi-row edit leaves such layers alone.
        if (!columnApplies(column, config.method))
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
    return finishRowsEdit(rows, column, applicable, changed, after);
}

bool LayerTableModel::finishRowsEdit(const QList<int>& rows, int column, int applicable,
                                     int changed, const QuantPlan& after)
{
    // Only rows the field does not apply to: it is not editable on any of them (see flags()),
    // so the edit is refused as setData on a read-only cell would be.
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

bool LayerTableModel::setOptionsForRows(const QList<int>& rows, const QVariantMap& options)
{
    for (auto it = options.begin(); it != options.end(); ++it) {
        if (!MethodOptions::isValid(it.key(), it.value()))
            return false;
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
        bool applies = false;
        for (const QString& key : MethodOptions::keysFor(config.method)) {
            if (!options.contains(key))
                continue;
            applies = true;
            MethodOptions::set(config, key, options.value(key));
        }
        if (!applies)
            continue;
        ++applicable;
        if (!(config == original)) {
            after.setLayerConfig(layer->name, config);
            ++changed;
        }
    }
    return finishRowsEdit(rows, OptionsColumn, applicable, changed, after);
}

void LayerTableModel::setDefaults(const LayerQuantConfig& defaults)
{
    if (identical(m_plan.defaults, defaults))
        return;
    QuantPlan after = m_plan;
    after.defaults = defaults;
    applyPlanEdit(after, tr("Change the default settings"));
}

bool LayerTableModel::setCalibration(const CalibrationOptions& calibration)
{
    if (!calibration.validationError().isEmpty())
        return false;
    if (calibration.toJson() == m_plan.calibration.toJson())
        return true;
    QuantPlan after = m_plan;
    after.calibration = calibration;
    applyPlanEdit(after, tr("Change the calibration settings"));
    return true;
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
    const QJsonObject calibration = report.plan.calibration.toJson();
    for (const LayerReport& layer : report.layers) {
        const int row = rowOf(layer.name);
        if (row >= 0)
            m_results[static_cast<std::size_t>(row)] = Result{layer, calibration};
    }
    emitResultsChanged();
}

void LayerTableModel::clearResults()
{
    std::fill(m_results.begin(), m_results.end(), std::nullopt);
    emitResultsChanged();
}

void LayerTableModel::emitResultsChanged()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, FirstResultColumn), index(rowCount() - 1, ColumnCount - 1));
}

const LayerReport* LayerTableModel::resultAt(int row) const
{
    if (row < 0 || row >= rowCount() || !m_results[static_cast<std::size_t>(row)])
        return nullptr;
    return &m_results[static_cast<std::size_t>(row)]->report;
}

bool LayerTableModel::isResultStale(int row) const
{
    const LayerReport* result = resultAt(row);
    if (!result)
        return false;
    const LayerQuantConfig current = m_plan.resolve(result->name);
    if (!(current == result->config))
        return true;
    // A layer fitted on calibration data depends on how that data was taken, too.
    return current.needsCalibration()
           && m_results[static_cast<std::size_t>(row)]->calibration != m_plan.calibration.toJson();
}

bool LayerTableModel::hasWarning(int row) const
{
    const LayerReport* result = resultAt(row);
    return result && (result->status == LayerStatus::Skipped || !result->note.isEmpty());
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
        case OptionsColumn:
            return tr("Options");
        case StatusColumn:
            return tr("Status");
        case OutputMseColumn:
            return tr("Output MSE");
        case OutputErrorColumn:
            return tr("Output error");
        case MseColumn:
            return tr("Weight MSE");
        case RelativeErrorColumn:
            return tr("Weight error");
        case SqnrColumn:
            return tr("SQNR (dB)");
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
        case OptionsColumn:
            return tr("Settings of the layer's method: GPTQ's act-order, static groups and "
                      "damping, RTN's clip search, smoothing and its α (double-click to edit)");
        case StatusColumn:
            return tr("quantized; kept (full precision, as planned); skipped (could not be "
                      "quantized); not run (a cancelled run stopped before it); stale (the "
                      "settings changed since)");
        case OutputMseColumn:
            return tr("Mean squared difference between the layer's outputs with the original and "
                      "with the quantized weights, on held-out calibration tokens: the error the "
                      "rest of the model sees");
        case OutputErrorColumn:
            return tr("‖Y − Ŷ‖ / ‖Y‖ of the layer's outputs on held-out calibration tokens");
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
        switch (section) {
        case ParametersColumn:
        case BitsColumn:
        case GroupColumn:
        case OutputMseColumn:
        case OutputErrorColumn:
        case MseColumn:
        case RelativeErrorColumn:
        case SqnrColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (isPlanColumn(index.column())
        && columnApplies(index.column(), m_plan.resolve(layerAt(index.row())->name).method))
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
        if (isResultColumn(column) && isResultStale(row)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return foreground(row, column);
    default:
        return {};
    }
}

QVariant LayerTableModel::foreground(int row, int column) const
{
    const QBrush inactive = QPalette().brush(QPalette::Disabled, QPalette::Text);
    // Only plan cells depend on the method: resolving the plan is per cell, so only for them.
    if (isPlanColumn(column) && !columnApplies(column, m_plan.resolve(layerAt(row)->name).method))
        return inactive;
    if (!isResultColumn(column))
        return {};
    if (isResultStale(row))
        return inactive;
    const LayerReport* result = resultAt(row);
    if (!result)
        return {};
    if (column == StatusColumn) {
        if (hasWarning(row))
            return QBrush(warningColor());
        if (result->status == LayerStatus::NotRun)
            return inactive;
    }
    // "—": quantized, but the output was not measured (no calibration text).
    if ((column == OutputMseColumn || column == OutputErrorColumn)
        && result->status == LayerStatus::Quantized && result->output.rows == 0)
        return inactive;
    return {};
}

QVariant LayerTableModel::displayData(int row, int column) const
{
    const LinearLayer& layer = *layerAt(row);
    const LayerQuantConfig config = m_plan.resolve(layer.name);
    const bool kept = config.method == QuantMethod::None;
    // SmoothQuant and W8A8 store int8 per-channel symmetric weights, whatever the scheme says.
    const bool fixedGrid = !kept && !methodUsesScheme(config.method);
    const QString dash = QStringLiteral("—");
    const LayerReport* result = resultAt(row);
    const bool hasMetrics = result && result->status == LayerStatus::Quantized;
    const bool hasOutput = hasMetrics && result->output.rows > 0;
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
        if (kept)
            return dash;
        return fixedGrid ? QVariant(8) : QVariant(config.scheme.bits);
    case GroupColumn:
        if (kept)
            return dash;
        return groupSizeText(fixedGrid ? QuantScheme::kPerChannel : config.scheme.groupSizeCode());
    case GridColumn:
        if (kept)
            return dash;
        return fixedGrid || config.scheme.symmetric ? tr("sym") : tr("asym");
    case OptionsColumn:
        return MethodOptions::summary(config, layer.foldTarget.foldsTiedScale());
    case StatusColumn:
        if (!result)
            return QString();
        if (isResultStale(row))
            return tr("stale");
        return layerStatusDisplayName(result->status);
    case OutputMseColumn:
        if (!hasMetrics)
            return QString();
        return hasOutput ? scientific(result->output.mse) : dash;
    case OutputErrorColumn:
        if (!hasMetrics)
            return QString();
        return hasOutput ? percent(result->output.relativeError) : dash;
    case MseColumn:
        return hasMetrics ? scientific(result->metrics.mse) : QString();
    case RelativeErrorColumn:
        return hasMetrics ? percent(result->metrics.relativeError) : QString();
    case SqnrColumn:
        return hasMetrics ? decibels(result->metrics.sqnrDb) : QString();
    default:
        return {};
    }
}

QVariant LayerTableModel::editData(int row, int column) const
{
    const LayerQuantConfig config = m_plan.resolve(layerAt(row)->name);
    const bool fixedGrid = config.method != QuantMethod::None && !methodUsesScheme(config.method);
    switch (column) {
    case MethodColumn:
        return methodKey(config.method);
    case BitsColumn:
        return fixedGrid ? 8 : config.scheme.bits;
    case GroupColumn:
        return fixedGrid ? QuantScheme::kPerChannel : config.scheme.groupSizeCode();
    case GridColumn:
        return fixedGrid || config.scheme.symmetric;
    case OptionsColumn:
        return MethodOptions::of(config);
    default:
        return displayData(row, column);
    }
}

QVariant LayerTableModel::sortData(int row, int column) const
{
    const LinearLayer& layer = *layerAt(row);
    const LayerReport* result = resultAt(row);
    const bool hasMetrics = result && result->status == LayerStatus::Quantized;
    const bool hasOutput = hasMetrics && result->output.rows > 0;
    switch (column) {
    case NameColumn:
        return row; // model order, not alphabetical: layers.10 after layers.9
    case ParametersColumn:
        return static_cast<qlonglong>(layer.parameterCount());
    case ShapeColumn:
        return static_cast<qlonglong>(layer.parameterCount());
    case OutputMseColumn:
        return hasOutput ? QVariant(result->output.mse) : QVariant(-1.0);
    case OutputErrorColumn:
        return hasOutput ? QVariant(result->output.relativeError) : QVariant(-1.0);
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
        if (config.method == QuantMethod::None)
            return tr("Kept in full precision");
        if (!methodUsesScheme(config.method))
            return config.describe() + QLatin1Char('\n')
                   + tr("Weights: 8-bit symmetric per channel; inputs rounded to 8 bits per token");
        return config.describe();
    }
    case OptionsColumn: {
        const LayerQuantConfig config = m_plan.resolve(layer.name);
        if (!MethodOptions::hasOptions(config.method))
            return tr("%1 has no options of its own").arg(methodDisplayName(config.method));
        return MethodOptions::describe(config, layer.foldTarget.foldsTiedScale())
               + QLatin1Char('\n') + tr("Double-click to edit");
    }
    default:
        break;
    }
    if (isResultColumn(column))
        return resultToolTip(row);
    return {};
}

QString LayerTableModel::resultToolTip(int row) const
{
    const LayerReport* result = resultAt(row);
    if (!result)
        return tr("Not quantized yet");
    const QLocale locale;
    QStringList lines;
    switch (result->status) {
    case LayerStatus::Skipped:
        return result->note;
    case LayerStatus::NotRun:
        lines << tr("Not reached: the run was cancelled before this layer, which stays in full "
                    "precision");
        break;
    case LayerStatus::Kept:
        lines << tr("Kept in full precision");
        if (!result->note.isEmpty())
            lines << result->note;
        break;
    case LayerStatus::Quantized: {
        lines << result->config.describe();
        const OutputErrorMetrics& out = result->output;
        const QString outputFigures = tr("MSE %1, relative error %2, SQNR %3 dB")
                                          .arg(locale.toString(out.mse, 'g', 6),
                                               percent(out.relativeError), decibels(out.sqnrDb));
        const int tokens = static_cast<int>(std::min<std::int64_t>(out.rows, 1 << 30));
        if (out.rows == 0)
            lines << tr("Output error not measured: the run had no calibration text");
        else if (result->outputOnFitRows)
            lines << tr("Output error on the %n token(s) it was fitted on (none were held out): "
                        "%1",
                        nullptr, tokens)
                         .arg(outputFigures);
        else
            lines << tr("Output error on %n held-out token(s): %1", nullptr, tokens)
                         .arg(outputFigures);
        const WeightErrorMetrics& w = result->metrics;
        lines << tr("Weight error: MSE %1, relative error %2, SQNR %3 dB, max |error| %4")
                     .arg(locale.toString(w.mse, 'g', 6), percent(w.relativeError),
                          decibels(w.sqnrDb), locale.toString(w.maxAbsError, 'g', 6));
        if (result->config.method == QuantMethod::Gptq) {
            if (result->fellBackToRtn)
                lines << tr("GPTQ fell back to round-to-nearest");
            else if (result->dampingRaises > 0)
                lines << tr("GPTQ damping %1 × mean diag(H), raised %n time(s)", nullptr,
                            result->dampingRaises)
                             .arg(locale.toString(result->dampingUsed, 'g', 4));
            else
                lines << tr("GPTQ damping %1 × mean diag(H)")
                             .arg(locale.toString(result->dampingUsed, 'g', 4));
        }
        if (!result->details.isEmpty())
            lines << result->details;
        if (!result->note.isEmpty())
            lines << tr("Note: %1").arg(result->note);
        if (result->seconds >= 1.0)
            lines << tr("Quantized in %1 s").arg(locale.toString(result->seconds, 'f', 1));
        else if (result->seconds > 0.0)
            lines << tr("Quantized in %1 ms").arg(locale.toString(result->seconds * 1e3, 'f', 1));
        break;
    }
    }
    if (isResultStale(row)) {
        const bool settingsChanged = !(m_plan.resolve(result->name) == result->config);
        lines << (settingsChanged ? tr("The settings changed since this result")
                                  : tr("The calibration settings changed since this result"));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace qb
