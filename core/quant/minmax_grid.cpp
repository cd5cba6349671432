#include "core/quant/minmax_grid.h"

#include <algorithm>

namespace qb {

GridParams minMaxGridParams(const float* values, std::int64_t count, int bits, bool symmetric)
{
    float xmin = 0.0f;
    float xmax = 0.0f;
    for (std::int64_t i = 0; i < count; ++i) {
        xmin = std::min(xmin, values[i]);
        xmax = std::max(xmax, values[i]);
    }
    const float maxq = static_cast<float>((1 << bits) - 1);
    if (symmetric) {
        xmax = std::max(std::abs(xmin), xmax);
        if (xmin < 0.0f)
            xmin = -xmax;
    }
    if (xmin == 0.0f && xmax == 0.0f) {
        xmin = -1.0f;
        xmax = 1.0f;
    }
    GridParams p;
    p.scale = (xmax - xmin) / maxq;
    p.zero = symmetric ? (maxq + 1.0f) / 2.0f : std::nearbyint(-xmin / p.scale);
    return p;
}

} // namespace qb
