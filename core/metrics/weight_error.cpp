#include "core/metrics/weight_error.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace qb {

WeightErrorMetrics measureWeightError(std::span<const float> original,
                                      std::span<const float> quantized)
{
    Q_ASSERT(original.size() == quantized.size());
    double signal = 0.0;
    double noise = 0.0;
    double maxAbs = 0.0;
    for (std::size_t i = 0; i < original.size(); ++i) {
        const double w = original[i];
        const double d = w - static_cast<double>(quantized[i]);
        signal += w * w;
        noise += d * d;
        maxAbs = std::max(maxAbs, std::abs(d));
    }
    WeightErrorMetrics m;
    m.maxAbsError = maxAbs;
    if (!original.empty())
        m.mse = noise / static_cast<double>(original.size());
    m.relativeError = signal > 0.0 ? std::sqrt(noise / signal) : 0.0;
    if (noise > 0.0)
        m.sqnrDb = signal > 0.0 ? 10.0 * std::log10(signal / noise)
                                : -std::numeric_limits<double>::infinity();
    return m;
}

} // namespace qb
