#pragma once

#include "core/model/forward_hooks.h"

#include <cstdint>

namespace qb {

// Y = X Wᵀ (+ bias) for X [rows, in] and W [out, in] row-major (bias [out] or null), the output
// columns spread over the worker threads (Eigen's own products are single-threaded here). The one
// product of a linear layer: the forward pass, the quantizers' losses and the output metrics.
void linearProduct(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                   RowMatrix& y);

// Output columns per worker task of a product with `rows` × `inner` inputs: at least ~2^20
// multiply-adds per task, so that small products stay on one thread.
std::int64_t linearColumnsPerTask(std::int64_t rows, std::int64_t inner);

} // namespace qb
