#include "core/export/gptq_exporter.h"

#include "core/export/export_folder.h"
#include "core/export/packed_export.h"
#include "core/io/dtype.h"
#include "core/io/safetensors_writer.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace qb {

namespace {

// What a module becomes in the checkpoint: its GPTQ settings, or nullopt for a module stored
// unquantized (M.weight).
using Outcome = std::optional<GptqLayerSettings>;

// The settings a quantized tensor is stored with. symmetric: every zero point is 2^(bits−1), what
// symmetric kernels (Marlin, ExLlama) assume without reading qzeros.
GptqLayerSettings settingsOf(const QuantizedTensor& tensor)
{
    GptqLayerSettings settings;
    settings.bits = tensor.scheme.bits;
    settings.groupSize = PackedExport::groupSizeOf(tensor.scheme);
    settings.descAct = !tensor.groupIndex.empty();
    settings.symmetric = PackedExport::hasSymmetricGrid(tensor);
    return settings;
}

Outcome outcomeOf(const QuantizedModel& quantized, const LinearLayer& layer)
{
    const QuantizedLayer* q = quantized.find(layer.name);
    return q ? Outcome(settingsOf(q->tensor)) : std::nullopt;
}

// One role of the decoder blocks (or a family of fused roles sharing every block's outcome),
// across the blocks: what one `dynamic` rule with "\d+" for the block can cover.
struct RuleUnit {
    QString prefix;     // regex of the name before ".<block>.": "model\.layers"
    QString suffix;     // regex after it: "mlp\.down_proj", "self_attn\.(?:q_proj|…|qkv_proj)"
    QString fused;      // fused name of the role's family ("qkv_proj"), or empty
    QString parent;     // the name between block and role: "self_attn"
    QStringList leaves; // the roles covered: "q_proj", …
    std::vector<std::pair<int, Outcome>> blocks; // (block, outcome), in model order
};

// A `dynamic` rule: "+:pattern" with every setting, or "-:pattern" for a module left unquantized.
void addRule(QJsonObject& rules, const QString& pattern, const Outcome& outcome)
{
    rules.insert((outcome ? QStringLiteral("+:") : QStringLiteral("-:")) + pattern,
                 outcome ? outcome->toJson() : QJsonObject());
}

// The most common of `outcomes` (the first of equals).
template <typename Range> Outcome mostCommon(const Range& outcomes)
{
    Outcome best;
    int bestCount = 0;
    for (const Outcome& candidate : outcomes) {
        const int count = static_cast<int>(std::count(outcomes.begin(), outcomes.end(), candidate));
        if (count > bestCount) {
            best = candidate;
            bestCount = count;
        }
    }
    return best;
}

// The fewest `dynamic` rules that give every layer of `inventory` its outcome over `base`, no two
// rules matching the same module (so their order does not matter). Per role across the blocks:
// nothing when every block has the base setting; else either one exact rule per differing layer,
// or one rule for the role's most common setting that skips (negative lookahead) the blocks that
// differ from it, plus exact rules for those of them that differ from the base — whichever is
// fewer. Roles that vLLM fuses (q/k/v, gate/up) share one rule that also names the fused layer
// when every block gives them the same outcome. An unquantized lm_head needs no rule (the
// config's lm_head is false).
QJsonObject dynamicRulesFor(const LayerInventory& inventory,
                            const std::map<QString, Outcome>& outcomes,
                            const GptqLayerSettings& base)
{
    std::vector<RuleUnit> units;
    std::map<QString, std::size_t> unitByKey;
    QJsonObject rules;
    for (const LinearLayer& layer : inventory.layers()) {
        const Outcome& outcome = outcomes.at(layer.name);
        if (layer.block < 0) {
            const bool unquantizedLmHead = layer.role == LayerRole::LmHead && !outcome;
            if (outcome != Outcome(base) && !unquantizedLmHead)
                addRule(rules, QRegularExpression::escape(layer.name) + QLatin1Char('$'), outcome);
            continue;
        }
        const auto [prefix, suffix] = PackedExport::blockNameParts(layer);
        const QString key = prefix + QLatin1Char('|') + suffix;
        auto found = unitByKey.find(key);
        if (found == unitByKey.end()) {
            RuleUnit unit;
            unit.prefix = QRegularExpression::escape(prefix);
            unit.suffix = QRegularExpression::escape(suffix);
            // vLLM matches the rules against the fused layer's name, not the shards'.
            unit.fused = PackedExport::fusedName(layer.role);
            unit.parent = suffix.section(QLatin1Char('.'), 0, -2);
            unit.leaves = QStringList{suffix.section(QLatin1Char('.'), -1)};
            found = unitByKey.emplace(key, units.size()).first;
            units.push_back(std::move(unit));
        }
        units[found->second].blocks.emplace_back(layer.block, outcome);
    }

    // Fused families whose members agree in every block become one unit.
    std::vector<RuleUnit> merged;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (units[i].leaves.isEmpty())
            continue; // absorbed into an earlier member of its family
        RuleUnit unit = units[i];
        if (!unit.fused.isEmpty()) {
            std::vector<std::size_t> family{i};
            for (std::size_t j = i + 1; j < units.size(); ++j) {
                if (units[j].fused == unit.fused && units[j].prefix == unit.prefix
                    && units[j].parent == unit.parent)
                    family.push_back(j);
            }
            const bool agree = std::all_of(family.begin(), family.end(), [&](std::size_t j) {
                return units[j].blocks == unit.blocks;
            });
            if (family.size() > 1 && agree) {
                QStringList leaves;
                for (std::size_t j : family) {
                    leaves << units[j].leaves;
                    units[j].leaves.clear();
                }
                unit.leaves = leaves;
                unit.suffix = QStringLiteral("%1\\.(?:%2)")
                                  .arg(QRegularExpression::escape(unit.parent),
                                       (leaves + QStringList{unit.fused}).join(QLatin1Char('|')));
            }
        }
        merged.push_back(std::move(unit));
    }

    const Outcome baseOutcome(base);
    for (const RuleUnit& unit : merged) {
        std::vector<Outcome> all;
        std::vector<int> differing; // indices into unit.blocks
        for (std::size_t b = 0; b < unit.blocks.size(); ++b) {
            all.push_back(unit.blocks[b].second);
            if (unit.blocks[b].second != baseOutcome)
                differing.push_back(static_cast<int>(b));
        }
        if (differing.empty())
            continue;
        auto exact = [&](int b) {
            const auto& [block, outcome] = unit.blocks[static_cast<std::size_t>(b)];
            addRule(rules,
                    QStringLiteral("%1\\.%2\\.%3$")
                        .arg(unit.prefix, QString::number(block), unit.suffix),
                    outcome);
        };
        const Outcome common = mostCommon(all);
        std::vector<int> exceptions; // blocks the role rule must skip
        std::vector<int> exceptionsNeedingRules;
        for (std::size_t b = 0; b < unit.blocks.size(); ++b) {
            if (unit.blocks[b].second == common)
                continue;
            exceptions.push_back(static_cast<int>(b));
            if (unit.blocks[b].second != baseOutcome)
                exceptionsNeedingRules.push_back(static_cast<int>(b));
        }
        if (common == baseOutcome || 1 + exceptionsNeedingRules.size() >= differing.size()) {
            for (int b : differing)
                exact(b);
            continue;
        }
        QString skip;
        if (!exceptions.empty()) {
            QStringList numbers;
            for (int b : exceptions)
                numbers << QString::number(unit.blocks[static_cast<std::size_t>(b)].first);
            skip = QStringLiteral("(?!(?:%1)\\.)").arg(numbers.join(QLatin1Char('|')));
        }
        addRule(rules, QStringLiteral("%1\\.%2\\d+\\.%3$").arg(unit.prefix, skip, unit.suffix),
                common);
        for (int b : exceptionsNeedingRules)
            exact(b);
    }
    return rules;
}

} // namespace

struct GptqExporter::Plan {
    PackedExport::Folds folds; // input scales folded into the operations before them
    QJsonObject config;        // quantization_config
};

QString GptqExporter::packingProblem(const QString& name, std::int64_t rows, std::int64_t cols,
                                     int bits)
{
    if (!GptqPacking::supportsBits(bits))
        return tr("%1: %2-bit codes; GPTQ packs 2, 3, 4 or 8 bits").arg(name).arg(bits);
    if (!GptqPacking::fillsWords(cols, bits) || !GptqPacking::fillsWords(rows, bits))
        return tr("%1 [%2, %3]: GPTQ packs codes into 32-bit words, so at %4 bits both "
                  "dimensions must be multiples of %5")
            .arg(name)
            .arg(rows)
            .arg(cols)
            .arg(bits)
            .arg(bits == 3 ? 32 : 32 / bits);
    return {};
}

QString GptqExporter::v1Problem(const QString& name)
{
    return tr("%1 is asymmetric: GPTQ v1 stores each zero point minus one, so a zero point of 0 "
              "would wrap; export gptq_v2 (the default) instead")
        .arg(name);
}

QStringList GptqExporter::problemsFor(const QuantPlan& plan, const LayerInventory& inventory,
                                      const Options& options)
{
    QStringList problems;
    for (const PackedExport::PlannedLayer& planned : PackedExport::plannedLayers(plan, inventory)) {
        const LinearLayer& layer = *planned.layer;
        const QString problem = packingProblem(layer.name, layer.outFeatures, layer.inFeatures,
                                               planned.weightScheme.bits);
        if (!problem.isEmpty())
            problems << problem;
        else if (options.format == GptqFormat::V1 && !planned.weightScheme.symmetric)
            problems << v1Problem(layer.name);
    }
    return problems;
}

void GptqExporter::checkGrid(const QuantizedTensor& tensor, GptqFormat format, const QString& name,
                             std::span<const float> outputDivisor)
{
    const int bits = tensor.scheme.bits;
    PackedExport::GridMessages messages;
    messages.zeroNotCode = [&](float zero) {
        return tr("%1: zero point %2 is not a %3-bit code").arg(name).arg(zero).arg(bits);
    };
    if (format == GptqFormat::V1)
        messages.zeroRefused = [&](float zero) {
            return zero == 0.0f ? v1Problem(name) : QString();
        };
    messages.scaleOverflows = [&](float scale) {
        return tr("%1: scale %2 does not fit in float16, the type GPTQ stores "
                  "scales in")
            .arg(name)
            .arg(scale);
    };
    PackedExport::checkGrid(tensor, bits, DType::F16, outputDivisor, messages);
}

GptqExporter::PackedLayer GptqExporter::pack(const QuantizedTensor& tensor, GptqFormat format,
                                             const QString& name,
                                             std::span<const float> outputDivisor)
{
    const int bits = tensor.scheme.bits;
    const std::int64_t outputs = tensor.rows;
    const std::int64_t inputs = tensor.cols;
    if (const QString problem = packingProblem(name, outputs, inputs, bits); !problem.isEmpty())
        throw Error(problem);
    Q_ASSERT(static_cast<std::int64_t>(tensor.codes.size()) == outputs * inputs);
    Q_ASSERT(outputDivisor.empty() || static_cast<std::int64_t>(outputDivisor.size()) == outputs);
    checkGrid(tensor, format, name, outputDivisor);

    PackedLayer packed;
    packed.groups = tensor.groupsPerRow;
    const std::int64_t groups = packed.groups;

    packed.gIdx.resize(static_cast<std::size_t>(inputs));
    for (std::int64_t k = 0; k < inputs; ++k) {
        const std::int64_t g = tensor.groupOf(k);
        Q_ASSERT(g >= 0 && g < groups);
        packed.gIdx[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(g);
    }

    // qweight [K·bits/32, N]: output n's K codes packed down column n.
    if (!PackedExport::codesFit(tensor, bits))
        throw Error(tr("%1: a code does not fit in %2 bits").arg(name).arg(bits));
    const std::int64_t wordsPerColumn = GptqPacking::wordsFor(inputs, bits);
    packed.qweight.resize(static_cast<std::size_t>(wordsPerColumn * outputs));
    parallelFor(outputs, rowsPerChunk(inputs), [&](std::int64_t begin, std::int64_t end) {
        std::vector<std::uint32_t> column(static_cast<std::size_t>(wordsPerColumn));
        for (std::int64_t n = begin; n < end; ++n) {
            GptqPacking::pack(std::span(tensor.codes)
                                  .subspan(static_cast<std::size_t>(n * inputs),
                                           static_cast<std::size_t>(inputs)),
                              bits, column);
            for (std::int64_t w = 0; w < wordsPerColumn; ++w)
                packed.qweight[static_cast<std::size_t>(w * outputs + n)] =
                    column[static_cast<std::size_t>(w)];
        }
    });

    // qzeros [G, N·bits/32] packed along the outputs; scales [G, N] in float16.
    const std::int64_t zeroWordsPerRow = GptqPacking::wordsFor(outputs, bits);
    packed.qzeros.resize(static_cast<std::size_t>(groups * zeroWordsPerRow));
    packed.scales.resize(static_cast<std::size_t>(groups * outputs));
    std::vector<std::uint8_t> zeros(static_cast<std::size_t>(outputs));
    for (std::int64_t g = 0; g < groups; ++g) {
        for (std::int64_t n = 0; n < outputs; ++n) {
            const GridParams& p = tensor.params[static_cast<std::size_t>(n * groups + g)];
            const int zero = static_cast<int>(p.zero);
            zeros[static_cast<std::size_t>(n)] =
                static_cast<std::uint8_t>(format == GptqFormat::V1 ? zero - 1 : zero);
            const float scale = PackedExport::dividedScale(p.scale, outputDivisor, n);
            packed.scales[static_cast<std::size_t>(g * outputs + n)] = floatToHalf(scale);
        }
        GptqPacking::pack(zeros, bits,
                          std::span(packed.qzeros)
                              .subspan(static_cast<std::size_t>(g * zeroWordsPerRow),
                                       static_cast<std::size_t>(zeroWordsPerRow)));
    }
    return packed;
}

GptqExporter::Plan GptqExporter::makePlan(const QuantizedModel& quantized, const Options& options)
{
    const LoadedModel& model = *quantized.model;
    const LayerInventory& inventory = model.inventory();
    Plan plan;

    // The modules, and each quantized one packable.
    struct Module {
        const LinearLayer* layer = nullptr;
        const QuantizedLayer* quantized = nullptr; // null: stays M.weight
    };
    std::vector<Module> modules; // model order
    std::map<QString, Outcome> outcomes;
    std::vector<GptqLayerSettings> quantizedSettings;
    for (const LinearLayer& layer : inventory.layers()) {
        const QuantizedLayer* q = quantized.find(layer.name);
        modules.push_back({&layer, q});
        outcomes[layer.name] = outcomeOf(quantized, layer);
        if (!q)
            continue;
        const QuantizedTensor& tensor = q->tensor;
        if (tensor.codes.empty())
            throw Error(tr("%1: the run kept no integer codes for this layer").arg(layer.name));
        if (const QString problem =
                packingProblem(layer.name, tensor.rows, tensor.cols, tensor.scheme.bits);
            !problem.isEmpty())
            throw Error(problem);
        quantizedSettings.push_back(*outcomes[layer.name]);
    }
    if (quantizedSettings.empty())
        throw Error(tr("nothing is quantized: a GPTQ checkpoint needs at least one quantized "
                       "layer"));
    if (options.format == GptqFormat::V1) {
        for (const Module& module : modules) {
            if (module.quantized && !outcomes[module.layer->name]->symmetric)
                throw Error(v1Problem(module.layer->name));
        }
    }

    plan.folds = PackedExport::planFolds(quantized, QStringLiteral("GPTQ"));
    for (const Module& module : modules) {
        if (!module.quantized)
            continue;
        checkGrid(module.quantized->tensor, options.format, module.layer->name,
                  plan.folds.outputDivisorOf(module.layer->name));
    }

    // The top level: the most common setting. `dynamic`: the rest, checked layer by layer as a
    // loader will read it back (QJsonObject writes the keys sorted; the rules never overlap, so
    // any order gives the same result).
    const GptqLayerSettings base =
        *mostCommon(std::vector<Outcome>(quantizedSettings.begin(), quantizedSettings.end()));
    const QJsonObject dynamic = dynamicRulesFor(inventory, outcomes, base);
    const GptqDynamicRules written =
        GptqDynamicRules::fromJson(dynamic, {}, QStringLiteral("dynamic"));
    bool lmHead = false;
    for (const LinearLayer& layer : inventory.layers()) {
        const Outcome& wanted = outcomes[layer.name];
        const bool isLmHead = layer.role == LayerRole::LmHead;
        lmHead = lmHead || (isLmHead && wanted);
        const Outcome read = isLmHead && !wanted ? Outcome() : written.resolve(layer.name, base);
        if (written.allMatches(layer.name).size() > 1 || read != wanted)
            throw Error(tr("internal error: the dynamic rules written for %1 do not give it its "
                           "setting (%2)")
                            .arg(layer.name, wanted ? wanted->describe() : QStringLiteral("-:")));
    }

    const LayerQuantConfig& defaults = quantized.report.plan.defaults;
    const QString format = gptqFormatKey(options.format);
    plan.config = base.toJson();
    plan.config.insert(QStringLiteral("quant_method"), QStringLiteral("gptq"));
    plan.config.insert(QStringLiteral("checkpoint_format"), format);
    plan.config.insert(QStringLiteral("format"), format);
    plan.config.insert(QStringLiteral("static_groups"), defaults.staticGroups);
    plan.config.insert(QStringLiteral("true_sequential"), options.trueSequential);
    plan.config.insert(QStringLiteral("damp_percent"), defaults.damp);
    plan.config.insert(QStringLiteral("lm_head"), lmHead);
    plan.config.insert(QStringLiteral("dynamic"), dynamic);
    return plan;
}

QStringList GptqExporter::limitations(const QuantizedModel& quantized)
{
    const int activationLayers = PackedExport::activationRoundingLayers(quantized);
    const QStringList mixed =
        PackedExport::fusedFamiliesThatDiffer(quantized, [&](const LinearLayer& layer) {
            const Outcome outcome = outcomeOf(quantized, layer);
            return outcome ? outcome->describe() : QString();
        });

    QStringList result;
    if (activationLayers > 0)
        result << tr("%n layer(s) round their input activations to int8 (W8A8); a GPTQ "
                     "checkpoint stores only weights, so its loaders compute those layers with "
                     "full-precision activations",
                     nullptr, activationLayers);
    if (!mixed.isEmpty())
        result << tr("vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer "
                     "each, and their settings differ in %1")
                      .arg(mixed.join(QStringLiteral(", ")));
    if (!quantized.report.complete)
        result << ExportFolder::incompleteRunLimitation();
    return result;
}

QStringList GptqExporter::run(const QuantizedModel& quantized, const QString& outDir,
                              const Options& options, Progress& progress)
{
    const Plan plan = makePlan(quantized, options);
    PackedExport::Format format;
    format.metadataTag = gptqFormatKey(options.format);
    format.tensorsOf = [](const LinearLayer& layer, const QuantizedTensor& q) {
        const int bits = q.scheme.bits;
        return std::vector<TensorHeader>{
            {layer.name + QStringLiteral(".qweight"),
             DType::I32,
             {GptqPacking::wordsFor(q.cols, bits), q.rows}},
            {layer.name + QStringLiteral(".qzeros"),
             DType::I32,
             {q.groupsPerRow, GptqPacking::wordsFor(q.rows, bits)}},
            {layer.name + QStringLiteral(".scales"), DType::F16, {q.groupsPerRow, q.rows}},
            {layer.name + QStringLiteral(".g_idx"), DType::I32, {q.cols}}};
    };
    format.writeTensors = [&](const LinearLayer& layer, const QuantizedTensor& q,
                              std::span<const float> outputDivisor,
                              const PackedExport::TensorSink& sink) {
        const PackedLayer packed = pack(q, options.format, layer.name, outputDivisor);
        sink(PackedExport::bytesOf(packed.qweight));
        sink(PackedExport::bytesOf(packed.qzeros));
        sink(PackedExport::bytesOf(packed.scales));
        sink(PackedExport::bytesOf(packed.gIdx));
    };
    format.quantizationConfig = plan.config;
    format.extraJsonFiles = {{QLatin1String(kQuantizeConfigFileName), plan.config}};
    const QStringList notes = limitations(quantized);
    format.displayName = QStringLiteral("GPTQ");
    format.card = options.card;
    PackedExport::write(quantized, outDir, options.replaceExisting, plan.folds, format, notes,
                        progress);
    return notes;
}

} // namespace qb
