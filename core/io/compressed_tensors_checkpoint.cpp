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

// A config group's `input_activations` for people: "8-bit float, per token, dynamic". `where`
// names the object in the Error thrown when it is not a quantization-arguments object.
QString describeActivations(const QJsonValue& value, const QString& where)
{
    if (!value.isObject())
        throw Error(CompressedTensorsCheckpoint::tr("%1 must be an object, not %2")
                        .arg(where, JsonText::describe(value)));
    const QJsonObject args = value.toObject();
    const QJsonValue bitsValue = args.value(QStringLiteral("num_bits"));
    const std::optional<int> bits = isNullish(bitsValue)
                                        ? std::optional<int>(8)
                                        : PackedCheckpointReading::integerOf(bitsValue);
    if (!bits || *bits < 1 || *bits > 32)
        throw Error(
            CompressedTensorsCheckpoint::tr("%1: num_bits must be an integer from 1 to 32, not %2")
                .arg(where, JsonText::describe(bitsValue)));
    const QString type = args.value(QStringLiteral("type")).toString(QStringLiteral("int"));
    const QString strategy = args.value(QStringLiteral("strategy")).toString();
    const std::optional<int> groupSize =
        PackedCheckpointReading::integerOf(args.value(QStringLiteral("group_size")));
    QString granularity;
    if (strategy == QLatin1String("token"))
        granularity = CompressedTensorsCheckpoint::tr("per token");
    else if (strategy == QLatin1String("channel"))
        granularity = CompressedTensorsCheckpoint::tr("per channel");
    else if ((strategy == QLatin1String("group") || strategy == QLatin1String("tensor_group"))
             && groupSize && *groupSize > 0)
        granularity = CompressedTensorsCheckpoint::tr("in groups of %1").arg(*groupSize);
    else
        granularity = CompressedTensorsCheckpoint::tr("per tensor");
    const QJsonValue dynamic = args.value(QStringLiteral("dynamic"));
    const bool isDynamic = dynamic.isBool() ? dynamic.toBool() : dynamic.isString();
    return CompressedTensorsCheckpoint::tr("%1-bit %2, %3, %4")
        .arg(*bits)
        .arg(type == QLatin1String("float") ? CompressedTensorsCheckpoint::tr("float")
                                            : CompressedTensorsCheckpoint::tr("int"),
             granularity,
             isDynamic ? CompressedTensorsCheckpoint::tr("dynamic")
                       : CompressedTensorsCheckpoint::tr("static (input_scale)"));
}

// Dynamic, symmetric, 8-bit, per-token input activations (what W8A8 and FP8_DYNAMIC write), or
// None for any other scheme. `value` has passed describeActivations().
CompressedTensorsCheckpoint::Scheme::TokenActivations tokenActivationsOf(const QJsonValue& value)
{
    using TokenActivations = CompressedTensorsCheckpoint::Scheme::TokenActivations;
    const QJsonObject args = value.toObject();
    const QJsonValue bits = args.value(QStringLiteral("num_bits"));
    const QJsonValue symmetric = args.value(QStringLiteral("symmetric"));
    const bool perToken =
        args.value(QStringLiteral("strategy")).toString() == QLatin1String("token")
        && args.value(QStringLiteral("dynamic")) == QJsonValue(true)
        && (isNullish(bits) || PackedCheckpointReading::integerOf(bits) == 8)
        && (isNullish(symmetric) || symmetric == QJsonValue(true));
    if (!perToken)
        return TokenActivations::None;
    const QString type = args.value(QStringLiteral("type")).toString(QStringLiteral("int"));
    if (type == QLatin1String("int"))
        return TokenActivations::Int8;
    if (type == QLatin1String("float"))
        return TokenActivations::Fp8E4M3;
    return TokenActivations::None;
}

// Whether a module's "weight" tensor holds quantized values (FP8 or int8), which are weights only
// with the scale stored beside them.
bool storesValues(const TensorInfo& weight)
{
    return weight.dtype == DType::F8_E4M3 || weight.dtype == DType::I8;
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
    const QStringList storages{pack, QStringLiteral("float-quantized"),
                               QStringLiteral("int-quantized"), QStringLiteral("naive-quantized")};
    const QString format = requireString(config, QStringLiteral("format"), where,
                                         storages + QStringList{QStringLiteral("mixed-precision")});
    requireString(config, QStringLiteral("quantization_status"), where,
                  {QStringLiteral("compressed")});
    if (const QJsonValue kvCache = config.value(QStringLiteral("kv_cache_scheme"));
        !isNullish(kvCache))
        result->m_caveats << tr("%1: kv_cache_scheme: runtimes quantize the attention keys and "
                                "values as the model runs; QuantBench imports the weights only, "
                                "so its evaluation keeps them in full precision")
                                 .arg(where);

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
        QString storage = format;
        if (format == QLatin1String("mixed-precision") || group.contains(QStringLiteral("format")))
            storage = requireString(group, QStringLiteral("format"), groupWhere, storages);
        parsed.scheme.packed = storage == pack;
        if (!isNullish(group.value(QStringLiteral("output_activations"))))
            throw Error(tr("%1: output_activations are quantized, which QuantBench does not "
                           "import")
                            .arg(groupWhere));
        if (const QJsonValue inputs = group.value(QStringLiteral("input_activations"));
            !isNullish(inputs)) {
            // Checked (and described) first, whatever happens to them.
            const QString described =
                describeActivations(inputs, groupWhere + QStringLiteral(".input_activations"));
            parsed.scheme.tokenActivations = tokenActivationsOf(inputs);
            if (parsed.scheme.tokenActivations == Scheme::TokenActivations::None)
                result->m_caveats << tr("%1: the input activations are quantized too (%2) as the "
                                        "model runs; QuantBench imports the weights only, so its "
                                        "evaluation keeps the activations in full precision")
                                         .arg(groupWhere, described);
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
            scheme.floatValues = requireString(weights, QStringLiteral("type"), weightsWhere,
                                               {QStringLiteral("int"), QStringLiteral("float")})
                                 == QLatin1String("float");
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
        if (scheme.floatValues) {
            // FP8 E4M3 is the one float weight type stored as values (torch float8_e4m3fn).
            if (scheme.bits != 8)
                throw Error(tr("%1: float weights of %2 bits are not a format QuantBench reads "
                               "(FP8 is num_bits 8)")
                                .arg(weightsWhere)
                                .arg(scheme.bits));
            if (scheme.packed)
                throw Error(tr("%1: float weights are stored as values (float-quantized), not "
                               "packed (%2)")
                                .arg(weightsWhere, pack));
            if (!scheme.symmetric)
                throw Error(tr("%1: float weights have no zero point; symmetric must be true")
                                .arg(weightsWhere));
        }

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
            strategyName = requireString(weights, QStringLiteral("strategy"), weightsWhere,
                                         {QStringLiteral("tensor"), QStringLiteral("channel"),
                                          QStringLiteral("group"), QStringLiteral("block")});
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
                              : strategyName == QLatin1String("block") ? Scheme::Strategy::Block
                                                                       : Scheme::Strategy::Tensor;
        }
        if (scheme.strategy == Scheme::Strategy::Block) {
            const QJsonValue structure = weights.value(QStringLiteral("block_structure"));
            const QJsonArray dims = structure.toArray();
            int rows = 0; // 0: not given as a positive integer
            int columns = 0;
            if (dims.size() == 2) {
                rows = PackedCheckpointReading::integerOf(dims[0]).value_or(0);
                columns = PackedCheckpointReading::integerOf(dims[1]).value_or(0);
            }
            if (rows <= 0 || columns <= 0)
                throw Error(tr("%1: strategy \"block\" needs block_structure [rows, columns] of "
                               "positive integers, not %2")
                                .arg(weightsWhere, JsonText::describe(structure)));
            scheme.blockRows = rows;
            scheme.blockColumns = columns;
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
    // Every quantized module has a weight_scale; those stored packed or as FP8 or int8 values
    // are listed too, so that one missing its scale is reported by dequantizedWeight rather than
    // taken for unquantized.
    QStringList modules =
        PackedCheckpointReading::modulesWithTensor(*m_checkpoint, QLatin1String(".weight_packed"))
        + PackedCheckpointReading::modulesWithTensor(*m_checkpoint, QLatin1String(".weight_scale"));
    const QLatin1String weightSuffix(".weight");
    for (const QString& name : m_checkpoint->tensorNames()) {
        if (name.endsWith(weightSuffix) && storesValues(*m_checkpoint->find(name).info))
            modules << name.chopped(weightSuffix.size());
    }
    modules.sort();
    modules.removeDuplicates();
    return modules;
}

QStringList CompressedTensorsCheckpoint::storageSuffixes()
{
    return {QStringLiteral("weight_packed"), QStringLiteral("weight"),
            QStringLiteral("weight_scale"),  QStringLiteral("weight_zero_point"),
            QStringLiteral("weight_g_idx"),  QStringLiteral("weight_shape"),
            QStringLiteral("input_scale"),   QStringLiteral("input_zero_point")};
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
    const QString weightName = module + QStringLiteral(".weight");
    const QString scaleName = module + QStringLiteral(".weight_scale");
    const Checkpoint::TensorRef packed = checkpoint.find(packedName);
    const Checkpoint::TensorRef scales = checkpoint.find(scaleName);
    const std::optional<Scheme> found = schemeFor(module);
    if (!packed && !scales) {
        if (const Checkpoint::TensorRef weight = checkpoint.find(weightName);
            weight && storesValues(*weight.info))
            throw Error(tr("%1: tensor %2 is missing (%3 holds %4 values)")
                            .arg(folder, scaleName, weightName, dtypeName(weight.info->dtype)));
        if (found && checkpoint.find(weightName))
            throw Error(
                tr("%1: %2 is stored unquantized, but config group %3 targets it, so "
                   "loaders expect %4")
                    .arg(folder, module, found->group, found->packed ? packedName : scaleName));
        return PackedCheckpointReading::unquantizedWeight(checkpoint, folder, module, packedName);
    }
    if (!found)
        throw Error(tr("%1: %2 is stored quantized, but the quantization config leaves it "
                       "unquantized (ignore, or no target)")
                        .arg(folder, module));
    const Scheme& scheme = *found;
    const int bits = scheme.bits;
    if (scheme.packed != bool(packed))
        throw Error(scheme.packed
                        ? tr("%1: tensor %2 is missing (config group %3 is pack-quantized)")
                              .arg(folder, packedName, scheme.group)
                        : tr("%1: tensor %2 is present, but config group %3 stores its values "
                             "unpacked in %4")
                              .arg(folder, packedName, scheme.group, weightName));

    auto require = [&](const QString& suffix, std::initializer_list<DType> dtypes,
                       std::size_t rank) {
        return PackedCheckpointReading::require(checkpoint, folder, module + suffix, dtypes, rank);
    };
    // The shape [N, K] and the tensor holding the values.
    std::int64_t outputs = 0;
    std::int64_t inputs = 0;
    Checkpoint::TensorRef values;
    if (scheme.packed) {
        values = require(QStringLiteral(".weight_packed"), {DType::I32}, 2);
        const Checkpoint::TensorRef shapeRef =
            require(QStringLiteral(".weight_shape"), {DType::I64, DType::I32}, 1);
        PackedCheckpointReading::requireShape(shapeRef, folder, {2}, QStringLiteral("[N, K]"));
        const std::vector<std::int64_t> shape = PackedCheckpointReading::integers(shapeRef);
        outputs = shape[0];
        inputs = shape[1];
        // The packed tensor bounds both (its size is checked against the file), so products
        // below cannot overflow once they agree with it.
        const std::int64_t perWord = CompressedTensorsPacking::valuesPerWord(bits);
        if (outputs <= 0 || inputs <= 0 || outputs != values.info->shape[0]
            || inputs > values.info->shape[1] * perWord
            || CompressedTensorsPacking::wordsFor(inputs, bits) != values.info->shape[1])
            throw Error(tr("%1: tensor %2 holds [%3, %4], which %5 %6 at %7 bits does not hold")
                            .arg(folder, shapeRef.info->name)
                            .arg(outputs)
                            .arg(inputs)
                            .arg(packedName, values.info->shapeText())
                            .arg(bits));
    } else {
        values = require(QStringLiteral(".weight"),
                         {scheme.floatValues ? DType::F8_E4M3 : DType::I8}, 2);
        outputs = values.info->shape[0];
        inputs = values.info->shape[1];
    }

    using Strategy = Scheme::Strategy;
    // The scale (and zero point) layout: [rows, columns] parameters, the one of weight (n, k)
    // at index(n, k).
    std::int64_t parameterRows = 1;
    std::int64_t parameterColumns = 1;
    QString strategyText;
    switch (scheme.strategy) {
    case Strategy::Tensor:
        strategyText = QStringLiteral("tensor");
        break;
    case Strategy::Channel:
        parameterRows = outputs;
        strategyText = QStringLiteral("channel");
        break;
    case Strategy::Group:
        parameterRows = outputs;
        parameterColumns = (inputs + scheme.groupSize - 1) / scheme.groupSize;
        strategyText = QStringLiteral("group_size=%1").arg(scheme.groupSize);
        break;
    case Strategy::Block:
        parameterRows = (outputs + scheme.blockRows - 1) / scheme.blockRows;
        parameterColumns = (inputs + scheme.blockColumns - 1) / scheme.blockColumns;
        strategyText =
            QStringLiteral("block=[%1, %2]").arg(scheme.blockRows).arg(scheme.blockColumns);
        break;
    }
    const QString layout =
        QStringLiteral("K=%1 N=%2 bits=%3 %4").arg(inputs).arg(outputs).arg(bits).arg(strategyText);
    const bool perTensor = scheme.strategy == Strategy::Tensor;
    // A per-tensor scale or zero point is one value ([], [1], or [1, 1]).
    auto requireParameterShape = [&](const Checkpoint::TensorRef& ref) {
        if (perTensor) {
            if (ref.info->elementCount() != 1)
                PackedCheckpointReading::requireShape(ref, folder, {1}, layout);
        } else {
            PackedCheckpointReading::requireShape(ref, folder, {parameterRows, parameterColumns},
                                                  layout);
        }
    };

    if (!scales)
        throw Error(tr("%1: tensor %2 is missing").arg(folder, scaleName));
    if (!traitsOf(scales.info->dtype).convertibleToFloat)
        throw Error(tr("%1: tensor %2 must be floating-point, not %3")
                        .arg(folder, scaleName, dtypeName(scales.info->dtype)));
    requireParameterShape(scales);
    const std::vector<float> scaleValues = scales.file->readFloat(*scales.info);

    // Zero points z on the scale of the values u below: packed and int8 values are both read as
    // u = q + 2^(bits−1) (unsigned), so z = zp + 2^(bits−1) (a symmetric scheme has zp 0); FP8
    // values have no zero point.
    const std::int64_t offset = scheme.floatValues ? 0 : std::int64_t(1) << (bits - 1);
    std::vector<std::int32_t> zeros(static_cast<std::size_t>(parameterRows * parameterColumns),
                                    static_cast<std::int32_t>(offset));
    const QString zeroName = module + QStringLiteral(".weight_zero_point");
    if (const Checkpoint::TensorRef zeroRef = checkpoint.find(zeroName)) {
        if (scheme.floatValues) {
            throw Error(tr("%1: tensor %2 is present, but config group %3 has float weights, "
                           "which have no zero point")
                            .arg(folder, zeroName, scheme.group));
        } else if (zeroRef.info->dtype == DType::I8) {
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
        } else if (zeroRef.info->dtype == DType::I32 && !scheme.symmetric && !perTensor
                   && scheme.packed && scheme.strategy != Strategy::Block) {
            const std::int64_t zeroWords = CompressedTensorsPacking::wordsFor(outputs, bits);
            PackedCheckpointReading::requireShape(zeroRef, folder, {zeroWords, parameterColumns},
                                                  layout);
            const std::vector<std::uint32_t> words = PackedCheckpointReading::words(zeroRef);
            std::vector<std::uint32_t> column(static_cast<std::size_t>(zeroWords));
            std::vector<std::uint8_t> unpacked(static_cast<std::size_t>(outputs));
            for (std::int64_t g = 0; g < parameterColumns; ++g) {
                for (std::int64_t w = 0; w < zeroWords; ++w)
                    column[static_cast<std::size_t>(w)] =
                        words[static_cast<std::size_t>(w * parameterColumns + g)];
                CompressedTensorsPacking::unpack(column, bits, unpacked);
                for (std::int64_t n = 0; n < outputs; ++n)
                    zeros[static_cast<std::size_t>(n * parameterColumns + g)] =
                        unpacked[static_cast<std::size_t>(n)];
            }
        } else if (scheme.symmetric || perTensor || !scheme.packed
                   || scheme.strategy == Strategy::Block) {
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

    // The parameter column of each input (group strategy: its group; block: its block column).
    std::vector<std::int32_t> parameterColumnOf(static_cast<std::size_t>(inputs), 0);
    const QString gIdxName = module + QStringLiteral(".weight_g_idx");
    if (scheme.actOrder) {
        const Checkpoint::TensorRef gIdx =
            require(QStringLiteral(".weight_g_idx"), {DType::I32, DType::I64}, 1);
        PackedCheckpointReading::requireShape(gIdx, folder, {inputs}, layout);
        const std::vector<std::int64_t> indices = PackedCheckpointReading::integers(gIdx);
        for (std::int64_t k = 0; k < inputs; ++k) {
            const std::int64_t g = indices[static_cast<std::size_t>(k)];
            if (g < 0 || g >= parameterColumns)
                throw Error(tr("%1: tensor %2: input %3 is in group %4, outside the %5 groups")
                                .arg(folder, gIdxName)
                                .arg(k)
                                .arg(g)
                                .arg(parameterColumns));
            parameterColumnOf[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(g);
        }
    } else {
        if (checkpoint.find(gIdxName))
            throw Error(tr("%1: tensor %2 is present, but config group %3 has no actorder "
                           "\"group\"")
                            .arg(folder, gIdxName, scheme.group));
        const int columnsPerParameter = scheme.strategy == Strategy::Group   ? scheme.groupSize
                                        : scheme.strategy == Strategy::Block ? scheme.blockColumns
                                                                             : 0;
        if (columnsPerParameter > 0) {
            for (std::int64_t k = 0; k < inputs; ++k)
                parameterColumnOf[static_cast<std::size_t>(k)] =
                    static_cast<std::int32_t>(k / columnsPerParameter);
        }
    }
    const int rowsPerParameter = scheme.strategy == Strategy::Block ? scheme.blockRows : 1;

    // Each output's values u along the inputs, as floats.
    std::vector<std::uint32_t> words;
    std::span<const std::byte> stored;
    if (scheme.packed)
        words = PackedCheckpointReading::words(values);
    else
        stored = values.file->bytes(*values.info);
    const std::int64_t largest = scheme.floatValues ? 0 : (std::int64_t(1) << bits) - 1;
    std::vector<std::uint8_t> unpacked(scheme.packed ? static_cast<std::size_t>(inputs) : 0);
    auto readRow = [&](std::int64_t n, std::span<float> row) {
        if (scheme.packed) {
            // Row n of weight_packed holds output n's values along the inputs.
            const std::int64_t wordsPerRow = values.info->shape[1];
            CompressedTensorsPacking::unpack(
                std::span(words).subspan(static_cast<std::size_t>(n * wordsPerRow),
                                         static_cast<std::size_t>(wordsPerRow)),
                bits, unpacked);
            std::transform(unpacked.begin(), unpacked.end(), row.begin(),
                           [](std::uint8_t u) { return static_cast<float>(u); });
        } else if (scheme.floatValues) {
            convertToFloat(DType::F8_E4M3, stored.data() + n * inputs, row);
        } else {
            for (std::int64_t k = 0; k < inputs; ++k) {
                const std::int64_t q =
                    static_cast<std::int8_t>(stored[static_cast<std::size_t>(n * inputs + k)]);
                if (q + offset < 0 || q + offset > largest)
                    throw Error(tr("%1: tensor %2: value %3 at [%4, %5] is not a signed %6-bit "
                                   "value")
                                    .arg(folder, weightName)
                                    .arg(q)
                                    .arg(n)
                                    .arg(k)
                                    .arg(bits));
                row[static_cast<std::size_t>(k)] = static_cast<float>(q + offset);
            }
        }
    };

    std::vector<float> weight(static_cast<std::size_t>(outputs * inputs));
    for (std::int64_t n = 0; n < outputs; ++n) {
        const std::span<float> row(weight.data() + n * inputs, static_cast<std::size_t>(inputs));
        readRow(n, row);
        const std::int64_t parameterRow = perTensor ? 0 : n / rowsPerParameter;
        for (std::int64_t k = 0; k < inputs; ++k) {
            const auto at = static_cast<std::size_t>(
                parameterRow * parameterColumns + parameterColumnOf[static_cast<std::size_t>(k)]);
            // The in-memory grid's order of operations: scale * (code - zero) in float32.
            row[static_cast<std::size_t>(k)] =
                scaleValues[at]
                * (row[static_cast<std::size_t>(k)] - static_cast<float>(zeros[at]));
        }
    }
    return weight;
}

} // namespace qb
