#pragma once

#include "core/quant/minmax_grid.h"
#include "core/quant/quant_scheme.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace qb {

// Small pieces the grid quantizers (AWQ's grid, RTN's clip search) share.

// Where the groups of a row of `cols` values are under `scheme`: per channel and per tensor one
// group spanning the row; groups of `width` columns, the last one shorter when width does not
// divide cols.
struct GroupLayout {
    std::int64_t width = 0;
    std::int64_t groups = 0;
    bool perTensor = false;

    GroupLayout(const QuantScheme& scheme, std::int64_t cols)
        : width(scheme.groupWidth(cols))
        , groups(scheme.groupsPerRow(cols))
        , perTensor(scheme.granularity == Granularity::PerTensor)
    {
    }
    std::int64_t first(std::int64_t g) const { return g * width; }
    std::int64_t count(std::int64_t g, std::int64_t cols) const
    {
        return std::min(width, cols - g * width);
    }
};

// lo, hi = min and max of `count` (> 0) values.
inline void minMax(const float* values, std::int64_t count, float& lo, float& hi)
{
    lo = values[0];
    hi = values[0];
    for (std::int64_t i = 1; i < count; ++i) {
        lo = std::min(lo, values[i]);
        hi = std::max(hi, values[i]);
    }
}

// lo, hi = min and max of a whole matrix [rows, cols] (rows, cols > 0), spread over the workers.
inline void matrixMinMax(std::span<const float> values, std::int64_t rows, std::int64_t cols,
                         float& lo, float& hi)
{
    std::vector<float> los(static_cast<std::size_t>(rows));
    std::vector<float> his(static_cast<std::size_t>(rows));
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r)
            minMax(values.data() + r * cols, cols, los[static_cast<std::size_t>(r)],
                   his[static_cast<std::size_t>(r)]);
    });
    lo = *std::min_element(los.begin(), los.end());
    hi = *std::max_element(his.begin(), his.end());
}

// The shrink factor of clip step i, 1 − i/20, in float32 as llm-awq's clip search (a Python
// float times a float32 tensor: the factor is rounded to float32 first). RTN's clip search uses
// the same steps.
inline float clipShrinkFactor(int step)
{
    return static_cast<float>(1.0 - step / 20.0);
}

// One group's range [groupMin, groupMax] shrunk by `factor` (clip), and the reference min/max grid
// of the values clamped to it: values are clamped to [lo, hi] and rounded on `params`. The min/max
// grid of the clamped values depends only on their min and max (with 0), which are the group's
// min and max clamped, so factor 1 gives exactly the grid of minMaxGridParams (plain RTN).
struct ShrunkGrid {
    float lo = 0.0f;
    float hi = 0.0f;
    GridParams params;
};

inline ShrunkGrid shrunkGrid(float groupMin, float groupMax, float factor,
                             const QuantScheme& scheme)
{
    ShrunkGrid grid;
    grid.lo = groupMin * factor;
    grid.hi = groupMax * factor;
    const float ends[2] = {std::clamp(groupMin, grid.lo, grid.hi),
                           std::clamp(groupMax, grid.lo, grid.hi)};
    grid.params = minMaxGridParams(ends, 2, scheme.bits, scheme.symmetric);
    return grid;
}

// The code of x clamped to the shrunk range.
inline float codeOnShrunkGrid(float x, const ShrunkGrid& grid, float maxCode)
{
    return quantizeToCode(std::clamp(x, grid.lo, grid.hi), grid.params, maxCode);
}

} // namespace qb
