#pragma once

#include "core/quant/minmax_grid.h"
#include "core/quant/quant_scheme.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qb {

// A weight matrix [rows, cols] (rows = output channels) on an integer grid: a code per weight and
// the scale and zero point of every (row, group). A per-tensor scheme repeats its one parameter
// pair in every row so that indexing is the same for all granularities.
//
// Column c belongs to group c / groupWidth, unless groupIndex is set: GPTQ with act-order forms
// its groups in another column order, and groupIndex[c] (g_idx in the GPTQ checkpoint format)
// then says which group each column's parameters are in.
struct QuantizedTensor {
    QuantScheme scheme;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::int64_t groupWidth = 0; // columns per group (the last group of a row may be shorter)
    std::int64_t groupsPerRow = 0;
    std::vector<std::uint8_t> codes;      // [rows, cols], each in 0 … scheme.maxCode()
    std::vector<GridParams> params;       // [rows, groupsPerRow]
    std::vector<std::int32_t> groupIndex; // [cols], or empty: column c is in group c / groupWidth

    std::int64_t groupOf(std::int64_t col) const
    {
        return groupIndex.empty() ? col / groupWidth : groupIndex[static_cast<std::size_t>(col)];
    }
    const GridParams& paramsAt(std::int64_t row, std::int64_t col) const
    {
        return params[static_cast<std::size_t>(row * groupsPerRow + groupOf(col))];
    }
    float dequantizedAt(std::int64_t row, std::int64_t col) const
    {
        return dequantizeCode(codes[static_cast<std::size_t>(row * cols + col)],
                              paramsAt(row, col));
    }
    // Every weight back in float32, [rows, cols].
    std::vector<float> dequantize() const;
    // Row `row` back in float32 into `out` [cols]: the values of dequantize().
    void dequantizeRow(std::int64_t row, std::span<float> out) const;

    // A tensor of `scheme`'s layout for [rows, cols]: the shape fields set, codes and params
    // allocated (zero), for a quantizer to fill in.
    static QuantizedTensor allocate(const QuantScheme& scheme, std::int64_t rows,
                                    std::int64_t cols);
};

// The grid parameters the reference min/max grid gives each (row, group) of `weight` [rows, cols].
// Shared by round-to-nearest and by everything that draws the grid.
std::vector<GridParams> minMaxGridForMatrix(std::span<const float> weight, std::int64_t rows,
                                            std::int64_t cols, const QuantScheme& scheme);

// Round-to-nearest: each weight to the nearest level of its group's min/max grid. Equal to the
// reference (IST-DASLab/gptq Quantizer with perchannel=True applied per group). Precondition:
// finite weights, weight.size() == rows * cols, a valid scheme. Runs on all worker threads.
QuantizedTensor quantizeRtn(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                            const QuantScheme& scheme);

} // namespace qb
