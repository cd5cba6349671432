#include "core/export/awq_exporter.h"

#include "core/export/export_folder.h"
#include "core/export/packed_export.h"
#include "core/io/dtype.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "core/util/parallel.h"

#include <QJsonArray>

#include <algorithm>
#include <map>

namespace qb {

struct AwqExporter::Plan {
    int groupSize = -1;
    PackedExport::Folds folds;
    QJsonObject config; // quantization_config
};

QString AwqExporter::describeGroupSize(int groupSize)
{
    return groupSize == -1 ? tr("per-channel (group_size -1)") : tr("groups of %1").arg(groupSize);
}

QString AwqExporter::layerProblem(const LayerShape& layer)
{
    if (layer.isLmHead)
        return tr("%1 is quantized, but AWQ loaders keep lm_head in full precision (transformers "
                  "never converts it): keep it unquantized (method none) or choose --format gptq")
            .arg(layer.name);
    if (layer.bits != AwqPacking::kBits)
        return tr("%1: %2-bit codes; AWQ GEMM holds 4-bit codes only: quantize it to 4 bits, "
                  "keep it unquantized, or choose --format gptq")
            .arg(layer.name)
            .arg(layer.bits);
    if (layer.actOrder)
        return tr("%1 has GPTQ act-order groups, which AWQ GEMM cannot store (it has no group "
                  "index, g_idx): turn act-order off or use static groups, or choose --format gptq")
            .arg(layer.name);
    if (!AwqPacking::fillsWords(layer.outFeatures))
        return tr("%1 [%2, %3]: AWQ GEMM packs 8 outputs per 32-bit word, so the number of "
                  "outputs must be a multiple of 8; keep it unquantized or choose --format gptq")
            .arg(layer.name)
            .arg(layer.outFeatures)
            .arg(layer.inFeatures);
    if (layer.groupSize > 0 && layer.inFeatures % layer.groupSize != 0)
        return tr("%1 [%2, %3]: AWQ GEMM needs the group size to divide the %3 inputs, and %4 "
                  "does not; choose a group size that does, or per-channel (-1)")
            .arg(layer.name)
            .arg(layer.outFeatures)
            .arg(layer.inFeatures)
            .arg(layer.groupSize);
    return {};
}

QStringList AwqExporter::groupSizeProblems(const std::vector<LayerShape>& layers, int* groupSize)
{
    std::map<int, int> counts;
    for (const LayerShape& layer : layers)
        ++counts[layer.groupSize];
    // The most common size; the first layer's among equals, so the message names the others.
    int common = layers.empty() ? -1 : layers.front().groupSize;
    for (const auto& [size, count] : counts) {
        if (count > counts[common])
            common = size;
    }
    *groupSize = common;
    QStringList problems;
    for (const LayerShape& layer : layers) {
        if (layer.groupSize != common)
            problems << tr("%1: %2, but the other layers use %3; an AWQ checkpoint has one "
                           "group_size for all layers: give them one group size, or choose "
                           "--format gptq")
                            .arg(layer.name, describeGroupSize(layer.groupSize),
                                 describeGroupSize(common));
    }
    return problems;
}

QStringList AwqExporter::problemsFor(const QuantPlan& plan, const LayerInventory& inventory)
{
    QStringList problems;
    std::vector<LayerShape> storable;
    for (const PackedExport::PlannedLayer& planned : PackedExport::plannedLayers(plan, inventory)) {
        const LinearLayer& layer = *planned.layer;
        const LayerShape shape{layer.name,
                               layer.outFeatures,
                               layer.inFeatures,
                               planned.weightScheme.bits,
                               PackedExport::groupSizeOf(planned.weightScheme),
                               PackedExport::plannedActOrderGroups(planned.config),
                               layer.role == LayerRole::LmHead};
        if (const QString problem = layerProblem(shape); !problem.isEmpty())
            problems << problem;
        else
            storable.push_back(shape);
    }
    int groupSize = -1;
    return problems + groupSizeProblems(storable, &groupSize);
}

void AwqExporter::checkGrid(const QuantizedTensor& tensor, const QString& name,
                            std::span<const float> outputDivisor)
{
    PackedExport::GridMessages messages;
    messages.zeroNotCode = [&](float zero) {
        return tr("%1: zero point %2 is not a 4-bit code").arg(name).arg(zero);
    };
    messages.scaleOverflows = [&](float scale) {
        return tr("%1: scale %2 does not fit in float16, the type AWQ stores "
                  "scales in")
            .arg(name)
            .arg(scale);
    };
    messages.codeTooWide = tr("%1: a code does not fit in 4 bits").arg(name);
    PackedExport::checkGrid(tensor, AwqPacking::kBits, DType::F16, outputDivisor, messages);
}

AwqExporter::PackedLayer AwqExporter::pack(const QuantizedTensor& tensor, const QString& name,
                                           std::span<const float> outputDivisor)
{
    const std::int64_t outputs = tensor.rows;
    const std::int64_t inputs = tensor.cols;
    const LayerShape shape{name,
                           outputs,
                           inputs,
                           tensor.scheme.bits,
                           PackedExport::groupSizeOf(tensor.scheme),
                           PackedExport::hasActOrderGroups(tensor),
                           false};
    if (const QString problem = layerProblem(shape); !problem.isEmpty())
        throw Error(problem);
    Q_ASSERT(static_cast<std::int64_t>(tensor.codes.size()) == outputs * inputs);
    Q_ASSERT(outputDivisor.empty() || static_cast<std::int64_t>(outputDivisor.size()) == outputs);
    const std::int64_t groupWidth = shape.groupSize > 0 ? shape.groupSize : inputs;
    // A per-tensor grid has one group per row too (its parameters repeated), so G = K / width
    // is the tensor's own group count for every granularity.
    Q_ASSERT(tensor.groupsPerRow == inputs / groupWidth);

    PackedLayer packed;
    packed.groups = inputs / groupWidth;
    const std::int64_t groups = packed.groups;
    const std::int64_t wordsPerRow = AwqPacking::wordsFor(outputs);

    // Scales [G, N] in float16, zero points [G, N] as they are.
    checkGrid(tensor, name, outputDivisor);
    packed.scales.resize(static_cast<std::size_t>(groups * outputs));
    std::vector<std::uint8_t> zeros(static_cast<std::size_t>(groups * outputs));
    for (std::int64_t n = 0; n < outputs; ++n) {
        for (std::int64_t g = 0; g < groups; ++g) {
            const GridParams& p = tensor.params[static_cast<std::size_t>(n * groups + g)];
            const float scale = PackedExport::dividedScale(p.scale, outputDivisor, n);
            const auto at = static_cast<std::size_t>(g * outputs + n);
            packed.scales[at] = floatToHalf(scale);
            zeros[at] = static_cast<std::uint8_t>(p.zero);
        }
    }

    packed.qzeros.resize(static_cast<std::size_t>(groups * wordsPerRow));
    for (std::int64_t g = 0; g < groups; ++g)
        AwqPacking::pack(std::span(zeros).subspan(static_cast<std::size_t>(g * outputs),
                                                  static_cast<std::size_t>(outputs)),
                         std::span(packed.qzeros)
                             .subspan(static_cast<std::size_t>(g * wordsPerRow),
                                      static_cast<std::size_t>(wordsPerRow)));

    // qweight [K, N / 8]: input k's codes of all outputs across row k (codes are [N, K]).
    packed.qweight.resize(static_cast<std::size_t>(inputs * wordsPerRow));
    parallelFor(inputs, rowsPerChunk(outputs), [&](std::int64_t begin, std::int64_t end) {
        std::vector<std::uint8_t> row(static_cast<std::size_t>(outputs));
        for (std::int64_t k = begin; k < end; ++k) {
            for (std::int64_t n = 0; n < outputs; ++n)
                row[static_cast<std::size_t>(n)] =
                    tensor.codes[static_cast<std::size_t>(n * inputs + k)];
            AwqPacking::pack(row, std::span(packed.qweight)
                                      .subspan(static_cast<std::size_t>(k * wordsPerRow),
                                               static_cast<std::size_t>(wordsPerRow)));
        }
    });
    return packed;
}

AwqExporter::Plan AwqExporter::makePlan(const QuantizedModel& quantized)
{
    const LayerInventory& inventory = quantized.model->inventory();
    Plan plan;
    QStringList problems;
    std::vector<LayerShape> storable;
    QStringList notConverted;
    for (const LinearLayer& layer : inventory.layers()) {
        const QuantizedLayer* q = quantized.find(layer.name);
        if (!q) {
            notConverted << layer.name;
            continue;
        }
        const QuantizedTensor& tensor = q->tensor;
        if (tensor.codes.empty())
            throw Error(tr("%1: the run kept no integer codes for this layer").arg(layer.name));
        const LayerShape shape{layer.name,
                               tensor.rows,
                               tensor.cols,
                               tensor.scheme.bits,
                               PackedExport::groupSizeOf(tensor.scheme),
                               PackedExport::hasActOrderGroups(tensor),
                               layer.role == LayerRole::LmHead};
        if (const QString problem = layerProblem(shape); !problem.isEmpty())
            problems << problem;
        else
            storable.push_back(shape);
    }
    if (storable.empty() && problems.isEmpty())
        throw Error(tr("nothing is quantized: an AWQ checkpoint needs at least one quantized "
                       "layer"));
    problems += groupSizeProblems(storable, &plan.groupSize);
    if (!problems.isEmpty())
        throw Error(PackedExport::summarize(problems));

    plan.folds = PackedExport::planFolds(quantized, QStringLiteral("AWQ"));
    for (const LayerShape& layer : storable)
        checkGrid(quantized.find(layer.name)->tensor, layer.name,
                  plan.folds.outputDivisorOf(layer.name));

    // A fused family (q/k/v; gate/up) left wholly unquantized is also named by its fused layer:
    // vLLM's older AWQ readers match modules_to_not_convert against the fused layer's name only.
    for (const std::vector<int>& group : inventory.fusedFamilies()) {
        const LinearLayer& first = inventory.layers()[static_cast<std::size_t>(group.front())];
        const bool allKept = std::all_of(group.begin(), group.end(), [&](int index) {
            return notConverted.contains(inventory.layers()[static_cast<std::size_t>(index)].name);
        });
        if (allKept)
            notConverted << first.name.section(QLatin1Char('.'), 0, -2) + QLatin1Char('.')
                                + PackedExport::fusedName(first.role);
    }
    // Loaders skip a module when any entry is a substring of its name: no entry may touch a
    // quantized layer.
    for (const LayerShape& layer : storable) {
        for (const QString& entry : notConverted) {
            if (layer.name.contains(entry))
                throw Error(tr("internal error: modules_to_not_convert entry %1 would leave the "
                               "quantized layer %2 unquantized")
                                .arg(entry, layer.name));
        }
    }

    plan.config = QJsonObject{
        {QStringLiteral("quant_method"), QStringLiteral("awq")},
        {QStringLiteral("bits"), AwqPacking::kBits},
        {QStringLiteral("group_size"), plan.groupSize},
        {QStringLiteral("zero_point"), true},
        {QStringLiteral("version"), awqGemmVersionKey()},
        {QStringLiteral("modules_to_not_convert"), QJsonArray::fromStringList(notConverted)}};
    return plan;
}

QStringList AwqExporter::limitations(const QuantizedModel& quantized)
{
    QStringList result;
    const QStringList mixed =
        PackedExport::fusedFamiliesThatDiffer(quantized, [&](const LinearLayer& layer) {
            return quantized.find(layer.name) ? QStringLiteral("awq") : QString();
        });
    if (!mixed.isEmpty())
        result << tr("vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer "
                     "each, and only some of them are quantized in %1")
                      .arg(mixed.join(QStringLiteral(", ")));
    const bool perChannel =
        std::any_of(quantized.layers.begin(), quantized.layers.end(), [](const auto& entry) {
            return PackedExport::groupSizeOf(entry.second.tensor.scheme) == -1;
        });
    if (perChannel)
        result << tr("group_size -1 (per channel): vLLM serves it only with its Marlin AWQ "
                     "kernels (GPUs of compute capability 8.0 or newer); its plain AWQ kernels "
                     "need a positive group size");
    if (!quantized.report.complete)
        result << ExportFolder::incompleteRunLimitation();
    return result;
}

QStringList AwqExporter::run(const QuantizedModel& quantized, const QString& outDir,
                             const Options& options, Progress& progress)
{
    const Plan plan = makePlan(quantized);
    PackedExport::Format format;
    format.metadataTag = QStringLiteral("awq");
    format.tensorsOf = [](const LinearLayer& layer, const QuantizedTensor& q) {
        const std::int64_t words = AwqPacking::wordsFor(q.rows);
        return std::vector<TensorHeader>{
            {layer.name + QStringLiteral(".qweight"), DType::I32, {q.cols, words}},
            {layer.name + QStringLiteral(".qzeros"), DType::I32, {q.groupsPerRow, words}},
            {layer.name + QStringLiteral(".scales"), DType::F16, {q.groupsPerRow, q.rows}}};
    };
    format.writeTensors = [&](const LinearLayer& layer, const QuantizedTensor& q,
                              std::span<const float> outputDivisor,
                              const PackedExport::TensorSink& sink) {
        const PackedLayer packed = pack(q, layer.name, outputDivisor);
        sink(PackedExport::bytesOf(packed.qweight));
        sink(PackedExport::bytesOf(packed.qzeros));
        sink(PackedExport::bytesOf(packed.scales));
    };
    format.quantizationConfig = plan.config;
    // AutoAWQ's own file and keys (AwqConfig.to_dict).
    const QJsonObject autoAwqConfig{{QStringLiteral("zero_point"), true},
                                    {QStringLiteral("q_group_size"), plan.groupSize},
                                    {QStringLiteral("w_bit"), AwqPacking::kBits},
                                    {QStringLiteral("version"), awqGemmVersionKey().toUpper()},
                                    {QStringLiteral("modules_to_not_convert"),
                                     plan.config.value(QStringLiteral("modules_to_not_convert"))}};
    format.extraJsonFiles = {{QLatin1String(kQuantConfigFileName), autoAwqConfig}};
    const QStringList notes = limitations(quantized);
    format.displayName = QStringLiteral("AWQ");
    format.card = options.card;
    PackedExport::write(quantized, outDir, options.replaceExisting, plan.folds, format, notes,
                        progress);
    return notes;
}

} // namespace qb
