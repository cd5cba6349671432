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
};

class WeightHistogramBuilder {
    Q_DECLARE_TR_FUNCTIONS(WeightHistogramBuilder)

public:
    // Reads the layer and computes its histogram. Throws Error for an unknown layer.
    static std::shared_ptr<const WeightHistogram>
    compute(const LoadedModel& model, const HistogramRequest& request, Progress& progress);
    // The same from a weight matrix [rows, cols] already in memory.
    static WeightHistogram fromWeights(std::span<const float> weight, std::int64_t rows,
                                       std::int64_t cols, const HistogramRequest& request);
};

} // namespace qb
