#include "core/io/awq_checkpoint.h"

#include "core/io/packed_checkpoint_reading.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace qb {

namespace {

// The value of the first of `keys` present in `config` (transformers' and AutoAWQ's spellings),
// or undefined; `*key` gets the key found.
QJsonValue firstOf(const QJsonObject& config, const QStringList& keys, QString* key)
{
    for (const QString& candidate : keys) {
        if (config.contains(candidate)) {
            *key = candidate;
            return config.value(candidate);
        }
    }
    *key = keys.front();
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

std::shared_ptr<const AwqCheckpoint> AwqCheckpoint::open(const QString& directory)
{
    std::shared_ptr<AwqCheckpoint> result(new AwqCheckpoint);
    result->m_directory = directory;
    const PackedCheckpointReading::ConfigSource source = PackedCheckpointReading::findConfig(
        directory, QLatin1String(kQuantConfigFileName), QStringLiteral("AWQ"));
    result->m_configSource = source.where;
    const QJsonObject& config = source.config;
    const QString& where = result->m_configSource;

    if (const QJsonValue method =
            PackedCheckpointReading::unexpectedQuantMethod(config, QLatin1String("awq"));
        !method.isUndefined())
        throw Error(
            tr("%1: quant_method must be \"awq\", not %2").arg(where, JsonText::describe(method)));
    // AutoAWQ's default version is GEMM.
    const QJsonValue version = config.value(QStringLiteral("version"));
    if (!version.isUndefined()
        && version.toString().compare(awqGemmVersionKey(), Qt::CaseInsensitive) != 0)
        throw Error(tr("%1: version must be \"gemm\" (the layout QuantBench reads), not %2")
                        .arg(where, JsonText::describe(version)));

    QString key;
    const QJsonValue bits =
        firstOf(config, {QStringLiteral("bits"), QStringLiteral("w_bit")}, &key);
    if (bits.isUndefined())
        throw Error(tr("%1: bits is missing").arg(where));
    if (PackedCheckpointReading::integerOf(bits) != AwqPacking::kBits)
        throw Error(tr("%1: %2 must be 4 (AWQ GEMM packs 4-bit codes only), not %3")
                        .arg(where, key, JsonText::describe(bits)));

    const QJsonValue groupSize =
        firstOf(config, {QStringLiteral("group_size"), QStringLiteral("q_group_size")}, &key);
    if (groupSize.isUndefined())
        throw Error(tr("%1: group_size is missing").arg(where));
    const std::optional<int> size = PackedCheckpointReading::integerOf(groupSize);
    if (!size || (*size != -1 && *size <= 0))
        throw Error(tr("%1: %2 must be -1 or a positive integer, not %3")
                        .arg(where, key, JsonText::describe(groupSize)));
    result->m_groupSize = *size;

    const QJsonValue zeroPoint = config.value(QStringLiteral("zero_point"));
    if (!zeroPoint.isUndefined() && !zeroPoint.isBool())
        throw Error(tr("%1: %2 must be true or false, not %3")
                        .arg(where, QStringLiteral("zero_point"), JsonText::describe(zeroPoint)));

    const QJsonValue notConverted = config.value(QStringLiteral("modules_to_not_convert"));
    if (notConverted.isArray()) {
        for (const QJsonValue& entry : notConverted.toArray()) {
            if (!entry.isString() || entry.toString().isEmpty())
                throw Error(tr("%1: modules_to_not_convert must hold module names, not %2")
                                .arg(where, JsonText::describe(entry)));
            result->m_notConverted << entry.toString();
        }
    } else if (!notConverted.isUndefined() && !notConverted.isNull()) {
        throw Error(tr("%1: modules_to_not_convert must be a list of module names, not %2")
                        .arg(where, JsonText::describe(notConverted)));
    }

    result->m_checkpoint = Checkpoint::open(directory);
    return result;
}

QStringList AwqCheckpoint::quantizedModules() const
{
    return PackedCheckpointReading::modulesWithTensor(*m_checkpoint, QLatin1String(".qweight"));
}

bool AwqCheckpoint::leftUnquantized(const QString& module) const
{
    return PackedCheckpointReading::isLmHead(module)
           || std::any_of(m_notConverted.begin(), m_notConverted.end(),
                          [&](const QString& entry) { return module.contains(entry); });
}

std::vector<float> AwqCheckpoint::dequantizedWeight(const QString& module) const
{
    const QString folder = QDir::toNativeSeparators(m_directory);
    const Checkpoint& checkpoint = *m_checkpoint;
    const QString qweightName = module + QStringLiteral(".qweight");
    const Checkpoint::TensorRef qweight = checkpoint.find(qweightName);
    if (!qweight) {
        if (!leftUnquantized(module) && checkpoint.find(module + QStringLiteral(".weight")))
            throw Error(tr("%1: %2 is stored unquantized, but modules_to_not_convert does not "
                           "name it, so AWQ loaders expect %3")
                            .arg(folder, module, qweightName));
        return PackedCheckpointReading::unquantizedWeight(checkpoint, folder, module, qweightName);
    }
    if (leftUnquantized(module))
        throw Error(tr("%1: %2 is stored quantized, but the quantization config leaves it "
                       "unquantized (modules_to_not_convert, or lm_head)")
                        .arg(folder, module));

    auto require = [&](const QString& suffix, std::initializer_list<DType> dtypes) {
        return PackedCheckpointReading::require(checkpoint, folder, module + suffix, dtypes, 2);
    };
    require(QStringLiteral(".qweight"), {DType::I32});
    const Checkpoint::TensorRef qzeros = require(QStringLiteral(".qzeros"), {DType::I32});
    const Checkpoint::TensorRef scales =
        require(QStringLiteral(".scales"), {DType::F16, DType::BF16, DType::F32});

    // K: qweight's rows; N: eight outputs per word of a row.
    const std::int64_t inputs = qweight.info->shape[0];
    const std::int64_t wordsPerRow = qweight.info->shape[1];
    const std::int64_t outputs = wordsPerRow * AwqPacking::kValuesPerWord;
    const std::int64_t groupWidth = m_groupSize == -1 ? inputs : m_groupSize;
    const QString layout =
        QStringLiteral("K=%1 N=%2 group_size=%3").arg(inputs).arg(outputs).arg(m_groupSize);
    if (inputs <= 0 || outputs <= 0)
        throw Error(tr("%1: tensor %2 is empty (%3)").arg(folder, qweightName, layout));
    if (inputs % groupWidth != 0)
        throw Error(tr("%1: %2 (%3): the group size does not divide the inputs")
                        .arg(folder, module, layout));
    const std::int64_t groups = inputs / groupWidth;
    PackedCheckpointReading::requireShape(qzeros, folder, {groups, wordsPerRow}, layout);
    PackedCheckpointReading::requireShape(scales, folder, {groups, outputs}, layout);

    // Zero points [G, N] and codes [K, N], unpacked row by row into natural output order.
    const std::vector<std::uint32_t> zeroWords = PackedCheckpointReading::words(qzeros);
    std::vector<std::uint8_t> zeros(static_cast<std::size_t>(groups * outputs));
    AwqPacking::unpack(zeroWords, zeros);
    const std::vector<std::uint32_t> codeWords = PackedCheckpointReading::words(qweight);
    std::vector<std::uint8_t> codes(static_cast<std::size_t>(inputs * outputs));
    AwqPacking::unpack(codeWords, codes);
    const std::vector<float> scaleValues = scales.file->readFloat(*scales.info);

    std::vector<float> weight(static_cast<std::size_t>(outputs * inputs));
    for (std::int64_t k = 0; k < inputs; ++k) {
        const std::int64_t g = k / groupWidth;
        for (std::int64_t n = 0; n < outputs; ++n) {
            const auto at = static_cast<std::size_t>(g * outputs + n);
            // The in-memory grid's order of operations: scale * (code - zero) in float32.
            weight[static_cast<std::size_t>(n * inputs + k)] =
                scaleValues[at]
                * (static_cast<float>(codes[static_cast<std::size_t>(k * outputs + n)])
                   - static_cast<float>(zeros[at]));
        }
    }
    return weight;
}

} // namespace qb
