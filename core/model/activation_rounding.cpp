#include "core/model/activation_rounding.h"

#include "core/io/dtype.h"
#include "core/util/parallel.h"

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

// The SmoothQuant reference's clamp(min=1e-5) on the row's max |x| (torch compares with 1e-5f).
constexpr float kMinMagnitude = 1e-5f;
// 2^(8−1) − 1: the largest int8 code of the symmetric absmax grid.
constexpr float kInt8Max = 127.0f;
// The largest finite FP8 E4M3 value, and vLLM's floor on a dynamic FP8 scale.
constexpr float kFp8Max = 448.0f;
constexpr float kFp8MinScale = 1.0f / (kFp8Max * 512.0f);

// The row's max |x|, or NaN when it holds NaN or ±Inf (std::max would skip a NaN).
float rowAbsMax(const float* row, std::int64_t cols)
{
    float maxAbs = 0.0f;
    bool finite = true;
    for (std::int64_t c = 0; c < cols; ++c) {
        maxAbs = std::max(maxAbs, std::abs(row[c]));
        finite = finite && std::isfinite(row[c]);
    }
    return finite ? maxAbs : std::nanf("");
}

} // namespace

QString ActivationRoundingText::describe(ActivationRounding rounding)
{
    switch (rounding) {
    case ActivationRounding::None:
        return {};
    case ActivationRounding::Int8PerToken:
        return tr("int8 per token");
    case ActivationRounding::Fp8E4M3PerToken:
        return tr("FP8 E4M3 per token");
    }
    return {};
}

void roundActivationsPerToken(RowMatrix& x, ActivationRounding rounding)
{
    if (rounding == ActivationRounding::None)
        return;
    const std::int64_t cols = x.cols();
    parallelFor(x.rows(), rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            float* row = x.data() + r * cols;
            const float maxAbs = rowAbsMax(row, cols);
            // A NaN max gives a NaN scale (std::max returns its first argument when the
            // comparison fails), which makes every element NaN, as in the reference.
            if (rounding == ActivationRounding::Int8PerToken) {
                const float scale = std::max(maxAbs, kMinMagnitude) / kInt8Max;
                for (std::int64_t c = 0; c < cols; ++c)
                    row[c] = std::nearbyint(row[c] / scale) * scale;
            } else {
                const float scale = std::max(maxAbs / kFp8Max, kFp8MinScale);
                for (std::int64_t c = 0; c < cols; ++c)
                    row[c] = fp8E4M3ToFloat(floatToFp8E4M3(row[c] / scale)) * scale;
            }
        }
    });
}

} // namespace qb
