#include "core/quant/quantized_tensor.h"

#include "core/util/parallel.h"

#include <algorithm>

namespace qb {

namespace {

// Rows per parallel chunk so that each chunk handles at least ~64k weights.
std::int64_t rowsPerChunk(std::int64_t cols)
{
    return std::max<std::int64_t>(1, (std::int64_t(1) << 16) / std::max<std::int64_t>(cols, 1));
}

} // namespace

std::vector<float> QuantizedTensor::dequantize() const
{
    std::vector<float> values(static_cast<std::size_t>(rows * cols));
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t c = 0; c < cols; ++c)
                values[static_cast<std::size_t>(r * cols + c)] = dequantizedAt(r, c);
        }
    });
    return values;
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
    QuantizedTensor result;
    result.scheme = scheme;
    result.rows = rows;
    result.cols = cols;
    result.groupWidth = scheme.groupWidth(cols);
    result.groupsPerRow = scheme.groupsPerRow(cols);
    result.params = minMaxGridForMatrix(weight, rows, cols, scheme);
    result.codes.resize(static_cast<std::size_t>(rows * cols));
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
