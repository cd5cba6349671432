#include "core/metrics/weight_histogram.h"

#include "core/model/loaded_model.h"
#include "core/quant/quantized_layer.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

std::shared_ptr<const WeightHistogram>
WeightHistogramBuilder::compute(const LoadedModel& model, const HistogramRequest& request,
                                Progress& progress, const QuantizedLayer* run)
{
    const LinearLayer* layer = model.inventory().find(request.layerName);
    if (!layer)
        throw Error(tr("the model has no linear layer named \"%1\"").arg(request.layerName));
    progress.report(0.0, tr("Reading %1").arg(layer->name));
    const std::vector<float> weight = model.readWeight(*layer);
    progress.throwIfCancelled();
    auto histogram = std::make_shared<WeightHistogram>(
        fromWeights(weight, layer->outFeatures, layer->inFeatures, request, run));
    progress.report(1.0);
    return histogram;
}

WeightHistogram WeightHistogramBuilder::fromWeights(std::span<const float> weight,
                                                    std::int64_t rows, std::int64_t cols,
                                                    const HistogramRequest& request,
                                                    const QuantizedLayer* run)
{
    WeightHistogram h;
    h.request = request;
    h.rows = rows;
    h.cols = cols;
    const QuantScheme& scheme = request.config.scheme;
    const bool gridValid =
        request.config.method != QuantMethod::None && scheme.validationError().isEmpty();
    // Group geometry of the chosen scheme (a single group per row when no grid is drawn).
    const QuantScheme geometry = gridValid ? scheme : QuantScheme::fromGroupSizeCode(4, false, -1);
    const std::int64_t width = geometry.groupWidth(cols);
    const std::int64_t groups = geometry.groupsPerRow(cols);
    h.request.row = std::clamp<std::int64_t>(request.row, 0, std::max<std::int64_t>(rows - 1, 0));
    h.request.group =
        std::clamp<std::int64_t>(request.group, 0, std::max<std::int64_t>(groups - 1, 0));
    h.groupFirstColumn = h.request.group * width;
    h.groupColumns = std::min(width, cols - h.groupFirstColumn);

    // The scope as a set of (row range, column range).
    std::int64_t rowBegin = 0, rowEnd = rows, colBegin = 0, colEnd = cols;
    if (request.scope != HistogramScope::Layer) {
        rowBegin = h.request.row;
        rowEnd = rowBegin + 1;
    }
    if (request.scope == HistogramScope::Group) {
        colBegin = h.groupFirstColumn;
        colEnd = colBegin + h.groupColumns;
    }

    float lo = std::numeric_limits<float>::infinity();
    float hi = -std::numeric_limits<float>::infinity();
    for (std::int64_t r = rowBegin; r < rowEnd; ++r) {
        for (std::int64_t c = colBegin; c < colEnd; ++c) {
            const float v = weight[static_cast<std::size_t>(r * cols + c)];
            ++h.total;
            if (!std::isfinite(v)) {
                ++h.nonFinite;
                continue;
            }
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    const int bins = std::max(1, request.bins);
    h.counts.assign(static_cast<std::size_t>(bins), 0.0);
    if (h.total == h.nonFinite)
        return h; // nothing finite to count
    h.minValue = lo;
    h.maxValue = hi;
    h.lo = lo;
    h.hi = hi;
    if (h.hi <= h.lo) { // a single value: give the bins a width around it
        const double pad = std::max(std::abs(h.lo) * 1e-3, 1e-12);
        h.lo -= pad;
        h.hi += pad;
    }
    const double scale = bins / (h.hi - h.lo);
    for (std::int64_t r = rowBegin; r < rowEnd; ++r) {
        for (std::int64_t c = colBegin; c < colEnd; ++c) {
            const float v = weight[static_cast<std::size_t>(r * cols + c)];
            if (!std::isfinite(v))
                continue;
            const auto bin = std::clamp<std::int64_t>(static_cast<std::int64_t>((v - h.lo) * scale),
                                                      0, bins - 1);
            h.counts[static_cast<std::size_t>(bin)] += 1.0;
        }
    }

    // Quantization skips a layer holding any non-finite weight, so no part of such a layer gets a
    // grid, even a row or group that is itself finite (the min/max grid also requires finite
    // values for the rows it is computed on, which is every row).
    const bool layerFinite =
        h.nonFinite == 0
        && std::all_of(weight.begin(), weight.end(), [](float v) { return std::isfinite(v); });
    if (!gridValid || !layerFinite)
        return h;

    // The grid: the run's own parameters when it has codes on unscaled columns, else the plan's
    // min/max grid (what round-to-nearest uses).
    const bool fromRun = run && (!run->tensor.codes.empty() || !run->weight.empty());
    const bool runShapeFits =
        !fromRun
        || (run->tensor.codes.empty() ? run->weight.size() == static_cast<std::size_t>(rows * cols)
                                      : run->tensor.rows == rows && run->tensor.cols == cols);
    if (!runShapeFits)
        throw Error(tr("the run's layer %1 does not have the shape of the weights (%2×%3)")
                        .arg(run->name)
                        .arg(rows)
                        .arg(cols));
    h.scaledColumns = fromRun && !run->inputScale.empty();
    const QuantScheme& gridScheme = fromRun ? run->config.scheme : scheme;
    const float maxCode = static_cast<float>(gridScheme.maxCode());
    if (!h.scaledColumns) {
        h.hasGrid = true;
        std::vector<GridParams> planParams;
        if (!fromRun || run->tensor.codes.empty())
            planParams = minMaxGridForMatrix(weight, rows, cols, scheme);
        const auto paramsAt = [&](std::int64_t r, std::int64_t c) -> const GridParams& {
            return planParams.empty()
                       ? run->tensor.paramsAt(r, c)
                       : planParams[static_cast<std::size_t>(r * groups + c / width)];
        };
        h.grid = paramsAt(h.request.row, h.groupFirstColumn);
        for (int code = 0; code <= gridScheme.maxCode(); ++code)
            h.gridLevels.push_back(dequantizeCode(static_cast<float>(code), h.grid));
        for (std::int64_t r = rowBegin; r < rowEnd; ++r) {
            for (std::int64_t c = colBegin; c < colEnd; ++c)
                h.clipped += isClipped(weight[static_cast<std::size_t>(r * cols + c)],
                                       paramsAt(r, c), maxCode)
                                 ? 1
                                 : 0;
        }
    }

    // After: the run's weights in the original input space, or round-to-nearest on the plan.
    std::vector<float> after;
    if (fromRun) {
        after = run->weightInOriginalSpace();
        h.afterSource = WeightHistogram::AfterSource::Run;
        h.runConfig = run->config.describe();
    } else {
        after = quantizeRtn(weight, rows, cols, scheme).dequantize();
        h.afterSource = WeightHistogram::AfterSource::PlanRoundToNearest;
    }
    h.afterCounts.assign(static_cast<std::size_t>(bins), 0.0);
    std::vector<double> errors;
    errors.reserve(static_cast<std::size_t>(h.total));
    double errorLo = std::numeric_limits<double>::infinity();
    double errorHi = -errorLo;
    double squares = 0.0;
    for (std::int64_t r = rowBegin; r < rowEnd; ++r) {
        for (std::int64_t c = colBegin; c < colEnd; ++c) {
            const auto i = static_cast<std::size_t>(r * cols + c);
            const auto bin = std::clamp<std::int64_t>(
                static_cast<std::int64_t>(std::floor((after[i] - h.lo) * scale)), 0, bins - 1);
            h.afterCounts[static_cast<std::size_t>(bin)] += 1.0;
            const double e = double(after[i]) - double(weight[i]);
            errors.push_back(e);
            errorLo = std::min(errorLo, e);
            errorHi = std::max(errorHi, e);
            squares += e * e;
        }
    }
    h.errorMse = squares / double(errors.size());
    h.errorMaxAbs = std::max(std::abs(errorLo), std::abs(errorHi));
    if (errorHi <= errorLo) { // every error equal (an exactly representable scope)
        const double pad = std::max(std::abs(errorLo) * 1e-3, 1e-12);
        errorLo -= pad;
        errorHi += pad;
    }
    h.errorLo = errorLo;
    h.errorHi = errorHi;
    h.errorCounts.assign(static_cast<std::size_t>(bins), 0.0);
    const double errorScale = bins / (errorHi - errorLo);
    for (double e : errors) {
        const auto bin = std::clamp<std::int64_t>(
            static_cast<std::int64_t>(std::floor((e - errorLo) * errorScale)), 0, bins - 1);
        h.errorCounts[static_cast<std::size_t>(bin)] += 1.0;
    }
    return h;
}

} // namespace qb
