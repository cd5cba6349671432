#include "core/analysis/rounding_lab.h"

#include "core/calib/input_stats.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/quant/awq_quantizer.h"
#include "core/quant/group_scan.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "core/util/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace qb {

namespace {

// Standard normals by Box–Muller: the synthetic source is small, speed does not matter.
class Gaussian {
public:
    explicit Gaussian(std::uint64_t seed)
        : m_rng(seed)
    {
    }
    double next()
    {
        const double u = 1.0 - m_rng.uniform(); // (0, 1]
        const double v = m_rng.uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }

private:
    Xoshiro256 m_rng;
};

// The synthetic weights' standard deviation: typical of a trained LLM's linear layers.
constexpr double kSyntheticSigma = 0.02;
// The synthetic input channel with large activations, and how much larger.
constexpr std::int64_t kOutlierChannel = 5;
constexpr double kOutlierActivation = 10.0;

} // namespace

QuantScheme RoundingLabSettings::scheme() const
{
    return QuantScheme::fromGroupSizeCode(bits, symmetric,
                                          groupSize > 0 ? groupSize : QuantScheme::kPerChannel);
}

int RoundingLabResult::groupOf(std::int64_t i) const
{
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (i >= groups[g].first && i < groups[g].first + groups[g].count)
            return static_cast<int>(g);
    }
    return -1;
}

RoundingLabResult RoundingLab::round(const RoundingLabSource& source,
                                     const RoundingLabSettings& settings)
{
    Q_ASSERT(settings.row >= 0 && settings.row < source.rows);
    RoundingLabResult result;
    result.settings = settings;
    result.scheme = settings.scheme();
    Q_ASSERT(result.scheme.validationError().isEmpty());

    // The vector: the whole row, or one group of it.
    std::int64_t first = 0;
    std::int64_t n = source.cols;
    if (settings.onlyGroup >= 0) {
        const GroupLayout rowLayout(result.scheme, source.cols);
        Q_ASSERT(settings.onlyGroup < rowLayout.groups);
        first = rowLayout.first(settings.onlyGroup);
        n = rowLayout.count(settings.onlyGroup, source.cols);
    }
    result.firstColumn = first;
    const float* w = source.row(settings.row) + first;
    result.original.assign(w, w + n);

    // The AWQ-style channel scales over the vector's channels.
    const LabActivations* activations = source.activations.get();
    result.usesScales = activations && settings.awqAlpha > 0.0;
    if (result.usesScales)
        result.scales =
            AwqQuantizer::scalesForRatio(activations->meanAbs.segment(first, n), settings.awqAlpha);
    else
        result.scales.assign(static_cast<std::size_t>(n), 1.0f);

    result.scaled.resize(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < result.scaled.size(); ++i)
        result.scaled[i] = result.original[i] * result.scales[i];

    // Groups of the vector (one group when the vector is a group, or per row).
    const QuantScheme vectorScheme =
        settings.onlyGroup >= 0 ? QuantScheme::fromGroupSizeCode(settings.bits, settings.symmetric,
                                                                 QuantScheme::kPerChannel)
                                : result.scheme;
    const GroupLayout layout(vectorScheme, n);
    const float maxCode = static_cast<float>(result.scheme.maxCode());
    const auto factor = static_cast<float>(settings.clipRatio);
    result.codes.resize(static_cast<std::size_t>(n));
    result.roundedScaled.resize(static_cast<std::size_t>(n));
    result.rounded.resize(static_cast<std::size_t>(n));
    result.error.resize(static_cast<std::size_t>(n));
    result.groups.resize(static_cast<std::size_t>(layout.groups));
    double squares = 0.0;
    for (std::int64_t g = 0; g < layout.groups; ++g) {
        RoundingLabGroup& group = result.groups[static_cast<std::size_t>(g)];
        group.first = layout.first(g);
        group.count = layout.count(g, n);
        const float* values = result.scaled.data() + group.first;
        minMax(values, group.count, group.min, group.max);
        const ShrunkGrid grid = shrunkGrid(group.min, group.max, factor, result.scheme);
        group.clipLow = grid.lo;
        group.clipHigh = grid.hi;
        group.params = grid.params;
        group.levels.resize(static_cast<std::size_t>(result.scheme.maxCode() + 1));
        for (std::size_t k = 0; k < group.levels.size(); ++k)
            group.levels[k] = dequantizeCode(static_cast<float>(k), grid.params);
        for (std::int64_t c = group.first; c < group.first + group.count; ++c) {
            const auto i = static_cast<std::size_t>(c);
            const float v = result.scaled[i];
            if (v < grid.lo || v > grid.hi)
                ++group.clipped;
            const float code = codeOnShrunkGrid(v, grid, maxCode);
            result.codes[i] = static_cast<std::uint8_t>(code);
            result.roundedScaled[i] = dequantizeCode(code, grid.params);
            result.rounded[i] = result.usesScales ? result.roundedScaled[i] / result.scales[i]
                                                  : result.roundedScaled[i];
            result.error[i] = result.rounded[i] - result.original[i];
            const double e = result.error[i];
            squares += e * e;
            result.maxError = std::max(result.maxError, std::abs(e));
        }
        result.clipped += group.clipped;
    }
    result.mse = n > 0 ? squares / double(n) : 0.0;

    if (activations && activations->tokens > 0 && activations->xtx.rows() == source.cols) {
        const Eigen::Map<const Eigen::VectorXf> delta(result.error.data(), n);
        const Eigen::VectorXd d = delta.cast<double>();
        result.outputError =
            d.dot(activations->xtx.block(first, first, n, n) * d) / double(activations->tokens);
    }
    return result;
}

RoundingLabSource RoundingLab::synthetic(std::int64_t length, double outlierSize,
                                         std::uint64_t seed)
{
    Q_ASSERT(length > 0);
    RoundingLabSource source;
    source.rows = kSyntheticRows;
    source.layerRows = kSyntheticRows;
    source.cols = length;
    source.weight.resize(static_cast<std::size_t>(source.rows * length));
    // The weights do not depend on the outlier size (only one value does), so dragging the
    // slider moves one point and everything else stays put.
    Gaussian weights(seed);
    for (float& value : source.weight)
        value = static_cast<float>(kSyntheticSigma * weights.next());
    source.outlierColumn = std::min(length - 1, length / 2 + 3);
    source.weight[static_cast<std::size_t>(source.outlierColumn)] =
        static_cast<float>(outlierSize * kSyntheticSigma);

    source.outlierActivationChannel = length > kOutlierChannel ? kOutlierChannel : -1;
    source.activations = syntheticActivations(length, mix64(seed ^ 0x5eedULL));
    source.description = tr("synthetic: %1 weights ~ N(0, 0.02²), one weight of %2 σ")
                             .arg(length)
                             .arg(outlierSize, 0, 'g', 3);
    return source;
}

std::shared_ptr<const LabActivations> RoundingLab::syntheticActivations(std::int64_t channels,
                                                                        std::uint64_t seed)
{
    auto activations = std::make_shared<LabActivations>();
    activations->synthetic = true;
    activations->tokens = kSyntheticTokens;
    Eigen::MatrixXd x(kSyntheticTokens, channels);
    Gaussian inputs(seed);
    for (Eigen::Index t = 0; t < x.rows(); ++t) {
        for (Eigen::Index j = 0; j < channels; ++j)
            x(t, j) = (j == kOutlierChannel ? kOutlierActivation : 1.0) * inputs.next();
    }
    activations->xtx = x.transpose() * x;
    activations->meanAbs = x.cwiseAbs().colwise().mean().transpose();
    return activations;
}

RoundingLabSource RoundingLab::fromLayer(const LoadedModel& model, const QString& layerName,
                                         std::int64_t firstRow, std::int64_t count,
                                         std::shared_ptr<const LabActivations> activations)
{
    const LinearLayer* layer = model.inventory().find(layerName);
    if (!layer)
        throw Error(tr("the model has no linear layer %1").arg(layerName));
    RoundingLabSource source;
    source.layerName = layerName;
    source.cols = layer->inFeatures;
    source.layerRows = layer->outFeatures;
    // Rows near the end: the window moves back so that it still holds `count` rows.
    source.rows = std::clamp<std::int64_t>(count, 1, layer->outFeatures);
    source.firstRow = std::clamp<std::int64_t>(firstRow, 0, layer->outFeatures - source.rows);
    const std::vector<float> weight = model.readWeight(*layer);
    const auto begin = weight.begin() + source.firstRow * source.cols;
    source.weight.assign(begin, begin + source.rows * source.cols);
    if (activations && activations->meanAbs.size() == source.cols)
        source.activations = std::move(activations);
    source.description =
        tr("%1, row %2 of %3").arg(layerName).arg(source.firstRow).arg(layer->outFeatures);
    return source;
}

std::shared_ptr<const LabActivations>
RoundingLab::recordActivations(const std::shared_ptr<const LoadedModel>& model,
                               const QString& layerName,
                               const std::vector<std::vector<int>>& windows, Progress& progress)
{
    const LinearLayer* layer = model->inventory().find(layerName);
    if (!layer)
        throw Error(tr("the model has no linear layer %1").arg(layerName));
    if (layer->block < 0)
        throw Error(
            tr("%1 is not in a decoder block: its inputs are not recorded here").arg(layerName));
    if (windows.empty())
        throw Error(tr("there is no calibration window to run"));
    const TransformerRunner runner(model);
    HiddenStates states = runner.embed(windows);
    for (int b = 0; b < layer->block; ++b) {
        progress.throwIfCancelled();
        progress.report(double(b) / (layer->block + 1),
                        tr("Running block %1 of %2").arg(b + 1).arg(layer->block + 1));
        runner.runBlock(b, states, nullptr, 0, &progress);
    }
    InputStatsRecorder recorder(model->inventory(), layer->block, 0, 0);
    recorder.select({layer->inputGroup}, {layer->inputGroup});
    progress.report(double(layer->block) / (layer->block + 1),
                    tr("Recording the inputs of %1").arg(layerName));
    runner.runBlock(layer->block, states, &recorder, 0, &progress);
    std::map<int, InputStats> stats = recorder.take();
    const auto found = stats.find(layer->inputGroup);
    if (found == stats.end() || found->second.tokens == 0)
        throw Error(tr("%1: no input was recorded").arg(layerName));
    auto activations = std::make_shared<LabActivations>();
    activations->tokens = found->second.tokens;
    activations->meanAbs = found->second.absMean();
    activations->xtx = std::move(found->second.xtx);
    progress.report(1.0);
    return activations;
}

} // namespace qb
