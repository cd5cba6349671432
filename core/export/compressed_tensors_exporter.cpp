#include "core/export/compressed_tensors_exporter.h"

#include "core/export/export_folder.h"
#include "core/export/packed_export.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "core/util/parallel.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <set>

namespace qb {

namespace {

// Every module path of the checkpoint: each tensor name's parents ("model", "model.layers",
// "model.layers.0", …, "model.layers.0.mlp.down_proj"), which is every module a "re:" target
// could attach a scheme to.
QStringList modulePathsOf(const Checkpoint& checkpoint)
{
    std::set<QString> paths;
    for (const QString& tensor : checkpoint.tensorNames()) {
        qsizetype dot = tensor.lastIndexOf(QLatin1Char('.'));
        while (dot > 0) {
            paths.insert(tensor.left(dot));
            dot = tensor.lastIndexOf(QLatin1Char('.'), dot - 1);
        }
    }
    return QStringList(paths.begin(), paths.end());
}

constexpr const char* kMixedPrecision = "mixed-precision";

// The top-level `format` of a config with groups of `schemes`: their one format, or
// "mixed-precision" (each group then names its own).
QString topLevelFormat(const std::vector<CompressedTensorsExporter::Scheme>& schemes)
{
    Q_ASSERT(!schemes.empty());
    const bool one = std::all_of(schemes.begin(), schemes.end(), [&](const auto& scheme) {
        return scheme.format == schemes.front().format;
    });
    return one ? schemes.front().formatName() : QLatin1String(kMixedPrecision);
}

// The schemes of the layers `quantized` stores, in model order, each once.
std::vector<CompressedTensorsExporter::Scheme> storedSchemes(const QuantizedModel& quantized)
{
    std::vector<CompressedTensorsExporter::Scheme> schemes;
    for (const LinearLayer& layer : quantized.model->inventory().layers()) {
        const QuantizedLayer* q = quantized.find(layer.name);
        if (!q)
            continue;
        const auto scheme = CompressedTensorsExporter::schemeOf(*q);
        if (std::find(schemes.begin(), schemes.end(), scheme) == schemes.end())
            schemes.push_back(scheme);
    }
    return schemes;
}

} // namespace

struct CompressedTensorsExporter::Plan {
    PackedExport::Folds folds;
    QJsonObject config; // quantization_config
};

QString CompressedTensorsExporter::Scheme::formatName() const
{
    switch (format) {
    case Format::PackQuantized:
        return QStringLiteral("pack-quantized");
    case Format::IntQuantized:
        return QStringLiteral("int-quantized");
    }
    Q_UNREACHABLE();
    return {};
}

QJsonObject CompressedTensorsExporter::Scheme::toJson() const
{
    const bool grouped = groupSize > 0;
    return QJsonObject{
        {QStringLiteral("num_bits"), bits},
        {QStringLiteral("type"), QStringLiteral("int")},
        {QStringLiteral("symmetric"), symmetric},
        {QStringLiteral("group_size"), grouped ? QJsonValue(groupSize) : QJsonValue()},
        {QStringLiteral("strategy"), grouped ? QStringLiteral("group") : QStringLiteral("channel")},
        {QStringLiteral("block_structure"), QJsonValue()},
        {QStringLiteral("dynamic"), false},
        {QStringLiteral("actorder"),
         actOrder ? QJsonValue(QStringLiteral("group")) : QJsonValue()}};
}

QJsonValue CompressedTensorsExporter::Scheme::inputActivationsJson() const
{
    if (format != Format::IntQuantized)
        return QJsonValue();
    // ActivationRounding::Int8PerToken, as the run rounds them: absmax / 127 per token, no zero
    // point, computed by the runtime for every token.
    return QJsonObject{{QStringLiteral("num_bits"), 8},
                       {QStringLiteral("type"), QStringLiteral("int")},
                       {QStringLiteral("symmetric"), true},
                       {QStringLiteral("group_size"), QJsonValue()},
                       {QStringLiteral("strategy"), QStringLiteral("token")},
                       {QStringLiteral("block_structure"), QJsonValue()},
                       {QStringLiteral("dynamic"), true},
                       {QStringLiteral("actorder"), QJsonValue()}};
}

QString CompressedTensorsExporter::describe(const Scheme& scheme)
{
    if (scheme.format == Scheme::Format::IntQuantized)
        return tr("int8 weights per channel, int8 activations per token");
    const QString grid =
        QuantScheme::fromGroupSizeCode(scheme.bits, scheme.symmetric, scheme.groupSize).describe();
    return scheme.actOrder ? tr("%1, act-order").arg(grid) : grid;
}

CompressedTensorsExporter::Scheme CompressedTensorsExporter::schemeOf(const QuantizedLayer& layer)
{
    Scheme scheme = weightSchemeOf(layer.tensor);
    if (layer.quantizedActivations)
        scheme.format = Scheme::Format::IntQuantized;
    return scheme;
}

CompressedTensorsExporter::Scheme
CompressedTensorsExporter::weightSchemeOf(const QuantizedTensor& tensor)
{
    Scheme scheme;
    scheme.bits = tensor.scheme.bits;
    scheme.symmetric = PackedExport::hasSymmetricGrid(tensor);
    scheme.groupSize = PackedExport::groupSizeOf(tensor.scheme);
    scheme.actOrder = PackedExport::hasActOrderGroups(tensor);
    return scheme;
}

DType CompressedTensorsExporter::scaleDTypeFor(DType weightDType)
{
    switch (weightDType) {
    case DType::F16:
    case DType::BF16:
    case DType::F32:
    case DType::F64:
        return weightDType;
    default:
        return DType::F16;
    }
}

QString CompressedTensorsExporter::layerProblem(const QString& name, std::int64_t outFeatures,
                                                std::int64_t inFeatures, int bits, int groupSize,
                                                bool isLmHead)
{
    if (isLmHead)
        return tr("%1 is quantized, but vLLM loads the lm_head of a compressed-tensors "
                  "checkpoint unquantized only: keep it unquantized (method none) or choose "
                  "--format gptq")
            .arg(name);
    if (!CompressedTensorsPacking::writesBits(bits))
        return tr("%1: %2-bit codes; pack-quantized compressed-tensors checkpoints hold 4 or 8 "
                  "bits (vLLM serves no other width): choose --format gptq for 2- and 3-bit "
                  "layers")
            .arg(name)
            .arg(bits);
    if (groupSize > 0 && inFeatures % groupSize != 0)
        return tr("%1 [%2, %3]: compressed-tensors needs the group size to divide the %3 inputs, "
                  "and %4 does not; choose a group size that does, or per-channel (-1)")
            .arg(name)
            .arg(outFeatures)
            .arg(inFeatures)
            .arg(groupSize);
    return {};
}

QStringList CompressedTensorsExporter::problemsFor(const QuantPlan& plan,
                                                   const LayerInventory& inventory)
{
    QStringList problems;
    for (const PackedExport::PlannedLayer& planned : PackedExport::plannedLayers(plan, inventory)) {
        const LinearLayer& layer = *planned.layer;
        const QString problem = layerProblem(
            layer.name, layer.outFeatures, layer.inFeatures, planned.weightScheme.bits,
            PackedExport::groupSizeOf(planned.weightScheme), layer.role == LayerRole::LmHead);
        if (!problem.isEmpty())
            problems << problem;
    }
    return problems;
}

void CompressedTensorsExporter::checkGrid(const QuantizedTensor& tensor, DType scaleDType,
                                          const QString& name, std::span<const float> outputDivisor)
{
    const int bits = tensor.scheme.bits;
    PackedExport::GridMessages messages;
    messages.zeroNotCode = [&](float zero) {
        return tr("%1: zero point %2 is not a %3-bit code").arg(name).arg(zero).arg(bits);
    };
    messages.scaleOverflows = [&](float scale) {
        return tr("%1: scale %2 does not fit in %3, the layer's scale type")
            .arg(name)
            .arg(scale)
            .arg(dtypeName(scaleDType));
    };
    messages.codeTooWide = tr("%1: a code does not fit in %2 bits").arg(name).arg(bits);
    PackedExport::checkGrid(tensor, bits, scaleDType, outputDivisor, messages);
}

CompressedTensorsExporter::PackedLayer
CompressedTensorsExporter::pack(const QuantizedTensor& tensor, DType scaleDType,
                                const QString& name, std::span<const float> outputDivisor)
{
    const int bits = tensor.scheme.bits;
    const std::int64_t outputs = tensor.rows;
    const std::int64_t inputs = tensor.cols;
    if (const QString problem = layerProblem(name, outputs, inputs, bits,
                                             PackedExport::groupSizeOf(tensor.scheme), false);
        !problem.isEmpty())
        throw Error(problem);
    Q_ASSERT(static_cast<std::int64_t>(tensor.codes.size()) == outputs * inputs);
    Q_ASSERT(outputDivisor.empty() || static_cast<std::int64_t>(outputDivisor.size()) == outputs);
    checkGrid(tensor, scaleDType, name, outputDivisor);

    PackedLayer packed;
    packed.scheme = weightSchemeOf(tensor);
    packed.groups = tensor.groupsPerRow; // 1 for per-channel and per-tensor grids
    packed.weightShape = {outputs, inputs};
    const std::int64_t groups = packed.groups;

    // weight_packed [N, ceil(K / per word)]: output n's codes along row n, the last word padded.
    const std::int64_t wordsPerRow = CompressedTensorsPacking::wordsFor(inputs, bits);
    packed.weightPacked.resize(static_cast<std::size_t>(outputs * wordsPerRow));
    parallelFor(outputs, rowsPerChunk(inputs), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t n = begin; n < end; ++n)
            CompressedTensorsPacking::pack(std::span(tensor.codes)
                                               .subspan(static_cast<std::size_t>(n * inputs),
                                                        static_cast<std::size_t>(inputs)),
                                           bits,
                                           std::span(packed.weightPacked)
                                               .subspan(static_cast<std::size_t>(n * wordsPerRow),
                                                        static_cast<std::size_t>(wordsPerRow)));
    });

    // weight_scale [N, G] in the scale dtype.
    std::vector<float> scales(static_cast<std::size_t>(outputs * groups));
    for (std::int64_t n = 0; n < outputs; ++n) {
        for (std::int64_t g = 0; g < groups; ++g) {
            scales[static_cast<std::size_t>(n * groups + g)] = PackedExport::dividedScale(
                tensor.params[static_cast<std::size_t>(n * groups + g)].scale, outputDivisor, n);
        }
    }
    packed.weightScale.resize(scales.size() * static_cast<std::size_t>(dtypeSize(scaleDType)));
    convertFromFloat(scaleDType, scales, packed.weightScale.data());

    // weight_zero_point [ceil(N / per word), G]: group g's zero points of all outputs packed down
    // column g (pack_to_int32 with packed_dim 0), for asymmetric layers only.
    if (!packed.scheme.symmetric) {
        const std::int64_t zeroWords = CompressedTensorsPacking::wordsFor(outputs, bits);
        packed.weightZeroPoint.resize(static_cast<std::size_t>(zeroWords * groups));
        std::vector<std::uint8_t> column(static_cast<std::size_t>(outputs));
        std::vector<std::uint32_t> words(static_cast<std::size_t>(zeroWords));
        for (std::int64_t g = 0; g < groups; ++g) {
            for (std::int64_t n = 0; n < outputs; ++n)
                column[static_cast<std::size_t>(n)] = static_cast<std::uint8_t>(
                    tensor.params[static_cast<std::size_t>(n * groups + g)].zero);
            CompressedTensorsPacking::pack(column, bits, words);
            for (std::int64_t w = 0; w < zeroWords; ++w)
                packed.weightZeroPoint[static_cast<std::size_t>(w * groups + g)] =
                    words[static_cast<std::size_t>(w)];
        }
    }

    if (packed.scheme.actOrder) {
        packed.gIdx.resize(static_cast<std::size_t>(inputs));
        for (std::int64_t k = 0; k < inputs; ++k)
            packed.gIdx[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(tensor.groupOf(k));
    }
    return packed;
}

CompressedTensorsExporter::Int8Layer
CompressedTensorsExporter::storeInt8(const QuantizedTensor& tensor, DType scaleDType,
                                     const QString& name, std::span<const float> outputDivisor)
{
    const std::int64_t outputs = tensor.rows;
    const std::int64_t inputs = tensor.cols;
    if (tensor.scheme.bits != 8 || tensor.groupsPerRow != 1
        || !PackedExport::hasSymmetricGrid(tensor) || !tensor.groupIndex.empty())
        throw Error(tr("%1: int-quantized layers hold 8-bit symmetric per-channel weights, not "
                       "%2")
                        .arg(name, tensor.scheme.describe()));
    Q_ASSERT(static_cast<std::int64_t>(tensor.codes.size()) == outputs * inputs);
    Q_ASSERT(outputDivisor.empty() || static_cast<std::int64_t>(outputDivisor.size()) == outputs);
    checkGrid(tensor, scaleDType, name, outputDivisor);

    Int8Layer stored;
    // q = code − 128: the symmetric grid's codes are q + 128 with q in [−127, 127] (W8A8 never
    // writes code 0, and a code 0 would still be −128, an int8).
    stored.weight.resize(tensor.codes.size());
    std::transform(tensor.codes.begin(), tensor.codes.end(), stored.weight.begin(),
                   [](std::uint8_t code) { return static_cast<std::int8_t>(int(code) - 128); });
    std::vector<float> scales(static_cast<std::size_t>(outputs));
    for (std::int64_t n = 0; n < outputs; ++n)
        scales[static_cast<std::size_t>(n)] = PackedExport::dividedScale(
            tensor.params[static_cast<std::size_t>(n)].scale, outputDivisor, n);
    stored.weightScale.resize(scales.size() * static_cast<std::size_t>(dtypeSize(scaleDType)));
    convertFromFloat(scaleDType, scales, stored.weightScale.data());
    return stored;
}

QStringList CompressedTensorsExporter::targetsFor(const QStringList& modules,
                                                  const LayerInventory& inventory)
{
    // The blocks of each role (name before and after ".<block>."), in the model and in `modules`.
    struct Role {
        QString prefix;
        QString suffix;
        std::vector<int> all;
        std::vector<int> chosen;
    };
    std::vector<Role> roles;
    QStringList outside; // patterns for layers outside the blocks
    for (const LinearLayer& layer : inventory.layers()) {
        const bool chosen = modules.contains(layer.name);
        if (layer.block < 0) {
            if (chosen)
                outside << QRegularExpression::escape(layer.name) + QLatin1Char('$');
            continue;
        }
        const PackedExport::BlockNameParts name = PackedExport::blockNameParts(layer);
        auto role = std::find_if(roles.begin(), roles.end(), [&](const Role& r) {
            return r.prefix == name.prefix && r.suffix == name.suffix;
        });
        if (role == roles.end())
            role = roles.insert(roles.end(), Role{name.prefix, name.suffix, {}, {}});
        role->all.push_back(layer.block);
        if (chosen)
            role->chosen.push_back(layer.block);
    }

    // One pattern per (prefix, set of blocks), the roles sharing it as alternatives, in model
    // order.
    struct Pattern {
        QString prefix;
        QString blocks; // "\d+" or "(?:0|3)"
        QStringList suffixes;
    };
    std::vector<Pattern> patterns;
    for (const Role& role : roles) {
        if (role.chosen.empty())
            continue;
        QString blocks = QStringLiteral("\\d+");
        if (role.chosen.size() == 1 && role.all.size() > 1) {
            blocks = QString::number(role.chosen.front());
        } else if (role.chosen != role.all) {
            QStringList numbers;
            for (int block : role.chosen)
                numbers << QString::number(block);
            blocks = QStringLiteral("(?:%1)").arg(numbers.join(QLatin1Char('|')));
        }
        auto pattern = std::find_if(patterns.begin(), patterns.end(), [&](const Pattern& p) {
            return p.prefix == role.prefix && p.blocks == blocks;
        });
        if (pattern == patterns.end())
            pattern = patterns.insert(patterns.end(), Pattern{role.prefix, blocks, {}});
        pattern->suffixes << QRegularExpression::escape(role.suffix);
    }
    QStringList targets;
    const QString prefix = QLatin1String(CompressedTensorsTarget::kRegexPrefix);
    for (const Pattern& p : patterns) {
        const QString suffix =
            p.suffixes.size() == 1
                ? p.suffixes.front()
                : QStringLiteral("(?:%1)").arg(p.suffixes.join(QLatin1Char('|')));
        targets << prefix
                       + QStringLiteral("%1\\.%2\\.%3$")
                             .arg(QRegularExpression::escape(p.prefix), p.blocks, suffix);
    }
    for (const QString& pattern : outside)
        targets << prefix + pattern;
    return targets;
}

CompressedTensorsExporter::Plan CompressedTensorsExporter::makePlan(const QuantizedModel& quantized)
{
    const LoadedModel& model = *quantized.model;
    const LayerInventory& inventory = model.inventory();
    Plan plan;

    // The layers' schemes and the config groups (one per scheme, in model order).
    QStringList problems;
    std::vector<Scheme> groupSchemes;
    std::vector<QStringList> groupModules;
    std::map<QString, std::size_t> groupOf; // quantized layer -> config group
    QStringList ignore;
    for (const LinearLayer& layer : inventory.layers()) {
        const QuantizedLayer* q = quantized.find(layer.name);
        if (!q) {
            ignore << layer.name;
            continue;
        }
        const QuantizedTensor& tensor = q->tensor;
        if (tensor.codes.empty())
            throw Error(tr("%1: the run kept no integer codes for this layer").arg(layer.name));
        if (const QString problem = layerProblem(
                layer.name, tensor.rows, tensor.cols, tensor.scheme.bits,
                PackedExport::groupSizeOf(tensor.scheme), layer.role == LayerRole::LmHead);
            !problem.isEmpty()) {
            problems << problem;
            continue;
        }
        const Scheme scheme = schemeOf(*q);
        auto found = std::find(groupSchemes.begin(), groupSchemes.end(), scheme);
        if (found == groupSchemes.end()) {
            groupSchemes.push_back(scheme);
            groupModules.emplace_back();
            found = groupSchemes.end() - 1;
        }
        const auto index = static_cast<std::size_t>(found - groupSchemes.begin());
        groupModules[index] << layer.name;
        groupOf[layer.name] = index;
    }
    if (!problems.isEmpty())
        throw Error(PackedExport::summarize(problems));
    if (groupSchemes.empty())
        throw Error(tr("nothing is quantized: a compressed-tensors checkpoint needs at least one "
                       "quantized layer"));

    plan.folds = PackedExport::planFolds(quantized, QStringLiteral("compressed-tensors"));
    for (const auto& [name, group] : groupOf) {
        const LinearLayer* layer = inventory.find(name);
        checkGrid(quantized.find(name)->tensor, scaleDTypeFor(layer->dtype), name,
                  plan.folds.outputDivisorOf(name));
    }

    // The config groups, checked against every module path as a loader matches them: a quantized
    // layer matches its own group's targets only, every other module (unquantized layers, their
    // parents, norms, embeddings) none.
    // One format for every group, or "mixed-precision" with each group's own.
    const QString format = topLevelFormat(groupSchemes);
    const bool mixed = format == QLatin1String(kMixedPrecision);
    QJsonObject configGroups;
    std::vector<std::vector<CompressedTensorsTarget>> groupTargets;
    for (std::size_t g = 0; g < groupSchemes.size(); ++g) {
        const QStringList targets = targetsFor(groupModules[g], inventory);
        groupTargets.emplace_back(targets.begin(), targets.end());
        QJsonObject group{
            {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
            {QStringLiteral("weights"), groupSchemes[g].toJson()},
            {QStringLiteral("input_activations"), groupSchemes[g].inputActivationsJson()},
            {QStringLiteral("output_activations"), QJsonValue()}};
        if (mixed)
            group.insert(QStringLiteral("format"), groupSchemes[g].formatName());
        configGroups.insert(QStringLiteral("group_%1").arg(g), group);
    }
    for (const QString& path : modulePathsOf(model.checkpoint())) {
        std::vector<std::size_t> matched;
        for (std::size_t g = 0; g < groupTargets.size(); ++g) {
            if (std::any_of(groupTargets[g].begin(), groupTargets[g].end(),
                            [&](const CompressedTensorsTarget& target) {
                                return target.match(path) != CompressedTensorsTarget::Match::None;
                            }))
                matched.push_back(g);
        }
        const auto wanted = groupOf.find(path);
        const bool right = wanted == groupOf.end()
                               ? matched.empty()
                               : matched == std::vector<std::size_t>{wanted->second};
        if (!right)
            throw Error(tr("internal error: the config groups' targets written for %1 do not "
                           "give it its setting")
                            .arg(path));
    }

    plan.config =
        QJsonObject{{QStringLiteral("quant_method"), QStringLiteral("compressed-tensors")},
                    {QStringLiteral("format"), format},
                    {QStringLiteral("quantization_status"), QStringLiteral("compressed")},
                    {QStringLiteral("config_groups"), configGroups},
                    {QStringLiteral("ignore"), QJsonArray::fromStringList(ignore)}};
    return plan;
}

QStringList CompressedTensorsExporter::limitations(const QuantizedModel& quantized)
{
    QStringList result;
    const std::vector<Scheme> schemes = storedSchemes(quantized);
    if (!schemes.empty() && topLevelFormat(schemes) == QLatin1String(kMixedPrecision))
        result << tr("the plan mixes weight-only layers (pack-quantized) with W8A8 layers "
                     "(int-quantized), so the config's format is \"mixed-precision\" with a format "
                     "per config group: loaders that predate that format of compressed-tensors "
                     "refuse it");
    const QStringList mixed =
        PackedExport::fusedFamiliesThatDiffer(quantized, [&](const LinearLayer& layer) {
            const QuantizedLayer* q = quantized.find(layer.name);
            return q ? describe(schemeOf(*q)) : QString();
        });
    if (!mixed.isEmpty())
        result << tr("vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer "
                     "each, and their settings differ in %1")
                      .arg(mixed.join(QStringLiteral(", ")));
    // Padded words: compressed-tensors reads them, vLLM's kernels size their tensors without.
    QStringList padded;
    for (const auto& [name, layer] : quantized.layers) {
        if (schemeOf(layer).format != Scheme::Format::PackQuantized)
            continue; // int8 values fill no words
        const QuantizedTensor& tensor = layer.tensor;
        const int perWord = CompressedTensorsPacking::valuesPerWord(tensor.scheme.bits);
        if (tensor.cols % perWord != 0
            || (!PackedExport::hasSymmetricGrid(tensor) && tensor.rows % perWord != 0))
            padded << name;
    }
    if (!padded.isEmpty())
        result << tr("%n layer(s) do not fill whole 32-bit words (inputs, or the outputs of "
                     "asymmetric layers, are not a multiple of 32 / bits: %1): compressed-tensors "
                     "pads the last word and transformers reads them, but vLLM's kernels refuse "
                     "them",
                     nullptr, static_cast<int>(padded.size()))
                      .arg(PackedExport::summarize(padded).replace(QLatin1Char('\n'),
                                                                   QStringLiteral(", ")));
    if (!quantized.report.complete)
        result << ExportFolder::incompleteRunLimitation();
    return result;
}

QStringList CompressedTensorsExporter::run(const QuantizedModel& quantized, const QString& outDir,
                                           const Options& options, Progress& progress)
{
    const Plan plan = makePlan(quantized);
    PackedExport::Format format;
    format.metadataTag =
        QStringLiteral("compressed-tensors ") + plan.config[QStringLiteral("format")].toString();
    auto schemeOfLayer = [&quantized](const LinearLayer& layer) {
        return schemeOf(*quantized.find(layer.name));
    };
    format.tensorsOf = [schemeOfLayer](const LinearLayer& layer, const QuantizedTensor& q) {
        const Scheme scheme = schemeOfLayer(layer);
        const TensorHeader scale{layer.name + QStringLiteral(".weight_scale"),
                                 scaleDTypeFor(layer.dtype),
                                 {q.rows, q.groupsPerRow}};
        if (scheme.format == Scheme::Format::IntQuantized)
            return std::vector<TensorHeader>{
                {layer.name + QStringLiteral(".weight"), DType::I8, {q.rows, q.cols}}, scale};
        const int bits = q.scheme.bits;
        std::vector<TensorHeader> headers{
            {layer.name + QStringLiteral(".weight_packed"),
             DType::I32,
             {q.rows, CompressedTensorsPacking::wordsFor(q.cols, bits)}},
            scale,
            {layer.name + QStringLiteral(".weight_shape"), DType::I64, {2}}};
        if (!scheme.symmetric)
            headers.push_back({layer.name + QStringLiteral(".weight_zero_point"),
                               DType::I32,
                               {CompressedTensorsPacking::wordsFor(q.rows, bits), q.groupsPerRow}});
        if (scheme.actOrder)
            headers.push_back({layer.name + QStringLiteral(".weight_g_idx"), DType::I32, {q.cols}});
        return headers;
    };
    format.writeTensors = [schemeOfLayer](const LinearLayer& layer, const QuantizedTensor& q,
                                          std::span<const float> outputDivisor,
                                          const PackedExport::TensorSink& sink) {
        if (schemeOfLayer(layer).format == Scheme::Format::IntQuantized) {
            const Int8Layer stored =
                storeInt8(q, scaleDTypeFor(layer.dtype), layer.name, outputDivisor);
            sink(PackedExport::bytesOf(stored.weight));
            sink(stored.weightScale);
            return;
        }
        const PackedLayer packed = pack(q, scaleDTypeFor(layer.dtype), layer.name, outputDivisor);
        sink(PackedExport::bytesOf(packed.weightPacked));
        sink(packed.weightScale);
        sink(PackedExport::bytesOf(packed.weightShape));
        if (!packed.weightZeroPoint.empty())
            sink(PackedExport::bytesOf(packed.weightZeroPoint));
        if (!packed.gIdx.empty())
            sink(PackedExport::bytesOf(packed.gIdx));
    };
    format.quantizationConfig = plan.config;
    const QStringList notes = limitations(quantized);
    format.displayName = QStringLiteral("compressed-tensors");
    format.card = options.card;
    PackedExport::write(quantized, outDir, options.replaceExisting, plan.folds, format, notes,
                        progress);
    return notes;
}

} // namespace qb
