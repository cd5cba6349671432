#pragma once

#include <limits>
#include <span>

namespace qb {

// How far quantized weights Ŵ are from the originals W (element-wise, accumulated in double).
struct WeightErrorMetrics {
    double mse = 0.0;           // mean of (W - Ŵ)²
    double relativeError = 0.0; // ||W - Ŵ||_F / ||W||_F (0 when W is all zero)
    double sqnrDb = std::numeric_limits<double>::infinity(); // 10·log10(||W||² / ||W - Ŵ||²)
    double maxAbsError = 0.0;                                // max |W - Ŵ|
};

// Precondition: original.size() == quantized.size().
WeightErrorMetrics measureWeightError(std::span<const float> original,
                                      std::span<const float> quantized);

} // namespace qb
