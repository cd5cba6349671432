#include "core/quant/quant_report.h"

#include "core/backend/compute_backend.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace qb {

QString layerStatusKey(LayerStatus status)
{
    switch (status) {
    case LayerStatus::Quantized:
        return QStringLiteral("quantized");
    case LayerStatus::Kept:
        return QStringLiteral("kept");
    case LayerStatus::Skipped:
        return QStringLiteral("skipped");
    case LayerStatus::NotRun:
        return QStringLiteral("not_run");
    }
    return {};
}

ComputeUse ComputeUse::of(const ComputeBackend& backend)
{
    return ComputeUse{backend.device().id, backend.device().describe(), backend.fallbackReason(),
                      backend.peakDeviceBytes()};
}

QJsonObject ComputeUse::toJson() const
{
    return QJsonObject{{QStringLiteral("device_id"), deviceId},
                       {QStringLiteral("device"), device},
                       {QStringLiteral("fallback"), fallbackReason}};
}

const LayerReport* QuantReport::find(const QString& layerName) const
{
    for (const LayerReport& layer : layers) {
        if (layer.name == layerName)
            return &layer;
    }
    return nullptr;
}

int QuantReport::countWithStatus(LayerStatus status) const
{
    return static_cast<int>(std::count_if(
        layers.begin(), layers.end(), [&](const LayerReport& l) { return l.status == status; }));
}

namespace {

// JSON has no infinity: an exact (error-free) layer's SQNR is written as null.
QJsonValue finiteOrNull(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject QuantReport::toJson() const
{
    QJsonArray layerArray;
    for (const LayerReport& layer : layers) {
        QJsonObject item{
            {QStringLiteral("name"), layer.name},
            {QStringLiteral("role"), roleName(layer.role)},
            {QStringLiteral("block"), layer.block},
            {QStringLiteral("shape"),
             QJsonArray{qint64(layer.outFeatures), qint64(layer.inFeatures)}},
            {QStringLiteral("dtype"), dtypeName(layer.dtype)},
            {QStringLiteral("status"), layerStatusKey(layer.status)},
            {QStringLiteral("method"), methodKey(layer.config.method)},
        };
        if (layer.config.method != QuantMethod::None) {
            item.insert(QStringLiteral("bits"), layer.config.scheme.bits);
            item.insert(QStringLiteral("group_size"), layer.config.scheme.groupSizeCode());
            item.insert(QStringLiteral("sym"), layer.config.scheme.symmetric);
        }
        if (layer.status == LayerStatus::Quantized) {
            item.insert(QStringLiteral("weight_mse"), layer.metrics.mse);
            item.insert(QStringLiteral("weight_rel_error"), layer.metrics.relativeError);
            item.insert(QStringLiteral("weight_sqnr_db"), finiteOrNull(layer.metrics.sqnrDb));
            item.insert(QStringLiteral("weight_max_abs_error"), layer.metrics.maxAbsError);
        }
        if (layer.output.rows > 0) {
            item.insert(QStringLiteral("output_mse"), layer.output.mse);
            item.insert(QStringLiteral("output_rel_error"), layer.output.relativeError);
            item.insert(QStringLiteral("output_sqnr_db"), finiteOrNull(layer.output.sqnrDb));
            item.insert(QStringLiteral("output_rows"), qint64(layer.output.rows));
            item.insert(QStringLiteral("output_rows_held_out"), !layer.outputOnFitRows);
        }
        if (layer.config.method == QuantMethod::Gptq && layer.status == LayerStatus::Quantized) {
            item.insert(QStringLiteral("damping"), layer.dampingUsed);
            item.insert(QStringLiteral("damping_raises"), layer.dampingRaises);
            item.insert(QStringLiteral("fell_back_to_rtn"), layer.fellBackToRtn);
        }
        if (!layer.note.isEmpty())
            item.insert(QStringLiteral("note"), layer.note);
        if (!layer.details.isEmpty())
            item.insert(QStringLiteral("details"), layer.details);
        item.insert(QStringLiteral("seconds"), layer.seconds);
        layerArray.append(item);
    }
    QJsonObject backend = compute.toJson();
    backend.insert(QStringLiteral("peak_device_bytes"), qint64(compute.peakDeviceBytes));
    return QJsonObject{
        {QStringLiteral("model"), modelDirectory},
        {QStringLiteral("recipe"), plan.toJson()},
        {QStringLiteral("layers"), layerArray},
        {QStringLiteral("calibration"),
         QJsonObject{{QStringLiteral("fit_windows"), calibration.fitWindows},
                     {QStringLiteral("held_out_windows"), calibration.heldOutWindows},
                     {QStringLiteral("fit_tokens"), qint64(calibration.fitTokens)},
                     {QStringLiteral("held_out_tokens"), qint64(calibration.heldOutTokens)}}},
        {QStringLiteral("backend"), backend},
        {QStringLiteral("complete"), complete},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("quantized"), countWithStatus(LayerStatus::Quantized)},
                     {QStringLiteral("kept"), countWithStatus(LayerStatus::Kept)},
                     {QStringLiteral("skipped"), countWithStatus(LayerStatus::Skipped)},
                     {QStringLiteral("not_run"), countWithStatus(LayerStatus::NotRun)},
                     {QStringLiteral("seconds"), seconds}}},
    };
}

QStringList QuantReport::csvColumns()
{
    return {QStringLiteral("name"),           QStringLiteral("role"),
            QStringLiteral("block"),          QStringLiteral("shape"),
            QStringLiteral("dtype"),          QStringLiteral("status"),
            QStringLiteral("method"),         QStringLiteral("bits"),
            QStringLiteral("group_size"),     QStringLiteral("sym"),
            QStringLiteral("output_mse"),     QStringLiteral("output_rel_error"),
            QStringLiteral("output_sqnr_db"), QStringLiteral("output_rows"),
            QStringLiteral("weight_mse"),     QStringLiteral("weight_rel_error"),
            QStringLiteral("damping"),        QStringLiteral("fell_back_to_rtn"),
            QStringLiteral("seconds"),        QStringLiteral("note")};
}

QByteArray QuantReport::toCsv() const
{
    const QStringList columns = csvColumns();
    const auto field = [](const QJsonValue& value) -> QString {
        switch (value.type()) {
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(value.toDouble(), 'g', 17);
        case QJsonValue::String:
            return value.toString();
        case QJsonValue::Array: { // the shape
            const QJsonArray items = value.toArray();
            QStringList parts;
            for (const QJsonValue& item : items)
                parts << QString::number(item.toDouble(), 'g', 17);
            return parts.join(QLatin1Char('x'));
        }
        default: // null (a non-finite SQNR), undefined (not applicable)
            return {};
        }
    };
    const auto quoted = [](QString text) {
        if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
            && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
            return text;
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    };
    QString csv = columns.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    const QJsonArray layerArray = toJson().value(QStringLiteral("layers")).toArray();
    for (const QJsonValue& layer : layerArray) {
        const QJsonObject object = layer.toObject();
        QStringList row;
        for (const QString& column : columns)
            row << quoted(field(object.value(column)));
        csv += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

} // namespace qb
