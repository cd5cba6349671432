#include "core/analysis/layer_input_profile.h"

#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/quant/gptq_quantizer.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qb {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1)
        return *middle;
    const double upper = *middle;
    const double lower = *std::max_element(values.begin(), middle);
    return (lower + upper) / 2.0;
}

const LinearLayer& layerNamed(const LoadedModel& model, const QString& layerName)
{
    const LinearLayer* layer = model.inventory().find(layerName);
    if (!layer)
        throw Error(
            LayerInputProfiler::tr("the model has no linear layer named \"%1\"").arg(layerName));
    return *layer;
}

// The part every profile shares: the layer, its weight's column statistics and the site's
// per-channel statistics, with the act-order and dead channels they imply.
std::shared_ptr<LayerInputProfile> baseProfile(const LoadedModel& model, const LinearLayer& layer,
                                               const InputChannelStats& channels)
{
    const auto in = static_cast<std::size_t>(layer.inFeatures);
    if (static_cast<std::size_t>(channels.absMean.size()) != in
        || static_cast<std::size_t>(channels.squareSum.size()) != in
        || static_cast<std::size_t>(channels.absMax.size()) != in)
        throw Error(LayerInputProfiler::tr("%1: the input statistics have %2 channels, the layer "
                                           "has %3 inputs")
                        .arg(layer.name)
                        .arg(channels.absMean.size())
                        .arg(layer.inFeatures));
    auto profile = std::make_shared<LayerInputProfile>();
    profile->layerName = layer.name;
    profile->block = layer.block;
    profile->site = channels.site;
    profile->outFeatures = layer.outFeatures;
    profile->inFeatures = layer.inFeatures;
    profile->rows = channels.tokens;
    profile->absMean.assign(channels.absMean.begin(), channels.absMean.end());
    profile->absMax.resize(in);
    for (std::size_t j = 0; j < in; ++j)
        profile->absMax[j] = channels.absMax[static_cast<Eigen::Index>(j)];
    profile->hessianDiagonal.assign(channels.squareSum.begin(), channels.squareSum.end());

    // Column statistics of W [out, in] (row-major), in double.
    const std::vector<float> weight = model.readWeight(layer);
    std::vector<double> squares(in, 0.0);
    profile->weightColumnMaxAbs.assign(in, 0.0);
    for (std::int64_t r = 0; r < layer.outFeatures; ++r) {
        const float* row = weight.data() + static_cast<std::size_t>(r) * in;
        for (std::size_t j = 0; j < in; ++j) {
            const double w = row[j];
            squares[j] += w * w;
            profile->weightColumnMaxAbs[j] = std::max(profile->weightColumnMaxAbs[j], std::abs(w));
        }
    }
    profile->weightColumnNorm.resize(in);
    for (std::size_t j = 0; j < in; ++j)
        profile->weightColumnNorm[j] = std::sqrt(squares[j]);

    // GPTQ's order: descending diagonal, stable; dead channels (diagonal 0) count as 1 there
    // (GptqQuantizer sets them so before sorting), which puts them after any channel with more
    // energy than that.
    std::vector<double> sortKey = profile->hessianDiagonal;
    for (std::size_t j = 0; j < in; ++j) {
        if (sortKey[j] == 0.0) {
            sortKey[j] = 1.0;
            profile->deadChannels.push_back(static_cast<int>(j));
        }
    }
    profile->actOrder.resize(in);
    std::iota(profile->actOrder.begin(), profile->actOrder.end(), 0);
    std::stable_sort(profile->actOrder.begin(), profile->actOrder.end(), [&](int a, int b) {
        return sortKey[std::size_t(a)] > sortKey[std::size_t(b)];
    });
    return profile;
}

// What a run did to the layer, into the profile.
void addQuantization(LayerInputProfile& profile, const QuantizedLayer& layer)
{
    profile.quantizedWith = layer.config.method;
    profile.dampingUsed = layer.dampingUsed;
    profile.dampingRaises = layer.dampingRaises;
    profile.fellBackToRtn = layer.fellBackToRtn;
    if (layer.conditionEstimate > 0.0) {
        profile.conditionEstimate = layer.conditionEstimate;
        profile.conditionDamp = layer.dampingUsed;
    }
    if (layer.permutation.size() == static_cast<std::size_t>(profile.inFeatures))
        profile.actOrder.assign(layer.permutation.begin(), layer.permutation.end());
    if (!layer.inputScale.empty()) {
        profile.inputScale.assign(layer.inputScale.begin(), layer.inputScale.end());
        profile.scaleKind = layer.config.method == QuantMethod::Awq
                                ? LayerInputProfile::ScaleKind::Awq
                                : LayerInputProfile::ScaleKind::SmoothQuant;
    }
}

} // namespace

double LayerInputProfile::medianAbsMean() const
{
    return median(absMean);
}

double LayerInputProfile::medianAbsMax() const
{
    return median(absMax);
}

std::vector<int> LayerInputProfile::topChannels(int k, bool byMax) const
{
    const std::vector<double>& values = byMax ? absMax : absMean;
    std::vector<int> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    const auto count = static_cast<std::size_t>(std::clamp(k, 0, static_cast<int>(values.size())));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count),
                      order.end(), [&](int a, int b) {
                          const double va = values[std::size_t(a)];
                          const double vb = values[std::size_t(b)];
                          return va > vb || (va == vb && a < b);
                      });
    order.resize(count);
    return order;
}

std::shared_ptr<const LayerInputProfile> LayerInputProfiler::fromRun(const QuantizedModel& run,
                                                                     const QString& layerName)
{
    const LinearLayer& layer = layerNamed(*run.model, layerName);
    const auto it = run.inputChannels.find(layer.inputGroup);
    if (it == run.inputChannels.end())
        return nullptr;
    std::shared_ptr<LayerInputProfile> profile = baseProfile(*run.model, layer, it->second);
    profile->source = LayerInputProfile::Source::QuantizationRun;
    profile->computedAt = run.finished;
    if (const LayerReport* report = run.report.find(layerName))
        profile->config = report->config;
    if (const QuantizedLayer* quantized = run.find(layerName))
        addQuantization(*profile, *quantized);
    return profile;
}

std::vector<std::vector<int>>
LayerInputProfiler::fittingWindows(std::vector<std::vector<int>> windows, double holdoutFraction)
{
    const int held =
        QuantizationPipeline::heldOutWindowCount(static_cast<int>(windows.size()), holdoutFraction);
    windows.resize(windows.size() - static_cast<std::size_t>(held));
    return windows;
}

std::shared_ptr<const InputSiteMeasurement>
LayerInputProfiler::measureSite(const std::shared_ptr<const LoadedModel>& model, int inputGroup,
                                const std::vector<std::vector<int>>& windows, double damp,
                                Progress& progress)
{
    const LayerInventory& inventory = model->inventory();
    if (inputGroup < 0 || inputGroup >= static_cast<int>(inventory.inputGroups().size()))
        throw Error(tr("there is no input site %1 in the model").arg(inputGroup));
    if (windows.empty())
        throw Error(tr("there is no calibration window to run"));
    const LinearLayer& first = inventory.layers()[static_cast<std::size_t>(
        inventory.inputGroups()[static_cast<std::size_t>(inputGroup)].front())];
    const int blocks = model->spec().numHiddenLayers;
    const int target = first.block; // -1: lm_head, after every block
    const int runBlocks = target < 0 ? blocks : target + 1;

    const TransformerRunner runner(model);
    progress.report(0.0, tr("Looking up the token embeddings of %n calibration window(s)", nullptr,
                            static_cast<int>(windows.size())));
    HiddenStates states = runner.embed(windows);
    InputStatsRecorder recorder(inventory, target, 0, 0);
    recorder.select({inputGroup}, {inputGroup});
    for (int b = 0; b < runBlocks; ++b) {
        progress.throwIfCancelled();
        progress.report(double(b) / (runBlocks + 1),
                        tr("Full-precision pass: block %1 of %2").arg(b + 1).arg(runBlocks));
        runner.runBlock(b, states, b == target ? &recorder : nullptr, 0, &progress);
    }
    if (target < 0) {
        RowMatrix rows = runner.finalNormRows(states.values);
        recorder.onInput(inputGroup, rows);
    }
    std::map<int, InputStats> stats = recorder.take();
    const auto it = stats.find(inputGroup);
    if (it == stats.end() || it->second.tokens == 0)
        throw Error(tr("the calibration pass did not reach input site %1").arg(first.name));
    progress.throwIfCancelled();
    progress.report(double(runBlocks) / (runBlocks + 1),
                    tr("Estimating the condition of the damped Hessian"));
    auto measurement = std::make_shared<InputSiteMeasurement>();
    measurement->channels = InputChannelStats::of(it->second);
    measurement->damp = damp;
    measurement->conditionEstimate = GptqQuantizer::dampedConditionEstimate(it->second.xtx, damp);
    measurement->measuredAt = QDateTime::currentDateTime();
    progress.report(1.0);
    return measurement;
}

std::shared_ptr<const LayerInputProfile>
LayerInputProfiler::fromMeasurement(const LoadedModel& model, const QString& layerName,
                                    const InputSiteMeasurement& measurement,
                                    const LayerQuantConfig& config, const QuantizedLayer* quantized)
{
    const LinearLayer& layer = layerNamed(model, layerName);
    if (measurement.channels.inputGroup != layer.inputGroup)
        throw Error(tr("%1: the measurement is of another input site").arg(layerName));
    std::shared_ptr<LayerInputProfile> profile = baseProfile(model, layer, measurement.channels);
    profile->source = LayerInputProfile::Source::FullPrecisionCalibration;
    profile->computedAt = measurement.measuredAt;
    profile->config = config;
    profile->conditionEstimate = measurement.conditionEstimate;
    profile->conditionDamp = measurement.damp;
    if (quantized)
        addQuantization(*profile, *quantized);
    return profile;
}

} // namespace qb
