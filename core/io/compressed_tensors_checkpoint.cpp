#include "core/io/compressed_tensors_checkpoint.h"

#include "core/io/packed_checkpoint_reading.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QJsonArray>

#include <algorithm>

namespace qb {

namespace {

bool isNullish(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

std::shared_ptr<const CompressedTensorsCheckpoint>
CompressedTensorsCheckpoint::open(const QString& directory)
{
    std::shared_ptr<CompressedTensorsCheckpoint> result(new CompressedTensorsCheckpoint);
    result->m_directory = directory;
    const PackedCheckpointReading::ConfigSource source = PackedCheckpointReading::findConfig(
        directory, QString(), QStringLiteral("compressed-tensors"));
    result->m_configSource = source.where;
    const QJsonObject& config = source.config;
    const QString& where = result->m_configSource;

    auto requireString = [&](const QJsonObject& object, const QString& key,
                             const QString& objectWhere, const QStringList& allowed) {
        const QJsonValue value = object.value(key);
        if (!value.isString() || !allowed.contains(value.toString().toLower()))
            throw Error(
                tr("%1: %2 must be %3, not %4")
                    .arg(objectWhere, key,
                         QStringLiteral("\"%1\"").arg(allowed.join(QStringLiteral("\", \""))),
                         JsonText::describe(value)));
        return value.toString().toLower();
    };
    requireString(config, QStringLiteral("quant_method"), where,
                  {QStringLiteral("compressed-tensors"), QStringLiteral("compressed_tensors")});
    const QString pack = QStringLiteral("pack-quantized");
    const QString format = requireString(config, QStringLiteral("format"), where,
                                         {pack, QStringLiteral("mixed-precision")});
    requireString(config, QStringLiteral("quantization_status"), where,
                  {QStringLiteral("compressed")});

    const QJsonValue groups = config.value(QStringLiteral("config_groups"));
    if (!groups.isObject() || groups.toObject().isEmpty())
        throw Error(tr("%1: config_groups must be a non-empty object, not %2")
                        .arg(where, JsonText::describe(groups)));
    const QJsonObject groupObjects = groups.toObject();
    for (auto it = groupObjects.begin(); it != groupObjects.end(); ++it) {
        const QString groupWhere = QStringLiteral("%1.config_groups.%2").arg(where, it.key());
        if (!it.value().isObject())
            throw Error(
                tr("%1 must be an object, not %2").arg(groupWhere, JsonText::describe(it.value())));
        const QJsonObject group = it.value().toObject();
        Group parsed;
        parsed.scheme.group = it.key();

        const QJsonValue targets = group.value(QStringLiteral("targets"));
        if (!targets.isArray() || targets.toArray().isEmpty())
            throw Error(tr("%1: targets must be a non-empty list of names, not %2")
                            .arg(groupWhere, JsonText::describe(targets)));
        for (const QJsonValue& target : targets.toArray()) {
            if (!target.isString())
                throw Error(tr("%1: targets must hold names, not %2")
                                .arg(groupWhere, JsonText::describe(target)));
            CompressedTensorsTarget entry(target.toString());
            if (const QString error = entry.regexError(); !error.isEmpty())
                throw Error(tr("%1: \"%2\" is not a valid regular expression: %3")
                                .arg(groupWhere, target.toString(), error));
            parsed.targets.push_back(std::move(entry));
        }
        if (format != pack || group.contains(QStringLiteral("format")))
            requireString(group, QStringLiteral("format"), groupWhere, {pack});
        for (const QString& key :
             {QStringLiteral("input_activations"), QStringLiteral("output_activations")}) {
            if (!isNullish(group.value(key)))
                throw Error(tr("%1: %2 are quantized; QuantBench reads weight-only "
                               "pack-quantized checkpoints")
                                .arg(groupWhere, key));
        }

        const QJsonValue weightsValue = group.value(QStringLiteral("weights"));
        if (!weightsValue.isObject())
            throw Error(tr("%1: weights must be an object, not %2")
                            .arg(groupWhere, JsonText::describe(weightsValue)));
        const QJsonObject weights = weightsValue.toObject();
        const QString weightsWhere = groupWhere + QStringLiteral(".weights");
        Scheme& scheme = parsed.scheme;
        // compressed-tensors' QuantizationArgs defaults: 8 bits, int, symmetric.
        const QJsonValue bits = weights.value(QStringLiteral("num_bits"));
        const std::optional<int> bitCount =
            isNullish(bits) ? std::optional<int>(8) : PackedCheckpointReading::integerOf(bits);
        if (!bitCount || !CompressedTensorsPacking::readsBits(*bitCount))
            throw Error(tr("%1: num_bits must be an integer from 1 to 8, not %2")
                            .arg(weightsWhere, JsonText::describe(bits)));
        scheme.bits = *bitCount;
        if (weights.contains(QStringLiteral("type")))
            requireString(weights, QStringLiteral("type"), weightsWhere, {QStringLiteral("int")});
        const QJsonValue symmetric = weights.value(QStringLiteral("symmetric"));
        if (!isNullish(symmetric) && !symmetric.isBool())
            throw Error(
                tr("%1: %2 must be true or false, not %3")
                    .arg(weightsWhere, QStringLiteral("symmetric"), JsonText::describe(symmetric)));
        scheme.symmetric = symmetric.toBool(true);
        const QJsonValue dynamic = weights.value(QStringLiteral("dynamic"));
        if (!isNullish(dynamic) && dynamic != QJsonValue(false))
            throw Error(tr("%1: dynamic must be false for stored weights, not %2")
                            .arg(weightsWhere, JsonText::describe(dynamic)));

        // group_size: absent or null (0 here), -1 (per channel) or a positive size.
        const QJsonValue groupSize = weights.value(QStringLiteral("group_size"));
        int size = 0;
        if (!isNullish(groupSize)) {
            const std::optional<int> parsed = PackedCheckpointReading::integerOf(groupSize);
            if (!parsed || (*parsed != -1 && *parsed <= 0))
                throw Error(tr("%1: group_size must be -1 or a positive integer, not %2")
                                .arg(weightsWhere, JsonText::describe(groupSize)));
            size = *parsed;
        }
        const QJsonValue strategy = weights.value(QStringLiteral("strategy"));
        QString strategyName;
        if (isNullish(strategy)) // inferred from group_size, as compressed-tensors does
            strategyName = size == 0  ? QStringLiteral("tensor")
                           : size > 0 ? QStringLiteral("group")
                                      : QStringLiteral("channel");
        else
            strategyName = requireString(
                weights, QStringLiteral("strategy"), weightsWhere,
                {QStringLiteral("tensor"), QStringLiteral("channel"), QStringLiteral("group")});
        if (strategyName == QLatin1String("group")) {
            if (size <= 0)
                throw Error(tr("%1: strategy \"group\" needs a positive group_size, not %2")
                                .arg(weightsWhere, JsonText::describe(groupSize)));
            scheme.strategy = Scheme::Strategy::Group;
            scheme.groupSize = size;
        } else {
            if (size > 0)
                throw Error(tr("%1: group_size %2 needs strategy \"group\", not \"%3\"")
                                .arg(weightsWhere)
                                .arg(size)
                                .arg(strategyName));
            scheme.strategy = strategyName == QLatin1String("channel") ? Scheme::Strategy::Channel
                                                                       : Scheme::Strategy::Tensor;
        }

        // actorder: "group" (alias "dynamic", or true) stores weight_g_idx; "weight" (alias
        // "static") changes only how the run went, not the format.
        const QJsonValue actOrder = weights.value(QStringLiteral("actorder"));
        if (actOrder.isBool()) {
            scheme.actOrder = actOrder.toBool();
        } else if (!isNullish(actOrder)) {
            const QString order =
                requireString(weights, QStringLiteral("actorder"), weightsWhere,
                              {QStringLiteral("group"), QStringLiteral("weight"),
                               QStringLiteral("dynamic"), QStringLiteral("static")});
            scheme.actOrder = order == QLatin1String("group") || order == QLatin1String("dynamic");
        }
        if (scheme.actOrder && scheme.strategy != Scheme::Strategy::Group)
            throw Error(tr("%1: actorder \"group\" needs strategy \"group\"").arg(weightsWhere));
        result->m_groups.push_back(std::move(parsed));
    }

    const QJsonValue ignore = config.value(QStringLiteral("ignore"));
    if (ignore.isArray()) {
        for (const QJsonValue& entry : ignore.toArray()) {
            if (!entry.isString())
                throw Error(tr("%1: ignore must hold module names, not %2")
                                .arg(where, JsonText::describe(entry)));
            CompressedTensorsTarget target(entry.toString());
            if (const QString error = target.regexError(); !error.isEmpty())
                throw Error(tr("%1: \"%2\" is not a valid regular expression: %3")
                                .arg(where + QStringLiteral(".ignore"), entry.toString(), error));
            result->m_ignore.push_back(std::move(target));
        }
    } else if (!isNullish(ignore)) {
        throw Error(tr("%1: ignore must be a list of module names, not %2")
                        .arg(where, JsonText::describe(ignore)));
    }

    result->m_checkpoint = Checkpoint::open(directory);
    return result;
}

QStringList CompressedTensorsCheckpoint::quantizedModules() const
{
    return PackedCheckpointReading::modulesWithTensor(*m_checkpoint,
                                                      QLatin1String(".weight_packed"));
}

std::optional<CompressedTensorsCheckpoint::Scheme>
CompressedTensorsCheckpoint::schemeFor(const QString& module) const
{
    using Match = CompressedTensorsTarget::Match;
    for (const CompressedTensorsTarget& entry : m_ignore) {
        if (entry.match(module) != Match::None)
            return std::nullopt;
    }
    // Each group's strongest match; the strongest of all wins and must be one group's only.
    Match best = Match::None;
    std::vector<const Group*> winners;
    for (const Group& group : m_groups) {
        Match strongest = Match::None;
        for (const CompressedTensorsTarget& target : group.targets) {
            const Match match = target.match(module);
            if (match != Match::None && (strongest == Match::None || match < strongest))
                strongest = match;
        }
        if (strongest == Match::None)
            continue;
        if (best == Match::None || strongest < best) {
            best = strongest;
            winners = {&group};
        } else if (strongest == best) {
            winners.push_back(&group);
        }
    }
    if (winners.empty())
        return std::nullopt;
    if (winners.size() > 1)
        throw Error(
            tr("%1: %2 matches the targets of config groups %3 and %4 equally well")
                .arg(m_configSource, module, winners[0]->scheme.group, winners[1]->scheme.group));
    return winners.front()->scheme;
}

std::vector<float> CompressedTensorsCheckpoint::dequantizedWeight(const QString& module) const
{
    const QString folder = QDir::toNativeSeparators(m_directory);
    const Checkpoint& checkpoint = *m_checkpoint;
    const QString packedName = module + QStringLiteral(".weight_packed");
    const Checkpoint::TensorRef packed = checkpoint.find(packedName);
    const std::optional<Scheme> found = schemeFor(module);
    if (!packed) {
        if (found && checkpoint.find(module + QStringLiteral(".weight")))
            throw Error(tr("%1: %2 is stored unquantized, but config group %3 targets it, so "
                           "loaders expect %4")
                            .arg(folder, module, found->group, packedName));
        return PackedCheckpointReading::unquantizedWeight(checkpoint, folder, module, packedName);
    }
    if (!found)
        throw Error(tr("%1: %2 is stored quantized, but the quantization config leaves it "
                       "unquantized (ignore, or no target)")
                        .arg(folder, module));
    const Scheme& scheme = *found;
    const int bits = scheme.bits;

    auto require = [&](const QString& suffix, std::initializer_list<DType> dtypes,
                       std::size_t rank) {
        return PackedCheckpointReading::require(checkpoint, folder, module + suffix, dtypes, rank);
    };
    require(QStringLiteral(".weight_packed"), {DType::I32}, 2);
    const Checkpoint::TensorRef shapeRef =
        require(QStringLiteral(".weight_shape"), {DType::I64, DType::I32}, 1);
    PackedCheckpointReading::requireShape(shapeRef, folder, {2}, QStringLiteral("[N, K]"));
    const std::vector<std::int64_t> shape = PackedCheckpointReading::integers(shapeRef);
    const std::int64_t outputs = shape[0];
    const std::int64_t inputs = shape[1];
    // The packed tensor bounds both (its size is checked against the file), so products below
    // cannot overflow once they agree with it.
    const std::int64_t perWord = CompressedTensorsPacking::valuesPerWord(bits);
    if (outputs <= 0 || inputs <= 0 || outputs != packed.info->shape[0]
        || inputs > packed.info->shape[1] * perWord
        || CompressedTensorsPacking::wordsFor(inputs, bits) != packed.info->shape[1])
        throw Error(tr("%1: tensor %2 holds [%3, %4], which %5 %6 at %7 bits does not hold")
                        .arg(folder, shapeRef.info->name)
                        .arg(outputs)
                        .arg(inputs)
                        .arg(packedName, packed.info->shapeText())
                        .arg(bits));

    const std::int64_t groups = scheme.strategy == Scheme::Strategy::Group
                                    ? (inputs + scheme.groupSize - 1) / scheme.groupSize
                                    : 1;
    const QString layout =
        QStringLiteral("K=%1 N=%2 bits=%3 %4")
            .arg(inputs)
            .arg(outputs)
            .arg(bits)
            .arg(scheme.strategy == Scheme::Strategy::Group
                     ? QStringLiteral("group_size=%1").arg(scheme.groupSize)
                 : scheme.strategy == Scheme::Strategy::Channel ? QStringLiteral("channel")
                                                                : QStringLiteral("tensor"));
    const bool perTensor = scheme.strategy == Scheme::Strategy::Tensor;
    // A per-tensor scale or zero point is one value ([1], or [1, 1]).
    auto requireParameterShape = [&](const Checkpoint::TensorRef& ref) {
        if (perTensor) {
            if (ref.info->elementCount() != 1)
                PackedCheckpointReading::requireShape(ref, folder, {1}, layout);
        } else {
            PackedCheckpointReading::requireShape(ref, folder, {outputs, groups}, layout);
        }
    };

    const QString scaleName = module + QStringLiteral(".weight_scale");
    const Checkpoint::TensorRef scales = checkpoint.find(scaleName);
    if (!scales)
        throw Error(tr("%1: tensor %2 is missing").arg(folder, scaleName));
    if (!traitsOf(scales.info->dtype).convertibleToFloat)
        throw Error(tr("%1: tensor %2 must be floating-point, not %3")
                        .arg(folder, scaleName, dtypeName(scales.info->dtype)));
    requireParameterShape(scales);
    const std::vector<float> scaleValues = scales.file->readFloat(*scales.info);

    // Zero points as stored values z (zp + 2^(bits−1)), [N, G]: packed int32 along dim 0, or
    // the signed int8 zp unpacked; a symmetric scheme has zp 0.
    const std::int64_t offset = std::int64_t(1) << (bits - 1);
    std::vector<std::int32_t> zeros(static_cast<std::size_t>(perTensor ? 1 : outputs * groups),
                                    static_cast<std::int32_t>(offset));
    const QString zeroName = module + QStringLiteral(".weight_zero_point");
    if (const Checkpoint::TensorRef zeroRef = checkpoint.find(zeroName)) {
        if (zeroRef.info->dtype == DType::I8) {
            requireParameterShape(zeroRef);
            const std::span<const std::byte> bytes = zeroRef.file->bytes(*zeroRef.info);
            for (std::size_t i = 0; i < zeros.size(); ++i) {
                const auto zp = static_cast<std::int8_t>(bytes[i]);
                if (scheme.symmetric && zp != 0)
                    throw Error(tr("%1: tensor %2: zero point %3 is not 0, as config group %4 "
                                   "is symmetric")
                                    .arg(folder, zeroName)
                                    .arg(zp)
                                    .arg(scheme.group));
                if (zp < -offset || zp >= offset)
                    throw Error(tr("%1: tensor %2: zero point %3 is not a signed %4-bit value")
                                    .arg(folder, zeroName)
                                    .arg(zp)
                                    .arg(bits));
                zeros[i] = static_cast<std::int32_t>(zp + offset);
            }
        } else if (zeroRef.info->dtype == DType::I32 && !scheme.symmetric && !perTensor) {
            const std::int64_t zeroWords = CompressedTensorsPacking::wordsFor(outputs, bits);
            PackedCheckpointReading::requireShape(zeroRef, folder, {zeroWords, groups}, layout);
            const std::vector<std::uint32_t> words = PackedCheckpointReading::words(zeroRef);
            std::vector<std::uint32_t> column(static_cast<std::size_t>(zeroWords));
            std::vector<std::uint8_t> values(static_cast<std::size_t>(outputs));
            for (std::int64_t g = 0; g < groups; ++g) {
                for (std::int64_t w = 0; w < zeroWords; ++w)
                    column[static_cast<std::size_t>(w)] =
                        words[static_cast<std::size_t>(w * groups + g)];
                CompressedTensorsPacking::unpack(column, bits, values);
                for (std::int64_t n = 0; n < outputs; ++n)
                    zeros[static_cast<std::size_t>(n * groups + g)] =
                        values[static_cast<std::size_t>(n)];
            }
        } else if (scheme.symmetric || perTensor) {
            throw Error(tr("%1: tensor %2 must be I8, not %3 %4")
                            .arg(folder, zeroName, dtypeName(zeroRef.info->dtype),
                                 zeroRef.info->shapeText()));
        } else {
            throw Error(tr("%1: tensor %2 must be I32 (packed along the outputs) or I8, not %3 %4")
                            .arg(folder, zeroName, dtypeName(zeroRef.info->dtype),
                                 zeroRef.info->shapeText()));
        }
    } else if (!scheme.symmetric) {
        throw Error(tr("%1: tensor %2 is missing (config group %3 is asymmetric)")
                        .arg(folder, zeroName, scheme.group));
    }

    // The group of each input.
    std::vector<std::int32_t> groupOf(static_cast<std::size_t>(inputs), 0);
    const QString gIdxName = module + QStringLiteral(".weight_g_idx");
    if (scheme.actOrder) {
        const Checkpoint::TensorRef gIdx =
            require(QStringLiteral(".weight_g_idx"), {DType::I32, DType::I64}, 1);
        PackedCheckpointReading::requireShape(gIdx, folder, {inputs}, layout);
        const std::vector<std::int64_t> values = PackedCheckpointReading::integers(gIdx);
        for (std::int64_t k = 0; k < inputs; ++k) {
            const std::int64_t g = values[static_cast<std::size_t>(k)];
            if (g < 0 || g >= groups)
                throw Error(tr("%1: tensor %2: input %3 is in group %4, outside the %5 groups")
                                .arg(folder, gIdxName)
                                .arg(k)
                                .arg(g)
                                .arg(groups));
            groupOf[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(g);
        }
    } else {
        if (checkpoint.find(gIdxName))
            throw Error(tr("%1: tensor %2 is present, but config group %3 has no actorder "
                           "\"group\"")
                            .arg(folder, gIdxName, scheme.group));
        if (scheme.strategy == Scheme::Strategy::Group) {
            for (std::int64_t k = 0; k < inputs; ++k)
                groupOf[static_cast<std::size_t>(k)] =
                    static_cast<std::int32_t>(k / scheme.groupSize);
        }
    }

    // Row n of weight_packed holds output n's values along the inputs.
    const std::vector<std::uint32_t> words = PackedCheckpointReading::words(packed);
    const std::int64_t wordsPerRow = packed.info->shape[1];
    std::vector<float> weight(static_cast<std::size_t>(outputs * inputs));
    std::vector<std::uint8_t> values(static_cast<std::size_t>(inputs));
    for (std::int64_t n = 0; n < outputs; ++n) {
        CompressedTensorsPacking::unpack(
            std::span(words).subspan(static_cast<std::size_t>(n * wordsPerRow),
                                     static_cast<std::size_t>(wordsPerRow)),
            bits, values);
        float* row = weight.data() + n * inputs;
        for (std::int64_t k = 0; k < inputs; ++k) {
            const auto at =
                perTensor
                    ? std::size_t(0)
                    : static_cast<std::size_t>(n * groups + groupOf[static_cast<std::size_t>(k)]);
            // The in-memory grid's order of operations: scale * (code - zero) in float32.
            row[k] = scaleValues[at]
                     * (static_cast<float>(values[static_cast<std::size_t>(k)])
                        - static_cast<float>(zeros[at]));
        }
    }
    return weight;
}

} // namespace qb
