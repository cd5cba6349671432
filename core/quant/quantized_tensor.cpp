#include "core/quant/quantized_tensor.h"

#include "core/util/parallel.h"

#include <algorithm>

namespace qb {

std::vector<float> QuantizedTensor::dequantize() const
{
    std::vector<float> values(static_cast<std::size_t>(rows * cols));
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r)
            dequantizeRow(
                r, std::span<float>(values.data() + r * cols, static_cast<std::size_t>(cols)));
    });
    return values;
}

void QuantizedTensor::dequantizeRow(std::int64_t row, std::span<float> out) const
{
    Q_ASSERT(static_cast<std::int64_t>(out.size()) == cols);
    const std::uint8_t* in = codes.data() + row * cols;
    if (!groupIndex.empty()) {
        for (std::int64_t c = 0; c < cols; ++c)
            out[static_cast<std::size_t>(c)] = dequantizedAt(row, c);
        return;
    }
    // Group by group, so that the loop over a group's codes vectorizes (a generation step
    // dequantizes every layer of a model); the same expression as dequantizedAt.
    for (std::int64_t g = 0; g < groupsPerRow; ++g) {
        const GridParams& p = params[static_cast<std::size_t>(row * groupsPerRow + g)];
        const std::int64_t first = g * groupWidth;
        const std::int64_t last = std::min(cols, first + groupWidth);
        for (std::int64_t c = first; c < last; ++c)
            out[static_cast<std::size_t>(c)] = dequantizeCode(in[c], p);
    }
}

QuantizedTensor QuantizedTensor::allocate(const QuantScheme& scheme, std::int64_t rows,
                                          std::int64_t cols)
{
    QuantizedTensor tensor;
    tensor.scheme = scheme;
    tensor.rows = rows;
    tensor.cols = cols;
    tensor.groupWidth = scheme.groupWidth(cols);
    tensor.groupsPerRow = scheme.groupsPerRow(cols);
    tensor.params.resize(static_cast<std::size_t>(rows * tensor.groupsPerRow));
    tensor.codes.resize(static_cast<std::size_t>(rows * cols));
    return tensor;
}

std::vector<GridParams> minMaxGridForMatrix(std::span<const float> weight, std::int64_t rows,
                                            std::int64_t cols, const QuantScheme& scheme)
{
    const std::int64_t width = scheme.groupWidth(cols);
    const std::int64_t groups = scheme.groupsPerRow(cols);
    std::vector<GridParams> params(static_cast<std::size_t>(rows * groups));
    if (scheme.granularity == Granularity::PerTensor) {
        std::fill(params.begin(), params.end(),
                  minMaxGridParams(weight.data(), rows * cols, scheme.bits, scheme.symmetric));
        return params;
    }
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t g = 0; g < groups; ++g) {
                const std::int64_t first = g * width;
                const std::int64_t count = std::min(width, cols - first);
                params[static_cast<std::size_t>(r * groups + g)] = minMaxGridParams(
                    weight.data() + r * cols + first, count, scheme.bits, scheme.symmetric);
            }
        }
    });
    return params;
}

QuantizedTensor quantizeRtn(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                            const QuantScheme& scheme)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    QuantizedTensor result = QuantizedTensor::allocate(scheme, rows, cols);
    result.params = minMaxGridForMatrix(weight, rows, cols, scheme);
    const float maxCode = static_cast<float>(scheme.maxCode());
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t c = 0; c < cols; ++c) {
                const auto i = static_cast<std::size_t>(r * cols + c);
                result.codes[i] = static_cast<std::uint8_t>(
                    quantizeToCode(weight[i], result.paramsAt(r, c), maxCode));
            }
        }
    });
    return result;
}

} // namespace qb
