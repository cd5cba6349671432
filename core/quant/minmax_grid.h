#pragma once

#include <cmath>
#include <cstdint>

namespace qb {

// Scale and zero point of one group. `zero` holds an integer value (a float, as in the reference,
// so the arithmetic below matches it bit for bit).
struct GridParams {
    float scale = 1.0f;
    float zero = 0.0f;
};

// The reference min/max grid: Quantizer.find_params of IST-DASLab/gptq (quant.py) applied to one
// group of `count` values, in float32 like the reference.
//   xmin = min(values, 0), xmax = max(values, 0)          (0 is always representable)
//   symmetric: xmax = max(|xmin|, xmax); xmin = -xmax only if xmin < 0 (an all-non-negative group
//              keeps xmin = 0, exactly as the reference does)
//   xmin = xmax = 0 -> [-1, 1]
//   scale = (xmax - xmin) / maxq; zero = symmetric ? (maxq + 1) / 2 : round(-xmin / scale)
// Rounding is half-to-even (torch.round), i.e. std::nearbyint in the default rounding mode.
// Precondition: the values are finite.
GridParams minMaxGridParams(const float* values, std::int64_t count, int bits, bool symmetric);

// q = clamp(round(x / scale) + zero, 0, maxq), as a float holding an integer.
inline float quantizeToCode(float x, const GridParams& p, float maxCode)
{
    const float q = std::nearbyint(x / p.scale) + p.zero;
    return q < 0.0f ? 0.0f : (q > maxCode ? maxCode : q);
}

// The code before clamping is outside [0, maxq]: the value is clipped by the grid.
inline bool isClipped(float x, const GridParams& p, float maxCode)
{
    const float q = std::nearbyint(x / p.scale) + p.zero;
    return q < 0.0f || q > maxCode;
}

inline float dequantizeCode(float code, const GridParams& p)
{
    return p.scale * (code - p.zero);
}

} // namespace qb
