#pragma once

#include "core/model/forward_hooks.h"

#include <cstdint>
#include <limits>

namespace qb {

// How far a quantized layer's outputs Ŷ are from the full-precision outputs Y on the same input
// rows: the error that matters to the model, unlike the weight error.
struct OutputErrorMetrics {
    double mse = 0.0;           // mean over rows and outputs of (Y − Ŷ)²
    double relativeError = 0.0; // ‖Y − Ŷ‖_F / ‖Y‖_F (0 when Y is all zero)
    double sqnrDb = std::numeric_limits<double>::infinity(); // 10·log10(‖Y‖² / ‖Y − Ŷ‖²)
    std::int64_t rows = 0;                                   // input rows measured
};

// Sums output errors over any number of row tiles (accumulated in double).
class OutputErrorAccumulator {
public:
    // exact and approx: [rows, out] each, the same shape.
    void add(const RowMatrix& exact, const RowMatrix& approx);
    OutputErrorMetrics result() const;

private:
    double m_squaredError = 0.0;
    double m_squaredSignal = 0.0;
    std::int64_t m_values = 0;
    std::int64_t m_rows = 0;
};

} // namespace qb
