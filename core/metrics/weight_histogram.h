#pragma once

#include "core/quant/minmax_grid.h"
#include "core/quant/quant_plan.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace qb {

class LoadedModel;
class Progress;
struct QuantizedLayer;

// Which weights of a layer a histogram counts.
enum class HistogramScope : std::uint8_t { Layer, Row, Group };

struct HistogramRequest {
    QString layerName;
    LayerQuantConfig config; // the grid to draw; method None draws none
    HistogramScope scope = HistogramScope::Layer;
    std::int64_t row = 0; // the row and group whose grid levels are drawn (clamped to the layer)
    std::int64_t group = 0;
    int bins = 128;
};

// An immutable histogram of a layer's weights with the quantization grid of one chosen (row,
// group) over it: what HistogramView draws. Counts are over equal-width bins spanning the finite
// weights of the scope.
struct WeightHistogram {
    HistogramRequest request; // with row and group clamped to the layer
    std::int64_t rows = 0;    // the layer's shape
    std::int64_t cols = 0;
    std::int64_t groupFirstColumn = 0; // the chosen group's columns
    std::int64_t groupColumns = 0;

    double lo = 0.0; // range of the bins
    double hi = 0.0;
    std::vector<double> counts;
    std::int64_t total = 0;     // weights in the scope
    std::int64_t nonFinite = 0; // of which NaN or Inf (not binned)
    float minValue = 0.0f;
    float maxValue = 0.0f;

    // False when the method keeps the layer, the scheme is invalid, or any weight of the layer
    // (not only of the scope) is NaN or infinite: quantization skips such a layer.
    bool hasGrid = false;
    GridParams grid;                // the chosen group's scale and zero point
    std::vector<double> gridLevels; // every level of that grid, ascending
    // Weights of the scope whose code falls outside the grid before clamping (each judged by its
    // own group's grid).
    std::int64_t clipped = 0;
    double clippedFraction() const { return total > 0 ? double(clipped) / double(total) : 0.0; }

    double binWidth() const { return counts.empty() ? 0.0 : (hi - lo) / double(counts.size()); }

    // The same scope after quantization — what the weights become and what rounding did to them.
    // From a pipeline run's layer when one was given (GPTQ's and AWQ's weights are not the
    // plan's round-to-nearest), else round-to-nearest on the plan's grid; none when the layer
    // keeps full precision or cannot be quantized.
    enum class AfterSource : std::uint8_t { None, PlanRoundToNearest, Run };
    AfterSource afterSource = AfterSource::None;
    QString runConfig; // the run layer's settings (LayerQuantConfig::describe) when from a run
    // The run scaled the layer's input channels before rounding (AWQ, SmoothQuant): every column
    // then has a grid of its own in the original space, so no single grid is drawn.
    bool scaledColumns = false;
    // The quantized weights on the bins above (a symmetric grid can round up to half a step past
    // the range: such values count in the edge bins).
    std::vector<double> afterCounts;
    // The rounding error ŵ − w per weight, over its own equal-width bins [errorLo, errorHi]
    // (as many as `counts`), with its mean square and largest magnitude. A run's AWQ or
    // SmoothQuant weight is compared in the original input space (scale divided out).
    double errorLo = 0.0;
    double errorHi = 0.0;
    std::vector<double> errorCounts;
    double errorMse = 0.0;
    double errorMaxAbs = 0.0;
    double errorBinWidth() const
    {
        return errorCounts.empty() ? 0.0 : (errorHi - errorLo) / double(errorCounts.size());
    }
};

class WeightHistogramBuilder {
    Q_DECLARE_TR_FUNCTIONS(WeightHistogramBuilder)

public:
    // Reads the layer and computes its histogram. `run`, when given, is the layer as a pipeline
    // run quantized it (with request.config its settings): its weights are the "after", and
    // its grid (when its columns are not scaled) the one drawn. Throws Error for an unknown
    // layer or a run layer of another shape.
    static std::shared_ptr<const WeightHistogram> compute(const LoadedModel& model,
                                                          const HistogramRequest& request,
                                                          Progress& progress,
                                                          const QuantizedLayer* run = nullptr);
    // The same from a weight matrix [rows, cols] already in memory.
    static WeightHistogram fromWeights(std::span<const float> weight, std::int64_t rows,
                                       std::int64_t cols, const HistogramRequest& request,
                                       const QuantizedLayer* run = nullptr);
};

} // namespace qb
