#pragma once

#include "core/model/forward_hooks.h"

#include <cstdint>

namespace qb {

// One slice of output columns of Y = X Wᵀ, the unit the threads share:
//   y[:, begin:end] = x · w[begin:end, :]ᵀ
// for x [rows, inner] and w [*, inner] row-major (leading dimension inner) and y row-major with
// leading dimension ldy (≥ end). Overwrites the slice.
using LinearSliceProduct = void (*)(const float* x, std::int64_t rows, std::int64_t inner,
                                    const float* w, std::int64_t begin, std::int64_t end, float* y,
                                    std::int64_t ldy);

// The slice product on the build's own instruction set (Eigen).
void linearSliceProduct(const float* x, std::int64_t rows, std::int64_t inner, const float* w,
                        std::int64_t begin, std::int64_t end, float* y, std::int64_t ldy);

// Y = X Wᵀ (+ bias) for X [rows, in] and W [out, in] row-major (bias [out] or null), the output
// columns spread over the worker threads (Eigen's own products are single-threaded here). The one
// product of a linear layer: the forward pass, the quantizers' losses and the output metrics.
// `slice` computes each thread's columns (CpuBackend passes a wider instruction set's where the CPU
// has one); null: linearSliceProduct.
void linearProduct(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                   RowMatrix& y, LinearSliceProduct slice = nullptr);

// Output columns per worker task of a product with `rows` × `inner` inputs: at least ~2^20
// multiply-adds per task, so that small products stay on one thread.
std::int64_t linearColumnsPerTask(std::int64_t rows, std::int64_t inner);

} // namespace qb
