#include "core/quant/smooth_quant.h"

#include "core/util/error.h"
#include "core/util/parallel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace qb {

// Translation context of this file's messages (its API is free functions).
class SmoothQuant {
    Q_DECLARE_TR_FUNCTIONS(SmoothQuant)
};

namespace {

// The reference's clamps: torch's clamp(min=1e-5) on float32 tensors compares with 1e-5f.
constexpr float kMinMagnitude = 1e-5f;
// 2^(8−1) − 1: the largest int8 code of the symmetric absmax grid.
constexpr float kInt8Max = 127.0f;
constexpr float kInt8Zero = 128.0f;

void checkFinite(const LayerWeightView& layer)
{
    const auto bad = std::find_if(layer.weight.begin(), layer.weight.end(),
                                  [](float w) { return !std::isfinite(w); });
    if (bad != layer.weight.end()) {
        const auto index = static_cast<std::int64_t>(bad - layer.weight.begin());
        throw Error(SmoothQuant::tr("%1: the weight at [%2, %3] is not finite; W8A8 and "
                                    "SmoothQuant need finite weights")
                        .arg(layer.name)
                        .arg(index / std::max<std::int64_t>(layer.inFeatures, 1))
                        .arg(index % std::max<std::int64_t>(layer.inFeatures, 1)));
    }
}

void checkShape(const LayerWeightView& layer)
{
    Q_ASSERT(static_cast<std::int64_t>(layer.weight.size())
             == layer.outFeatures * layer.inFeatures);
    (void)layer;
}

QString formatNumber(double value)
{
    return QLocale().toString(value, 'g', 4);
}

} // namespace

QuantScheme w8a8WeightScheme()
{
    return QuantScheme::fromGroupSizeCode(8, true, QuantScheme::kPerChannel);
}

std::vector<float> groupWeightColumnAbsMax(std::span<const LayerWeightView> layers)
{
    if (layers.empty())
        return {};
    const std::int64_t cols = layers.front().inFeatures;
    std::vector<float> maxima(static_cast<std::size_t>(cols), 0.0f);
    for (const LayerWeightView& layer : layers) {
        checkShape(layer);
        if (layer.inFeatures != cols)
            throw Error(SmoothQuant::tr("%1 and %2 read the same input but have %3 and %4 input "
                                        "features")
                            .arg(layers.front().name, layer.name)
                            .arg(cols)
                            .arg(layer.inFeatures));
        checkFinite(layer);
        // Each chunk owns a run of columns and walks every row over it.
        const std::int64_t minColumns = std::max<std::int64_t>(
            8, (std::int64_t(1) << 16) / std::max<std::int64_t>(layer.outFeatures, 1));
        parallelFor(cols, minColumns, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t r = 0; r < layer.outFeatures; ++r) {
                const float* row = layer.weight.data() + r * cols;
                for (std::int64_t c = begin; c < end; ++c)
                    maxima[static_cast<std::size_t>(c)] =
                        std::max(maxima[static_cast<std::size_t>(c)], std::abs(row[c]));
            }
        });
    }
    return maxima;
}

std::vector<float> smoothingScales(std::span<const float> activationAbsMax,
                                   std::span<const float> weightAbsMax, double alpha)
{
    if (!(alpha >= 0.0 && alpha <= 1.0))
        throw Error(SmoothQuant::tr("the SmoothQuant α must be between 0 and 1, not %1")
                        .arg(formatNumber(alpha)));
    if (activationAbsMax.size() != weightAbsMax.size())
        throw Error(SmoothQuant::tr("the inputs have %1 channels but the weights %2 input features")
                        .arg(activationAbsMax.size())
                        .arg(weightAbsMax.size()));
    std::vector<float> s(activationAbsMax.size());
    for (std::size_t j = 0; j < s.size(); ++j) {
        const float a = activationAbsMax[j];
        const float w = std::max(weightAbsMax[j], kMinMagnitude);
        // Each power rounded to float once, as torch.pow on a float32 tensor returns it.
        const auto numerator = static_cast<float>(std::pow(static_cast<double>(a), alpha));
        const auto denominator = static_cast<float>(std::pow(static_cast<double>(w), 1.0 - alpha));
        const float scale = numerator / denominator;
        // NaN compares false: a NaN scale is kept (and refused below), as the reference keeps it.
        s[j] = scale < kMinMagnitude ? kMinMagnitude : scale;
        if (!std::isfinite(s[j]))
            throw Error(SmoothQuant::tr("the smoothing scale of input channel %1 is not finite "
                                        "(max |x| = %2, max |w| = %3)")
                            .arg(j)
                            .arg(formatNumber(a), formatNumber(weightAbsMax[j])));
    }
    return s;
}

std::vector<float> groupSmoothingScales(std::span<const LayerWeightView> layers,
                                        const LayerInputs& inputs, double alpha)
{
    if (layers.empty())
        return {};
    const QString& name = layers.front().name;
    if (!inputs.absMax)
        throw Error(SmoothQuant::tr("%1: smoothing needs the maximum |x| of the layer's inputs "
                                    "from calibration")
                        .arg(name));
    if (inputs.absMax->size() != layers.front().inFeatures)
        throw Error(SmoothQuant::tr("%1: the calibration statistics have %2 input channels, the "
                                    "layer %3")
                        .arg(name)
                        .arg(inputs.absMax->size())
                        .arg(layers.front().inFeatures));
    const std::vector<float> weightMax = groupWeightColumnAbsMax(layers);
    try {
        return smoothingScales(
            {inputs.absMax->data(), static_cast<std::size_t>(inputs.absMax->size())}, weightMax,
            alpha);
    } catch (const Error& error) {
        throw Error(SmoothQuant::tr("%1: %2").arg(name, error.message()));
    }
}

void scaleWeightColumns(std::span<float> weight, std::int64_t rows, std::int64_t cols,
                        std::span<const float> s)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    Q_ASSERT(static_cast<std::int64_t>(s.size()) == cols);
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            float* row = weight.data() + r * cols;
            for (std::int64_t c = 0; c < cols; ++c)
                row[c] *= s[static_cast<std::size_t>(c)];
        }
    });
}

void divideInputChannels(RowMatrix& x, std::span<const float> s)
{
    const std::int64_t cols = x.cols();
    Q_ASSERT(static_cast<std::int64_t>(s.size()) == cols);
    parallelFor(x.rows(), rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            float* row = x.data() + r * cols;
            for (std::int64_t c = 0; c < cols; ++c)
                row[c] /= s[static_cast<std::size_t>(c)];
        }
    });
}

void rescaleXtxForInputScale(Eigen::MatrixXd& xtx, std::span<const float> s)
{
    const std::int64_t k = xtx.rows();
    Q_ASSERT(xtx.cols() == k && static_cast<std::int64_t>(s.size()) == k);
    // Column-major: one column per inner loop.
    parallelFor(k, rowsPerChunk(k), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t j = begin; j < end; ++j) {
            const double sj = s[static_cast<std::size_t>(j)];
            double* column = xtx.data() + j * k;
            for (std::int64_t i = 0; i < k; ++i)
                column[i] /= static_cast<double>(s[static_cast<std::size_t>(i)]) * sj;
        }
    });
}

QuantizedTensor quantizeWeightInt8PerChannel(std::span<const float> weight, std::int64_t rows,
                                             std::int64_t cols, const QString& name)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    checkFinite(LayerWeightView{name, {}, weight, rows, cols});
    QuantizedTensor result = QuantizedTensor::allocate(w8a8WeightScheme(), rows, cols);
    Q_ASSERT(result.groupsPerRow == 1 || cols == 0);
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            const float* row = weight.data() + r * cols;
            float maxAbs = 0.0f;
            for (std::int64_t c = 0; c < cols; ++c)
                maxAbs = std::max(maxAbs, std::abs(row[c]));
            const float scale = std::max(maxAbs, kMinMagnitude) / kInt8Max;
            result.params[static_cast<std::size_t>(r)] = GridParams{scale, kInt8Zero};
            for (std::int64_t c = 0; c < cols; ++c) {
                // |w| / scale ≤ max|w| / (max|w| / 127) rounds to at most 127: no clamp needed.
                const float q = std::nearbyint(row[c] / scale);
                Q_ASSERT(q >= -kInt8Max && q <= kInt8Max);
                result.codes[static_cast<std::size_t>(r * cols + c)] =
                    static_cast<std::uint8_t>(q + kInt8Zero);
            }
        }
    });
    return result;
}

std::vector<QuantizedLayer> smoothQuantGroup(std::span<const LayerWeightView> layers,
                                             const LayerInputs& inputs, double alpha)
{
    QElapsedTimer timer;
    timer.start();
    const std::vector<float> s = groupSmoothingScales(layers, inputs, alpha);
    const double sharedSeconds =
        layers.empty() ? 0.0 : timer.nsecsElapsed() * 1e-9 / static_cast<double>(layers.size());
    const auto [smallest, largest] = std::minmax_element(s.begin(), s.end());
    const QString note =
        s.empty() ? QString()
                  : SmoothQuant::tr("α = %1, smoothing scales %2 to %3")
                        .arg(formatNumber(alpha), formatNumber(*smallest), formatNumber(*largest));

    std::vector<QuantizedLayer> results;
    results.reserve(layers.size());
    for (const LayerWeightView& layer : layers) {
        timer.restart();
        std::vector<float> scaled(layer.weight.begin(), layer.weight.end());
        scaleWeightColumns(scaled, layer.outFeatures, layer.inFeatures, s);
        QuantizedLayer result;
        result.name = layer.name;
        result.config = layer.config;
        result.tensor =
            quantizeWeightInt8PerChannel(scaled, layer.outFeatures, layer.inFeatures, layer.name);
        result.weight = result.tensor.dequantize();
        result.inputScale = s;
        result.quantizedActivations = true;
        result.details = note;
        result.seconds = sharedSeconds + timer.nsecsElapsed() * 1e-9;
        results.push_back(std::move(result));
    }
    return results;
}

QuantizedLayer w8a8Layer(const LayerWeightView& layer)
{
    QElapsedTimer timer;
    timer.start();
    checkShape(layer);
    QuantizedLayer result;
    result.name = layer.name;
    result.config = layer.config;
    result.tensor =
        quantizeWeightInt8PerChannel(layer.weight, layer.outFeatures, layer.inFeatures, layer.name);
    result.weight = result.tensor.dequantize();
    result.quantizedActivations = true;
    result.seconds = timer.nsecsElapsed() * 1e-9;
    return result;
}

} // namespace qb
