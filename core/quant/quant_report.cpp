#include "core/quant/quant_report.h"

#include "core/backend/compute_backend.h"
#include "core/util/error.h"
#include "core/util/json_reader.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

std::optional<LayerStatus> layerStatusFromKey(QStringView key)
{
    for (LayerStatus status :
         {LayerStatus::Quantized, LayerStatus::Kept, LayerStatus::Skipped, LayerStatus::NotRun}) {
        if (key == layerStatusKey(status))
            return status;
    }
    return std::nullopt;
}

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

QString layerStatusDisplayName(LayerStatus status)
{
    switch (status) {
    case LayerStatus::Quantized:
        return QuantReport::tr("quantized");
    case LayerStatus::Kept:
        return QuantReport::tr("kept");
    case LayerStatus::Skipped:
        return QuantReport::tr("skipped");
    case LayerStatus::NotRun:
        return QuantReport::tr("not run");
    }
    return {};
}

ComputeUse ComputeUse::fromJson(const QJsonValue& value, const JsonReader& read,
                                const QString& where)
{
    const QJsonObject backend = read.object(value, where);
    ComputeUse use;
    use.deviceId = backend.value(QLatin1String("device_id")).toString();
    use.device = backend.value(QLatin1String("device")).toString();
    use.fallbackReason = backend.value(QLatin1String("fallback")).toString();
    if (backend.contains(QLatin1String("peak_device_bytes")))
        use.peakDeviceBytes = read.integer(backend, where, QStringLiteral("peak_device_bytes"), 0,
                                           9.0e15); // exact in a double
    return use;
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

QStringList QuantReport::runWarnings() const
{
    QStringList warnings;
    if (calibration.fitTokens <= 0)
        return warnings;
    int underdetermined = 0;
    const LayerReport* widest = nullptr;
    for (const LayerReport& layer : layers) {
        if (layer.status != LayerStatus::Quantized || layer.config.method != QuantMethod::Gptq
            || layer.inFeatures <= calibration.fitTokens)
            continue;
        ++underdetermined;
        if (!widest || layer.inFeatures > widest->inFeatures)
            widest = &layer;
    }
    if (widest) {
        const QLocale locale;
        warnings << tr("GPTQ fitted on %1 calibration tokens, fewer than the input channels of "
                       "%n layer(s) (the widest, %2, has %3): their XᵀX is singular, so the "
                       "damping rather than the data decides much of GPTQ's updates. Calibrate "
                       "on at least %3 tokens, better many times more.",
                       nullptr, underdetermined)
                        .arg(locale.toString(qlonglong(calibration.fitTokens)), widest->name,
                             locale.toString(qlonglong(widest->inFeatures)));
    }
    return warnings;
}

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
        // Derived (runWarnings), for scripts reading the file; fromJson does not read it back.
        {QStringLiteral("warnings"), QJsonArray::fromStringList(runWarnings())},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("quantized"), countWithStatus(LayerStatus::Quantized)},
                     {QStringLiteral("kept"), countWithStatus(LayerStatus::Kept)},
                     {QStringLiteral("skipped"), countWithStatus(LayerStatus::Skipped)},
                     {QStringLiteral("not_run"), countWithStatus(LayerStatus::NotRun)},
                     {QStringLiteral("seconds"), seconds}}},
    };
}

QuantReport QuantReport::fromJson(const QJsonObject& json, const LayerInventory& inventory,
                                  const QString& source)
{
    const JsonReader read(source);
    const QString top;
    QuantReport report;
    report.modelDirectory = json.value(QLatin1String("model")).toString();
    report.plan = QuantPlan::fromJson(
        read.object(read.field(json, top, QStringLiteral("recipe")), QStringLiteral("recipe")),
        source + QStringLiteral(": recipe"));
    report.complete = read.boolean(json, top, QStringLiteral("complete"));

    const QJsonObject calibration = read.object(
        read.field(json, top, QStringLiteral("calibration")), QStringLiteral("calibration"));
    const QString cal = QStringLiteral("calibration");
    constexpr double kMaxCount = 9.0e15; // exact in a double
    report.calibration.fitWindows =
        int(read.integer(calibration, cal, QStringLiteral("fit_windows"), 0, 1 << 30));
    report.calibration.heldOutWindows =
        int(read.integer(calibration, cal, QStringLiteral("held_out_windows"), 0, 1 << 30));
    report.calibration.fitTokens =
        read.integer(calibration, cal, QStringLiteral("fit_tokens"), 0, kMaxCount);
    report.calibration.heldOutTokens =
        read.integer(calibration, cal, QStringLiteral("held_out_tokens"), 0, kMaxCount);

    report.compute = ComputeUse::fromJson(read.field(json, top, QStringLiteral("backend")), read,
                                          QStringLiteral("backend"));
    const QJsonObject summary =
        read.object(read.field(json, top, QStringLiteral("summary")), QStringLiteral("summary"));
    report.seconds = read.number(summary, QStringLiteral("summary"), QStringLiteral("seconds"));

    const QJsonArray layers = read.array(json, top, QStringLiteral("layers"));
    const std::vector<LinearLayer>& expected = inventory.layers();
    if (std::size_t(layers.size()) != expected.size())
        throw Error(tr("%1: the report has %2 layers, the model %3")
                        .arg(source)
                        .arg(layers.size())
                        .arg(expected.size()));
    // SQNR is written as null when the error is zero (infinite SQNR).
    const auto sqnr = [&](const QJsonObject& item, const QString& at, const QString& key) {
        const QJsonValue value = read.field(item, at, key);
        return value.isNull() ? std::numeric_limits<double>::infinity()
                              : read.number(item, at, key);
    };
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString at = QStringLiteral("layers[%1]").arg(i);
        const QJsonObject item = read.object(layers[i], at);
        const LinearLayer& layer = expected[std::size_t(i)];
        LayerReport entry;
        entry.name = read.string(item, at, QStringLiteral("name"));
        if (entry.name != layer.name)
            throw Error(tr("%1: %2 is the layer \"%3\" where the model has \"%4\"")
                            .arg(source, at, entry.name, layer.name));
        entry.role = layer.role;
        entry.block = layer.block;
        entry.outFeatures = layer.outFeatures;
        entry.inFeatures = layer.inFeatures;
        entry.dtype = layer.dtype;
        entry.config = report.plan.resolve(layer.name);

        const QString statusKey = read.string(item, at, QStringLiteral("status"));
        const std::optional<LayerStatus> status = layerStatusFromKey(statusKey);
        if (!status)
            read.fail(JsonReader::path(at, QStringLiteral("status")),
                      tr("\"quantized\", \"kept\", \"skipped\" or \"not_run\""),
                      item.value(QLatin1String("status")));
        entry.status = *status;
        // The layer's settings are the recipe's; a report whose layer says otherwise was not
        // written with this recipe.
        const LayerQuantConfig& config = entry.config;
        bool agrees = read.string(item, at, QStringLiteral("method")) == methodKey(config.method);
        if (agrees && config.method != QuantMethod::None)
            agrees = read.integer(item, at, QStringLiteral("bits"), QuantScheme::kMinBits,
                                  QuantScheme::kMaxBits)
                         == config.scheme.bits
                     && read.integer(item, at, QStringLiteral("group_size"), -1, 1 << 30)
                            == config.scheme.groupSizeCode()
                     && read.boolean(item, at, QStringLiteral("sym")) == config.scheme.symmetric;
        if (!agrees)
            throw Error(tr("%1: %2 (%3) has other settings than the recipe gives it (%4)")
                            .arg(source, at, layer.name, config.describe()));

        if (entry.status == LayerStatus::Quantized) {
            entry.metrics.mse = read.number(item, at, QStringLiteral("weight_mse"));
            entry.metrics.relativeError = read.number(item, at, QStringLiteral("weight_rel_error"));
            entry.metrics.sqnrDb = sqnr(item, at, QStringLiteral("weight_sqnr_db"));
            entry.metrics.maxAbsError =
                read.number(item, at, QStringLiteral("weight_max_abs_error"));
        }
        if (item.contains(QLatin1String("output_rows"))) {
            entry.output.rows = read.integer(item, at, QStringLiteral("output_rows"), 1, kMaxCount);
            entry.output.mse = read.number(item, at, QStringLiteral("output_mse"));
            entry.output.relativeError = read.number(item, at, QStringLiteral("output_rel_error"));
            entry.output.sqnrDb = sqnr(item, at, QStringLiteral("output_sqnr_db"));
            entry.outputOnFitRows = !read.boolean(item, at, QStringLiteral("output_rows_held_out"));
        }
        if (item.contains(QLatin1String("damping"))) {
            entry.dampingUsed = read.number(item, at, QStringLiteral("damping"));
            entry.dampingRaises =
                int(read.integer(item, at, QStringLiteral("damping_raises"), 0, 1 << 30));
            entry.fellBackToRtn = read.boolean(item, at, QStringLiteral("fell_back_to_rtn"));
        }
        entry.note = item.value(QLatin1String("note")).toString();
        entry.details = item.value(QLatin1String("details")).toString();
        entry.seconds = read.number(item, at, QStringLiteral("seconds"));
        report.layers.push_back(std::move(entry));
    }
    return report;
}

double QuantReport::averageBitsPerWeight() const
{
    std::int64_t bits = 0;
    std::int64_t weights = 0;
    for (const LayerReport& layer : layers) {
        const std::int64_t count = layer.outFeatures * layer.inFeatures;
        weights += count;
        bits += layer.status == LayerStatus::Quantized
                    ? layer.config.weightScheme().storageBits(layer.outFeatures, layer.inFeatures)
                    : count * std::int64_t(dtypeSize(layer.dtype)) * 8;
    }
    return weights > 0 ? double(bits) / double(weights) : 0.0;
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
