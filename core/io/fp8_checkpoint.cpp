#include "core/io/fp8_checkpoint.h"

#include "core/io/packed_checkpoint_reading.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QJsonArray>

namespace qb {

std::shared_ptr<const Fp8Checkpoint> Fp8Checkpoint::open(const QString& directory)
{
    std::shared_ptr<Fp8Checkpoint> result(new Fp8Checkpoint);
    result->m_directory = directory;
    const PackedCheckpointReading::ConfigSource source =
        PackedCheckpointReading::findConfig(directory, QString(), QStringLiteral("FP8"));
    const QJsonObject& config = source.config;
    const QString& where = source.where;
    if (const QJsonValue method = config.value(QStringLiteral("quant_method"));
        method.toString().toLower() != QLatin1String("fp8"))
        throw Error(
            tr("%1: quant_method must be \"fp8\", not %2").arg(where, JsonText::describe(method)));

    const QJsonValue blockSize = config.value(QStringLiteral("weight_block_size"));
    if (!blockSize.isUndefined() && !blockSize.isNull()) {
        const QJsonArray dims = blockSize.toArray();
        if (dims.size() == 2) {
            result->m_blockRows = PackedCheckpointReading::integerOf(dims[0]).value_or(0);
            result->m_blockColumns = PackedCheckpointReading::integerOf(dims[1]).value_or(0);
        }
        if (result->m_blockRows <= 0 || result->m_blockColumns <= 0)
            throw Error(tr("%1: weight_block_size must be [rows, columns] of positive integers, "
                           "not %2")
                            .arg(where, JsonText::describe(blockSize)));
    }

    const QJsonValue scheme = config.value(QStringLiteral("activation_scheme"));
    const QString activations = scheme.toString(QStringLiteral("dynamic")).toLower();
    if ((!scheme.isUndefined() && !scheme.isString())
        || (activations != QLatin1String("dynamic") && activations != QLatin1String("static")))
        throw Error(tr("%1: activation_scheme must be \"dynamic\" or \"static\", not %2")
                        .arg(where, JsonText::describe(scheme)));
    const QString how = activations == QLatin1String("static")
                            ? tr("with the static input_scale of each layer")
                        : result->m_blockRows > 0
                            ? tr("per token, in groups of %1 channels").arg(result->m_blockColumns)
                            : tr("per token");
    result->m_caveats << tr("%1: runtimes quantize the input activations to FP8 too (%2) as the "
                            "model runs; QuantBench imports the weights only, so its evaluation "
                            "keeps the activations in full precision")
                             .arg(where, how);

    result->m_checkpoint = Checkpoint::open(directory);
    return result;
}

QStringList Fp8Checkpoint::quantizedModules() const
{
    QStringList modules;
    const QLatin1String weightSuffix(".weight");
    for (const QString& name : m_checkpoint->tensorNames()) {
        if (name.endsWith(weightSuffix) && m_checkpoint->find(name).info->dtype == DType::F8_E4M3)
            modules << name.chopped(weightSuffix.size());
    }
    modules.sort();
    return modules;
}

QStringList Fp8Checkpoint::storageSuffixes()
{
    return {QStringLiteral("weight"), QStringLiteral("weight_scale_inv"),
            QStringLiteral("weight_scale"), QStringLiteral("input_scale")};
}

std::vector<float> Fp8Checkpoint::dequantizedWeight(const QString& module) const
{
    const QString folder = QDir::toNativeSeparators(m_directory);
    const Checkpoint& checkpoint = *m_checkpoint;
    const QString weightName = module + QStringLiteral(".weight");
    const Checkpoint::TensorRef weight = checkpoint.find(weightName);
    const bool blocks = m_blockRows > 0;
    const QString scaleName =
        module + (blocks ? QStringLiteral(".weight_scale_inv") : QStringLiteral(".weight_scale"));
    if (!weight || weight.info->dtype != DType::F8_E4M3)
        return PackedCheckpointReading::unquantizedWeight(checkpoint, folder, module, scaleName);
    PackedCheckpointReading::require(checkpoint, folder, weightName, {DType::F8_E4M3}, 2);
    const std::int64_t outputs = weight.info->shape[0];
    const std::int64_t inputs = weight.info->shape[1];

    const Checkpoint::TensorRef scales = checkpoint.find(scaleName);
    if (!scales)
        throw Error(tr("%1: tensor %2 is missing (%3 holds FP8 values)")
                        .arg(folder, scaleName, weightName));
    if (!traitsOf(scales.info->dtype).convertibleToFloat)
        throw Error(tr("%1: tensor %2 must be floating-point, not %3")
                        .arg(folder, scaleName, dtypeName(scales.info->dtype)));
    // The scale of weight (n, k): scaleValues[(n / rowsPerScale) · scaleColumns + k / columns].
    std::int64_t rowsPerScale = outputs;
    std::int64_t columnsPerScale = inputs;
    std::int64_t scaleColumns = 1;
    const std::int64_t count = scales.info->elementCount();
    if (blocks) {
        rowsPerScale = m_blockRows;
        columnsPerScale = m_blockColumns;
        scaleColumns = (inputs + m_blockColumns - 1) / m_blockColumns;
        PackedCheckpointReading::requireShape(
            scales, folder, {(outputs + m_blockRows - 1) / m_blockRows, scaleColumns},
            QStringLiteral("weight_block_size [%1, %2] on %3")
                .arg(m_blockRows)
                .arg(m_blockColumns)
                .arg(weight.info->shapeText()));
    } else if (count == outputs && count > 1) {
        rowsPerScale = 1; // per channel: [N] or [N, 1]
    } else if (count != 1) {
        throw Error(tr("%1: tensor %2 has shape %3; %4 %5 needs one scale, or one per output "
                       "(%6)")
                        .arg(folder, scaleName, scales.info->shapeText(), weightName,
                             weight.info->shapeText())
                        .arg(outputs));
    }
    const std::vector<float> scaleValues = scales.file->readFloat(*scales.info);

    std::vector<float> result(static_cast<std::size_t>(outputs * inputs));
    convertToFloat(DType::F8_E4M3, weight.file->bytes(*weight.info).data(), result);
    for (std::int64_t n = 0; n < outputs; ++n) {
        float* row = result.data() + n * inputs;
        const std::int64_t scaleRow = n / rowsPerScale;
        for (std::int64_t k = 0; k < inputs; ++k)
            row[k] *= scaleValues[static_cast<std::size_t>(scaleRow * scaleColumns
                                                           + k / columnsPerScale)];
    }
    return result;
}

} // namespace qb
